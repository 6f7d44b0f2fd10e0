package org.hemonet.diary.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hemonet.diary.Annotation;
import org.hemonet.diary.AnnotationRequest;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedCause;
import org.hemonet.diary.BleedCorrection;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.BleedRequest;
import org.hemonet.diary.BleedSite;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionCorrection;
import org.hemonet.diary.InfusionReason;
import org.hemonet.diary.InfusionRequest;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.PhotoMetadata;
import org.hemonet.shared.StaleVersionException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The phone pages of the diary (issue 6): the diary list, "log a bleed" with a body map and "log an infusion". A parent
 * picks the child first. Each save is one request; entries made offline are queued by {@code diary.js} and sent to the
 * sync API when the phone is back online.
 */
@Controller
class DiaryPageController {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final BleedDiary diary;
    private final PatientRegistry patients;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final org.hemonet.product.ProductCatalogue catalogue;

    DiaryPageController(
            BleedDiary diary,
            PatientRegistry patients,
            CurrentActor currentActor,
            Clock clock,
            org.hemonet.product.ProductCatalogue catalogue) {
        this.catalogue = catalogue;
        this.diary = diary;
        this.patients = patients;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The bleed form's fields; times are local. */
    record BleedForm(
            @Nullable UUID patient,
            @Nullable String startedAt,
            @Nullable BleedSite site,
            @Nullable BleedCause cause,
            @Nullable Integer pain,
            @Nullable Boolean jointImmobilising,
            @Nullable Integer daysLostSchool,
            @Nullable Integer daysLostWork,
            @Nullable String note,
            @Nullable Integer version,
            @Nullable String reason) {}

    record InfusionForm(
            @Nullable UUID patient,
            @Nullable String administeredAt,
            @Nullable UUID productId,
            @Nullable String batchNumber,
            @Nullable BigDecimal doseIu,
            @Nullable BigDecimal doseMg,
            @Nullable InfusionReason reason,
            @Nullable UUID bleedId,
            @Nullable String givenBy,
            @Nullable Integer version,
            @Nullable String correctionReason) {}

    @GetMapping("/diary")
    String list(@RequestParam(name = "patient", required = false) @Nullable UUID patientId, Model model) {
        Actor actor = currentActor.require();
        PatientSummary patient = choose(actor, patientId, model);
        if (patient == null) {
            return "diary/choose";
        }
        BleedDiary.DiaryPage page = diary.page(actor, patient.id());
        model.addAttribute("bleeds", page.entries().bleeds());
        model.addAttribute("infusions", page.entries().infusions());
        model.addAttribute("details", page.details());
        model.addAttribute("dose", page.scheduledDose());
        model.addAttribute("staff", !actor.hasRole("PATIENT"));
        return "diary/list";
    }

    @GetMapping("/diary/bleed")
    String bleedForm(@RequestParam(name = "patient", required = false) @Nullable UUID patientId, Model model) {
        Actor actor = currentActor.require();
        PatientSummary patient = choose(actor, patientId, model);
        if (patient == null) {
            return "diary/choose";
        }
        model.addAttribute("now", now(patient.timeZone()));
        model.addAttribute("error", null);
        model.addAttribute("entry", null);
        addChoices(model);
        return "diary/bleed";
    }

    @PostMapping("/diary/bleed")
    String logBleed(
            @ModelAttribute BleedForm form,
            @RequestParam(name = "photo", required = false) @Nullable MultipartFile photo,
            Model model)
            throws java.io.IOException {
        Actor actor = currentActor.require();
        UUID patientId = required(form.patient());
        ZoneId zone = zoneOf(actor, patientId);
        try {
            byte[] bytes = photoOf(photo);
            var bleed = diary.recordBleed(
                    actor,
                    patientId,
                    new BleedRequest(
                            instant(form.startedAt(), zone),
                            form.site(),
                            form.cause(),
                            form.pain(),
                            form.jointImmobilising(),
                            form.daysLostSchool(),
                            form.daysLostWork(),
                            form.note()));
            if (bytes != null) {
                diary.attachPhoto(actor, patientId, bleed.id(), bytes);
            }
        } catch (InvalidInputException e) {
            choose(actor, patientId, model);
            model.addAttribute("now", form.startedAt() == null ? now(zone) : form.startedAt());
            model.addAttribute("error", e.field());
            model.addAttribute("entry", null);
            addChoices(model);
            return "diary/bleed";
        }
        return "redirect:/diary?patient=" + patientId + "&saved=bleed";
    }

    /** The photo's bytes, checked (JPEG/PNG, ≤ 5 MB, readable) and stripped of metadata before anything is stored; null when none was chosen. */
    private static byte @Nullable [] photoOf(@Nullable MultipartFile photo) throws java.io.IOException {
        if (photo == null || photo.isEmpty()) {
            return null;
        }
        if (photo.getSize() > org.hemonet.diary.BleedPhoto.MAX_BYTES) {
            throw new InvalidInputException("photo", "A photo can be at most 5 MB.");
        }
        byte[] bytes = photo.getBytes();
        org.hemonet.diary.BleedPhoto.contentTypeOf(bytes, "photo");
        try {
            return PhotoMetadata.strip(bytes, "photo");
        } catch (InvalidInputException damaged) {
            // refused before the bleed is stored; the page says the file is damaged, not that it is the wrong kind
            throw new InvalidInputException("photoDamaged", damaged.getMessage());
        }
    }

    /** The bleed form filled with a stored bleed, to correct it (with a reason; the old version is kept). */
    @GetMapping("/diary/bleed/{bleedId}/edit")
    String editBleed(@PathVariable UUID bleedId, @RequestParam(name = "patient") UUID patientId, Model model) {
        Actor actor = currentActor.require();
        choose(actor, patientId, model);
        Bleed bleed = diary.bleed(actor, patientId, bleedId);
        model.addAttribute("entry", bleed);
        model.addAttribute("version", diary.details(actor, patientId).versionOf(bleedId));
        model.addAttribute("now", local(bleed.startedAt(), zoneOf(actor, patientId)));
        model.addAttribute("error", null);
        addChoices(model);
        return "diary/bleed";
    }

    @PostMapping("/diary/bleed/{bleedId}/edit")
    String correctBleed(
            @PathVariable UUID bleedId,
            @ModelAttribute BleedForm form,
            @RequestParam(name = "photo", required = false) @Nullable MultipartFile photo,
            Model model)
            throws java.io.IOException {
        Actor actor = currentActor.require();
        UUID patientId = required(form.patient());
        ZoneId zone = zoneOf(actor, patientId);
        try {
            byte[] bytes = photoOf(photo);
            diary.correctBleed(
                    actor,
                    patientId,
                    bleedId,
                    new BleedCorrection(
                            form.version(),
                            form.reason(),
                            instant(form.startedAt(), zone),
                            form.site(),
                            form.cause(),
                            form.pain(),
                            Boolean.TRUE.equals(form.jointImmobilising()),
                            form.daysLostSchool(),
                            form.daysLostWork(),
                            form.note() == null ? "" : form.note()));
            if (bytes != null) {
                diary.attachPhoto(actor, patientId, bleedId, bytes);
            }
        } catch (InvalidInputException | StaleVersionException e) {
            choose(actor, patientId, model);
            Bleed bleed = diary.bleed(actor, patientId, bleedId);
            model.addAttribute("entry", bleed);
            model.addAttribute("version", diary.details(actor, patientId).versionOf(bleedId));
            model.addAttribute("now", form.startedAt() == null ? local(bleed.startedAt(), zone) : form.startedAt());
            model.addAttribute("error", e instanceof InvalidInputException i ? i.field() : "version");
            addChoices(model);
            return "diary/bleed";
        }
        return "redirect:/diary?patient=" + patientId + "&saved=corrected";
    }

    /** One tap: the scheduled prophylaxis dose as shown on the diary page, given now. One request. */
    @PostMapping("/diary/scheduled-dose")
    String logScheduledDose(@ModelAttribute InfusionForm form) {
        Actor actor = currentActor.require();
        UUID patientId = required(form.patient());
        var infusion = diary.recordInfusion(
                actor,
                patientId,
                new InfusionRequest(
                        clock.instant(),
                        productOf(form.productId()),
                        form.batchNumber(),
                        form.doseMg() == null ? form.doseIu() : null,
                        form.doseMg(),
                        InfusionReason.PROPHYLAXIS,
                        null,
                        form.givenBy(),
                        null));
        boolean recalled = diary.fromRecalledBatch(infusion);
        boolean tma = !diary.clinicalWarningsFor(actor, infusion).isEmpty();
        return "redirect:/diary?patient=" + patientId + "&saved=dose" + (recalled ? "&recalled" : "")
                + (tma ? "&apcc" : "");
    }

    /** A clinician's note on an entry, from the diary page (staff of the patient's centres). */
    @PostMapping("/diary/annotate")
    String annotate(
            @RequestParam("patient") UUID patientId,
            @RequestParam("entryType") Annotation.EntryType type,
            @RequestParam("entryId") UUID entryId,
            @RequestParam(name = "text", required = false) @Nullable String text) {
        Actor actor = currentActor.require();
        try {
            diary.annotate(actor, patientId, type, entryId, new AnnotationRequest(text));
        } catch (InvalidInputException e) {
            return "redirect:/diary?patient=" + patientId + "&noteError";
        }
        return "redirect:/diary?patient=" + patientId + "&saved=note#entry-" + entryId;
    }

    @GetMapping("/diary/infusion")
    String infusionForm(
            @RequestParam(name = "patient", required = false) @Nullable UUID patientId,
            @RequestParam(name = "scheduled", defaultValue = "false") boolean scheduled,
            Model model) {
        Actor actor = currentActor.require();
        PatientSummary patient = choose(actor, patientId, model);
        if (patient == null) {
            return "diary/choose";
        }
        model.addAttribute("now", now(patient.timeZone()));
        model.addAttribute("error", null);
        model.addAttribute("entry", null);
        // "Change before saving" of the one-tap dose: the form filled from the plan and the last delivery
        model.addAttribute(
                "prefill", scheduled ? diary.scheduledDose(actor, patient.id()).orElse(null) : null);
        addChoices(model);
        model.addAttribute(
                "openBleeds",
                diary.bleeds(actor, patient.id()).stream()
                        .filter(b -> !b.isVoided())
                        .limit(5)
                        .toList());
        return "diary/infusion";
    }

    @PostMapping("/diary/infusion")
    String logInfusion(@ModelAttribute InfusionForm form, Model model) {
        Actor actor = currentActor.require();
        UUID patientId = required(form.patient());
        ZoneId zone = zoneOf(actor, patientId);
        boolean recalled;
        boolean tma;
        try {
            var infusion = diary.recordInfusion(
                    actor,
                    patientId,
                    new InfusionRequest(
                            instant(form.administeredAt(), zone),
                            productOf(form.productId()),
                            form.batchNumber(),
                            form.doseMg() == null ? form.doseIu() : null,
                            form.doseMg(),
                            form.reason(),
                            form.reason() == InfusionReason.BLEED ? form.bleedId() : null,
                            form.givenBy(),
                            null));
            recalled = diary.fromRecalledBatch(infusion);
            tma = !diary.clinicalWarningsFor(actor, infusion).isEmpty();
        } catch (InvalidInputException e) {
            choose(actor, patientId, model);
            model.addAttribute("now", form.administeredAt() == null ? now(zone) : form.administeredAt());
            model.addAttribute("error", e.field());
            model.addAttribute("entry", null);
            model.addAttribute("prefill", null);
            addChoices(model);
            model.addAttribute("openBleeds", List.of());
            return "diary/infusion";
        }
        return "redirect:/diary?patient=" + patientId + "&saved=infusion" + (recalled ? "&recalled" : "")
                + (tma ? "&apcc" : "");
    }

    @GetMapping("/diary/infusion/{infusionId}/edit")
    String editInfusion(@PathVariable UUID infusionId, @RequestParam(name = "patient") UUID patientId, Model model) {
        Actor actor = currentActor.require();
        choose(actor, patientId, model);
        fillInfusionEdit(actor, patientId, infusionId, null, null, model);
        return "diary/infusion";
    }

    private void fillInfusionEdit(
            Actor actor, UUID patientId, UUID infusionId, @Nullable String time, @Nullable String error, Model model) {
        Infusion infusion = diary.infusion(actor, patientId, infusionId);
        model.addAttribute("entry", infusion);
        if (infusion.unit() == org.hemonet.diary.DoseUnit.MG) {
            // an infusion logged in mg (emicizumab) is corrected in mg: offer the products dosed in mg, its own first
            model.addAttribute("products", productsIn(org.hemonet.product.DoseUnit.MG));
        }
        model.addAttribute("version", diary.details(actor, patientId).versionOf(infusionId));
        model.addAttribute("now", time == null ? local(infusion.administeredAt(), zoneOf(actor, patientId)) : time);
        model.addAttribute("error", error);
        model.addAttribute("prefill", null);
        addChoices(model);
        model.addAttribute(
                "openBleeds",
                diary.bleeds(actor, patientId).stream()
                        .filter(b -> !b.isVoided())
                        .limit(5)
                        .toList());
    }

    @PostMapping("/diary/infusion/{infusionId}/edit")
    String correctInfusion(@PathVariable UUID infusionId, @ModelAttribute InfusionForm form, Model model) {
        Actor actor = currentActor.require();
        UUID patientId = required(form.patient());
        ZoneId zone = zoneOf(actor, patientId);
        try {
            diary.correctInfusion(
                    actor,
                    patientId,
                    infusionId,
                    new InfusionCorrection(
                            form.version(),
                            form.correctionReason(),
                            instant(form.administeredAt(), zone),
                            productOf(form.productId()),
                            form.batchNumber() == null ? "" : form.batchNumber(),
                            form.doseMg() == null ? form.doseIu() : null,
                            form.doseMg(),
                            form.reason(),
                            form.reason() == InfusionReason.BLEED ? form.bleedId() : null,
                            form.givenBy() == null ? "" : form.givenBy(),
                            null));
        } catch (InvalidInputException | StaleVersionException e) {
            choose(actor, patientId, model);
            String field = e instanceof InvalidInputException i ? i.field() : "version";
            fillInfusionEdit(actor, patientId, infusionId, form.administeredAt(), field, model);
            // keep what was typed (not the stored dose) so the person can fix the field named in the message
            BigDecimal typed = form.doseMg() != null ? form.doseMg() : form.doseIu();
            model.addAttribute("typedDose", typed == null ? null : typed.toPlainString());
            model.addAttribute("typedReason", form.correctionReason());
            return "diary/infusion";
        }
        return "redirect:/diary?patient=" + patientId + "&saved=corrected";
    }

    /**
     * The patient the page is about: the one asked for if the actor may see it (else 404 as for an unknown id, the
     * denial audited by the diary), the only record a patient holds, or null when a parent must pick a child.
     */
    private @Nullable PatientSummary choose(Actor actor, @Nullable UUID patientId, Model model) {
        List<PatientSummary> held = patients.heldBy(actor);
        model.addAttribute("records", held);
        PatientSummary patient;
        if (patientId != null) {
            patient = patients.find(actor, patientId).orElse(null);
            if (patient == null) {
                diary.diary(actor, patientId); // audits the denial and throws NotFoundException
                throw new NotFoundException("patient");
            }
        } else if (held.size() == 1) {
            patient = held.get(0);
        } else {
            return null;
        }
        model.addAttribute("patient", patient);
        model.addAttribute("zone", patient.timeZone());
        // factor concentrates dosed in IU, as the form asks for IU (emicizumab in mg is logged through the API)
        model.addAttribute("products", productsIn(org.hemonet.product.DoseUnit.IU));
        return patient;
    }

    private List<org.hemonet.product.Product> productsIn(org.hemonet.product.DoseUnit unit) {
        return catalogue.products().stream()
                .filter(p -> p.unit() == unit)
                .sorted(java.util.Comparator.comparing(org.hemonet.product.Product::genericName)
                        .thenComparing(org.hemonet.product.Product::id))
                .toList();
    }

    /** A tappable spot of the body map: front view, so the patient's right is on the viewer's left. */
    record Spot(BleedSite site, int x, int y, int r) {}

    static final List<Spot> SPOTS = List.of(
            new Spot(BleedSite.HEAD, 100, 30, 13),
            new Spot(BleedSite.MOUTH, 100, 46, 6),
            new Spot(BleedSite.RIGHT_SHOULDER, 66, 70, 10),
            new Spot(BleedSite.LEFT_SHOULDER, 134, 70, 10),
            new Spot(BleedSite.RIGHT_UPPER_ARM, 55, 105, 8),
            new Spot(BleedSite.LEFT_UPPER_ARM, 145, 105, 8),
            new Spot(BleedSite.RIGHT_ELBOW, 44, 140, 10),
            new Spot(BleedSite.LEFT_ELBOW, 156, 140, 10),
            new Spot(BleedSite.RIGHT_FOREARM, 39, 168, 8),
            new Spot(BleedSite.LEFT_FOREARM, 161, 168, 8),
            new Spot(BleedSite.RIGHT_WRIST, 34, 196, 9),
            new Spot(BleedSite.LEFT_WRIST, 166, 196, 9),
            new Spot(BleedSite.RIGHT_ILIOPSOAS, 88, 160, 8),
            new Spot(BleedSite.LEFT_ILIOPSOAS, 112, 160, 8),
            new Spot(BleedSite.RIGHT_HIP, 78, 186, 10),
            new Spot(BleedSite.LEFT_HIP, 122, 186, 10),
            new Spot(BleedSite.RIGHT_THIGH, 79, 228, 9),
            new Spot(BleedSite.LEFT_THIGH, 121, 228, 9),
            new Spot(BleedSite.RIGHT_KNEE, 78, 270, 11),
            new Spot(BleedSite.LEFT_KNEE, 122, 270, 11),
            new Spot(BleedSite.RIGHT_CALF, 78, 304, 8),
            new Spot(BleedSite.LEFT_CALF, 122, 304, 8),
            new Spot(BleedSite.RIGHT_ANKLE, 78, 336, 10),
            new Spot(BleedSite.LEFT_ANKLE, 122, 336, 10));

    private static void addChoices(Model model) {
        model.addAttribute("spots", SPOTS);
        model.addAttribute("causes", BleedCause.values());
        model.addAttribute("sites", BleedSite.values());
        model.addAttribute("reasons", InfusionReason.values());
    }

    /** A stored instant as the form's local time in the patient's own zone (issue 19). */
    private static String local(java.time.Instant at, ZoneId zone) {
        return INPUT.format(LocalDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.MINUTES));
    }

    private String now(ZoneId zone) {
        return INPUT.format(LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MINUTES));
    }

    /**
     * The patient's own time zone, in which the forms' local times are read and shown; the network's when the actor
     * may not see the patient (the diary call that follows answers 404 and audits the denial).
     */
    private ZoneId zoneOf(Actor actor, UUID patientId) {
        return patients.find(actor, patientId).map(PatientSummary::timeZone).orElse(java.time.ZoneOffset.UTC);
    }

    /** A form's local time read in the patient's zone; in a daylight-saving gap the later offset applies. */
    private static java.time.@Nullable Instant instant(@Nullable String local, ZoneId zone) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(zone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static UUID productOf(@Nullable UUID productId) {
        if (productId == null) {
            throw new InvalidInputException("productId", "Choose a product.");
        }
        return productId;
    }

    private static UUID required(@Nullable UUID patientId) {
        if (patientId == null) {
            throw new NotFoundException("patient");
        }
        return patientId;
    }
}
