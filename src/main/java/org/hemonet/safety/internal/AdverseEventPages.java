package org.hemonet.safety.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.Infusion;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.safety.AdverseEvent;
import org.hemonet.safety.AdverseEventCategory;
import org.hemonet.safety.AdverseEventChange;
import org.hemonet.safety.AdverseEventOutcome;
import org.hemonet.safety.AdverseEventRequest;
import org.hemonet.safety.AdverseEventSource;
import org.hemonet.safety.AdverseEventStatus;
import org.hemonet.safety.AdverseEvents;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff pages of adverse event reports (issue 13, clinical.md §9): the list of a centre's reports (drafts to
 * triage first, those filed by patients first among them; a status filter), the report form opened from the patient
 * record (product and batch picked from the patient's own infusions, or typed), and a report's page with its
 * follow-ups, where the centre team corrects, submits ({@code DRAFT → REPORTED}), closes or voids it with a reason.
 * Every change sends the version the page was read at; a stale one keeps what was typed and says what happened.
 * Also the patient's and parent's "something went wrong after an infusion" form, opened from the diary with the
 * infusion preselected, which files a {@code DRAFT} for the centre team (never counted in the rates).
 */
@Controller
class AdverseEventPages {

    private final AdverseEvents events;
    private final PatientRegistry patients;
    private final BleedDiary diary;
    private final ProductCatalogue catalogue;
    private final CentreDirectory centres;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;

    /** The network's time zone (hemonet.network.time-zone): its calendar years and quarters. */
    private final java.time.ZoneId networkZone;

    AdverseEventPages(
            AdverseEvents events,
            PatientRegistry patients,
            BleedDiary diary,
            ProductCatalogue catalogue,
            CentreDirectory centres,
            AccessPolicy accessPolicy,
            AuditLog auditLog,
            CurrentActor currentActor,
            Clock clock,
            org.hemonet.centre.NetworkSettings network) {
        this.networkZone = network.timeZone();
        this.events = events;
        this.patients = patients;
        this.diary = diary;
        this.catalogue = catalogue;
        this.centres = centres;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** One line of the list: the report with the names a person reads. */
    record Row(AdverseEvent event, String patientName, @Nullable String productName) {}

    /** A message key (with arguments) for what went wrong; the page never shows exception text. */
    record Notice(String key, List<Object> args) {
        static Notice of(String key, Object... args) {
            return new Notice(key, List.of(args));
        }
    }

    // ---- the list ------------------------------------------------------------------------------------------------

    @GetMapping("/safety/adverse-events")
    String list(
            @RequestParam(name = "centre", required = false) @Nullable UUID centreId,
            @RequestParam(name = "patient", required = false) @Nullable UUID patientId,
            @RequestParam(required = false) @Nullable String status,
            Model model) {
        Actor actor = requireStaff();
        AdverseEventStatus wanted = status == null || status.isBlank() ? null : statusOf(status);
        List<Centre> mine = accessPolicy.searchableCentres(actor).stream()
                .map(centres::centre)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Centre::name))
                .toList();
        PatientSummary patient = patientId == null ? null : patient(actor, patientId);
        List<AdverseEvent> found = events.list(actor, patientId, patientId == null ? centreId : null, wanted);
        List<Row> triage = new ArrayList<>();
        List<Row> others = new ArrayList<>();
        for (AdverseEvent e : found) {
            Row row = new Row(e, nameOf(actor, e.patientId()), productName(e.productId()));
            (e.status() == AdverseEventStatus.DRAFT ? triage : others).add(row);
        }
        // drafts filed by patients first (issue 13: "drafts from patients to triage first"), then the newest
        triage.sort(Comparator.comparing((Row r) -> r.event().source() != AdverseEventSource.PATIENT)
                .thenComparing(r -> r.event().createdAt(), Comparator.reverseOrder()));
        model.addAttribute("triage", triage);
        model.addAttribute("others", others);
        model.addAttribute(
                "apccFlags",
                events.apccFlags(actor).stream()
                        .filter(f -> patientId == null || f.patientId().equals(patientId))
                        .toList());
        model.addAttribute("centres", mine);
        model.addAttribute("centreId", centreId);
        model.addAttribute("patient", patient);
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", AdverseEventStatus.values());
        model.addAttribute("zone", networkZone);
        return "safety/list";
    }

    // ---- the staff report form -----------------------------------------------------------------------------------

    @GetMapping("/patients/{patientId}/adverse-events/new")
    String form(
            @PathVariable UUID patientId,
            @RequestParam(name = "infusion", required = false) @Nullable UUID infusionId,
            @RequestParam(name = "product", required = false) @Nullable UUID productId,
            @RequestParam(name = "batch", required = false) @Nullable String batchNumber,
            Model model) {
        Actor actor = requireStaff();
        PatientSummary patient = patient(actor, patientId);
        List<Infusion> infusions = infusionsOf(actor, patientId);
        Map<String, String> values = new LinkedHashMap<>();
        // empty: the day of the chosen infusion (the service's default); filled when opened from one infusion
        values.put("onsetOn", "");
        values.put("outcome", AdverseEventOutcome.UNKNOWN.name());
        values.put("serious", "false");
        infusions.stream()
                .filter(i -> i.id().equals(infusionId))
                .findFirst()
                .ifPresentOrElse(
                        i -> {
                            values.put("infusionId", i.id().toString());
                            values.put("onsetOn", dayOf(i).toString());
                        },
                        () -> values.put(
                                "infusionId",
                                infusions.isEmpty() || productId != null
                                        ? ""
                                        : infusions.get(0).id().toString()));
        // opened from a product given outside the diary (a gene therapy, issue 21): that product and batch preselected
        if (productId != null && infusionId == null) {
            values.put("productId", productId.toString());
            values.put("batchNumber", batchNumber == null ? "" : batchNumber);
        }
        return form(model, patient, infusions, values, null);
    }

    @PostMapping("/patients/{patientId}/adverse-events/new")
    String report(
            @PathVariable UUID patientId,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response,
            Model model) {
        Actor actor = requireStaff();
        PatientSummary patient = patient(actor, patientId);
        Map<String, String> values = valuesOf(form);
        try {
            boolean fromInfusion = !blank(values.get("infusionId"));
            AdverseEventRequest request = new AdverseEventRequest(
                    patientId,
                    enumOf(AdverseEventCategory.class, values.get("category"), "category"),
                    dateOf(values.get("onsetOn"), "onsetOn"),
                    fromInfusion ? null : uuidOf(values.get("productId"), "productId"),
                    fromInfusion ? null : values.get("batchNumber"),
                    "true".equals(values.get("serious")),
                    enumOf(AdverseEventOutcome.class, values.get("outcome"), "outcome"),
                    values.get("narrative"),
                    "draft".equals(values.get("action")) ? AdverseEventStatus.DRAFT : AdverseEventStatus.REPORTED,
                    fromInfusion ? uuidOf(values.get("infusionId"), "infusionId") : null);
            AdverseEvent saved = events.report(actor, request);
            return "redirect:/safety/adverse-events/" + saved.id() + "?done="
                    + (saved.status() == AdverseEventStatus.DRAFT ? "drafted" : "reported");
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, patient, infusionsOf(actor, patientId), values, e.field());
        }
    }

    private String form(
            Model model,
            PatientSummary patient,
            List<Infusion> infusions,
            Map<String, String> values,
            @Nullable String errorField) {
        model.addAttribute("patient", patient);
        model.addAttribute("infusions", infusions);
        model.addAttribute("values", values);
        model.addAttribute("errorField", errorField);
        model.addAttribute("error", errorField == null ? null : errorKey(errorField));
        addChoices(model);
        model.addAttribute("today", today());
        model.addAttribute("zone", networkZone);
        return "safety/form";
    }

    // ---- one report ----------------------------------------------------------------------------------------------

    @GetMapping("/safety/adverse-events/{id}")
    String detail(@PathVariable UUID id, @RequestParam(required = false) @Nullable String done, Model model) {
        Actor actor = currentActor.require();
        AdverseEvent event = events.get(actor, id);
        Notice notice = done == null ? null : DONE.containsKey(done) ? Notice.of(DONE.get(done)) : null;
        return detail(actor, event, valuesOf(event), null, null, notice, model);
    }

    private static final Map<String, String> DONE = Map.of(
            "reported", "safety.done.reported",
            "drafted", "safety.done.drafted",
            "saved", "safety.done.saved",
            "submitted", "safety.done.submitted",
            "closed", "safety.done.closed",
            "followUp", "safety.done.followUp",
            "voided", "safety.done.voided");

    /**
     * The report's changes, by {@code action}: {@code save} (the fields), {@code submit} (the fields, and
     * {@code DRAFT → REPORTED}), {@code close}, {@code followUp} (appends a note) and {@code void} (with a reason).
     */
    @PostMapping("/safety/adverse-events/{id}")
    String change(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response,
            Model model) {
        Actor actor = requireStaff();
        Map<String, String> values = valuesOf(form);
        String action = values.getOrDefault("action", "save");
        int version;
        try {
            version = Integer.parseInt(values.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            version = -1;
        }
        try {
            AdverseEventChange change =
                    switch (action) {
                        case "save", "submit" ->
                            new AdverseEventChange(
                                    enumOf(AdverseEventCategory.class, values.get("category"), "category"),
                                    dateOf(values.get("onsetOn"), "onsetOn"),
                                    uuidOf(values.get("productId"), "productId"),
                                    values.getOrDefault("batchNumber", ""),
                                    "true".equals(values.get("serious")),
                                    enumOf(AdverseEventOutcome.class, values.get("outcome"), "outcome"),
                                    values.getOrDefault("narrative", ""),
                                    "submit".equals(action) ? AdverseEventStatus.REPORTED : null,
                                    null,
                                    null);
                        case "close" ->
                            new AdverseEventChange(
                                    null, null, null, null, null, null, null, AdverseEventStatus.CLOSED, null, null);
                        case "followUp" -> {
                            if (blank(values.get("followUp"))) {
                                throw new InvalidInputException("followUp", "Write the follow-up.");
                            }
                            yield new AdverseEventChange(
                                    null, null, null, null, null, null, null, null, values.get("followUp"), null);
                        }
                        case "void" ->
                            new AdverseEventChange(
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    AdverseEventStatus.VOIDED,
                                    null,
                                    values.get("voidReason"));
                        default -> throw new InvalidInputException("action", "Unknown action.");
                    };
            events.change(actor, id, version, change);
            String done =
                    switch (action) {
                        case "submit" -> "submitted";
                        case "close" -> "closed";
                        case "followUp" -> "followUp";
                        case "void" -> "voided";
                        default -> "saved";
                    };
            return "redirect:/safety/adverse-events/" + id + "?done=" + done;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            AdverseEvent event = events.get(actor, id);
            return detail(actor, event, merged(event, values), action, e.field(), null, model);
        } catch (StaleVersionException e) {
            // someone changed the report after this page was read: show theirs, keep what was typed, send again
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            AdverseEvent event = events.get(actor, id);
            return detail(
                    actor,
                    event,
                    merged(event, values),
                    action,
                    null,
                    Notice.of("safety.stale", event.updatedBy()),
                    model);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            AdverseEvent event = events.get(actor, id);
            return detail(actor, event, valuesOf(event), null, null, Notice.of("safety.conflict"), model);
        }
    }

    /** The stored report's fields with what was typed on top, the version now current (so sending again works). */
    private static Map<String, String> merged(AdverseEvent event, Map<String, String> typed) {
        Map<String, String> values = valuesOf(event);
        typed.forEach((k, v) -> {
            if (!"version".equals(k) && !"action".equals(k)) {
                values.put(k, v);
            }
        });
        if (!typed.containsKey("serious") && typed.containsKey("category")) {
            values.put("serious", "false");
        }
        return values;
    }

    private String detail(
            Actor actor,
            AdverseEvent event,
            Map<String, String> values,
            @Nullable String failedAction,
            @Nullable String errorField,
            @Nullable Notice notice,
            Model model) {
        boolean staff = Role.of(actor.role()).isCentreStaff();
        model.addAttribute("event", event);
        model.addAttribute("patient", patients.find(actor, event.patientId()).orElse(null));
        model.addAttribute("productName", productName(event.productId()));
        model.addAttribute("values", values);
        model.addAttribute("failedAction", failedAction);
        model.addAttribute("errorField", errorField);
        model.addAttribute("error", errorField == null ? null : errorKey(errorField));
        model.addAttribute("notice", notice);
        model.addAttribute("staff", staff);
        // issue 13: a serious reported event with a product and batch offers the batch recall in one step (the supply
        // module's recall form, pre-filled; only clinicians and nurses of the team issue recalls)
        Role role = Role.of(actor.role());
        model.addAttribute(
                "offerRecall",
                (role == Role.CLINICIAN || role == Role.NURSE)
                        && event.serious()
                        && event.status() == AdverseEventStatus.REPORTED
                        && event.productId() != null
                        && event.batchNumber() != null);
        model.addAttribute(
                "editable",
                staff && (event.status() == AdverseEventStatus.DRAFT || event.status() == AdverseEventStatus.REPORTED));
        addChoices(model);
        model.addAttribute("today", today());
        model.addAttribute("zone", networkZone);
        return "safety/detail";
    }

    // ---- the patient's and parent's form, from the diary ---------------------------------------------------------

    @GetMapping("/safety/after-infusion")
    String afterInfusion(
            @RequestParam(name = "patient") UUID patientId,
            @RequestParam(name = "infusion") UUID infusionId,
            Model model) {
        Actor actor = currentActor.require();
        if (!events.mayReport(actor)) {
            throw new AccessDeniedException("adverse events are patient-level data");
        }
        if (Role.of(actor.role()).isCentreStaff()) {
            return "redirect:/patients/" + patientId + "/adverse-events/new?infusion=" + infusionId;
        }
        PatientSummary patient = patient(actor, patientId);
        Infusion infusion = diary.infusion(actor, patientId, infusionId);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("onsetOn", dayOf(infusion).toString());
        values.put("serious", "false");
        return patientForm(model, patient, infusion, values, null);
    }

    @PostMapping("/safety/after-infusion")
    String afterInfusionSent(
            @RequestParam(name = "patient") UUID patientId,
            @RequestParam(name = "infusion") UUID infusionId,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response,
            Model model) {
        Actor actor = currentActor.require();
        if (!events.mayReport(actor)) {
            throw new AccessDeniedException("adverse events are patient-level data");
        }
        PatientSummary patient = patient(actor, patientId);
        Map<String, String> values = valuesOf(form);
        try {
            AdverseEventCategory category = enumOf(AdverseEventCategory.class, values.get("category"), "category");
            if (category == null) {
                throw new InvalidInputException("category", "Choose what happened.");
            }
            if (blank(values.get("narrative"))) {
                throw new InvalidInputException("narrative", "Say what happened.");
            }
            events.report(
                    actor,
                    new AdverseEventRequest(
                            patientId,
                            category,
                            dateOf(values.get("onsetOn"), "onsetOn"),
                            null,
                            null,
                            "true".equals(values.get("serious")),
                            AdverseEventOutcome.UNKNOWN,
                            values.get("narrative"),
                            AdverseEventStatus.DRAFT,
                            infusionId));
            return "redirect:/safety/after-infusion/sent?patient=" + patientId;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Infusion infusion = diary.infusion(actor, patientId, infusionId);
            return patientForm(model, patient, infusion, values, e.field());
        }
    }

    @GetMapping("/safety/after-infusion/sent")
    String afterInfusionThanks(@RequestParam(name = "patient") UUID patientId, Model model) {
        Actor actor = currentActor.require();
        model.addAttribute("patient", patient(actor, patientId));
        return "safety/patient-sent";
    }

    /** The kinds of event a patient or parent chooses from, in their words (the team refines it when triaging). */
    static final List<AdverseEventCategory> PATIENT_CATEGORIES =
            List.of(AdverseEventCategory.ACUTE_REACTION, AdverseEventCategory.THROMBOSIS, AdverseEventCategory.OTHER);

    private String patientForm(
            Model model,
            PatientSummary patient,
            Infusion infusion,
            Map<String, String> values,
            @Nullable String errorField) {
        model.addAttribute("patient", patient);
        model.addAttribute("infusion", infusion);
        model.addAttribute("productName", productName(infusion.productId()));
        model.addAttribute("values", values);
        model.addAttribute("errorField", errorField);
        model.addAttribute("error", errorField == null ? null : "safety.patient.error." + errorField);
        model.addAttribute("categories", PATIENT_CATEGORIES);
        model.addAttribute("today", today());
        model.addAttribute("zone", networkZone);
        return "safety/patient-form";
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void addChoices(Model model) {
        model.addAttribute("categories", AdverseEventCategory.values());
        model.addAttribute("outcomes", AdverseEventOutcome.values());
        List<Product> products = catalogue.products().stream()
                .sorted(Comparator.comparing(Product::brandName))
                .toList();
        model.addAttribute("products", products);
        Map<UUID, String> names = new LinkedHashMap<>();
        products.forEach(p -> names.put(p.id(), p.brandName()));
        model.addAttribute("productNames", names);
    }

    static final List<String> FIELDS = List.of(
            "category",
            "onsetOn",
            "productId",
            "batchNumber",
            "outcome",
            "narrative",
            "infusionId",
            "followUp",
            "voidReason",
            "version");

    static String errorKey(String field) {
        return FIELDS.contains(field) ? "safety.error." + field : "safety.error.general";
    }

    private Actor requireStaff() {
        Actor actor = currentActor.require();
        if (!Role.of(actor.role()).isCentreStaff()) {
            throw new AccessDeniedException("adverse event pages are for the centre team");
        }
        return actor;
    }

    private PatientSummary patient(Actor actor, UUID patientId) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level page");
        }
        return patients.find(actor, patientId).orElseThrow(() -> {
            auditLog.patientAccess(AuditAction.READ, patientId, "AdverseEvent", null, AuditOutcome.DENIED);
            return new NotFoundException("patient");
        });
    }

    /** The patient's infusions still standing, newest first (the diary's order), at most the latest 100. */
    private List<Infusion> infusionsOf(Actor actor, UUID patientId) {
        return diary.infusions(actor, patientId).stream()
                .filter(i -> !i.isVoided())
                .limit(100)
                .toList();
    }

    private String nameOf(Actor actor, UUID patientId) {
        return patients.find(actor, patientId)
                .map(p -> p.familyName() + ", " + p.givenName())
                .orElse("—");
    }

    private @Nullable String productName(@Nullable UUID productId) {
        return productId == null
                ? null
                : catalogue.find(productId).map(Product::brandName).orElse(null);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(networkZone));
    }

    private LocalDate dayOf(Infusion infusion) {
        return LocalDate.ofInstant(infusion.administeredAt(), networkZone);
    }

    static Map<String, String> valuesOf(AdverseEvent e) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("category", e.category().name());
        values.put("onsetOn", e.onsetOn().toString());
        values.put("productId", e.productId() == null ? "" : e.productId().toString());
        values.put("batchNumber", e.batchNumber() == null ? "" : e.batchNumber());
        values.put("serious", String.valueOf(e.serious()));
        values.put("outcome", e.outcome().name());
        values.put("narrative", e.narrative() == null ? "" : e.narrative());
        return values;
    }

    private static Map<String, String> valuesOf(MultiValueMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (!v.isEmpty() && !"_csrf".equals(k)) {
                values.put(k, v.get(v.size() - 1));
            }
        });
        return values;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static AdverseEventStatus statusOf(String status) {
        try {
            return AdverseEventStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("status");
        }
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Choose one of the offered values.");
        }
    }

    private static @Nullable LocalDate dateOf(@Nullable String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Give a date.");
        }
    }

    private static @Nullable UUID uuidOf(@Nullable String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Choose one of the offered values.");
        }
    }
}
