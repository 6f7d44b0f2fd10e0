package org.hemonet.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.centre.CentreProfile;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.InhibitorStatus;
import org.hemonet.patient.ItiOutcome;
import org.hemonet.patient.NewInhibitorTest;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientCorrection;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Severity;
import org.hemonet.patient.Sex;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient record a nurse keeps open in clinic (issue 4): diagnosis and severity, inhibitor history with computed
 * titres and a form for a new Bethesda result, alerts, weights, consent, care team, transition, and a correction form.
 * A record the user may not see is the friendly 404 page, exactly as an unknown id.
 */
@Controller
class PatientPageController {

    /** One bar of the inhibitor chart (an SVG drawn without inline script or style, for the CSP). */
    record Bar(int x, int y, int height, String label, boolean positive) {}

    /** The correction form: version and reason, and the fields staff most often correct. */
    record CorrectionForm(
            int version,
            @Nullable String reason,
            @Nullable String givenName,
            @Nullable String familyName,
            @Nullable String phone,
            @Nullable String genotypeHgvs,
            @Nullable String mutationClass,
            @Nullable Boolean transitionShown,
            @Nullable Boolean knowsDiagnosisAndProduct,
            @Nullable Boolean selfInfuses,
            @Nullable Boolean ordersSupplies,
            @Nullable Boolean knowsEmergencyPlan,
            @Nullable String timeZone,
            @Nullable Boolean treatmentHistoryShown,
            @Nullable String previouslyUntreated,
            @Nullable String priorExposureDays) {

        boolean checked(@Nullable Boolean box) {
            return Boolean.TRUE.equals(box);
        }
    }

    /** Offered in the time zone field (any IANA region name is accepted): the UK and Ireland, then the US. */
    static final List<String> COMMON_TIME_ZONES = List.of(
            "Europe/London",
            "Europe/Dublin",
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Phoenix",
            "America/Los_Angeles",
            "America/Anchorage",
            "Pacific/Honolulu");

    /** The registration form. */
    record RegistrationForm(
            @Nullable UUID centreId,
            @Nullable String givenName,
            @Nullable String familyName,
            @Nullable LocalDate dateOfBirth,
            @Nullable Sex sex,
            @Nullable String nationalId,
            @Nullable DiagnosisType diagnosis,
            @Nullable String subtype,
            @Nullable Boolean bleedingPhenotype,
            @Nullable BigDecimal baselineLevel,
            @Nullable LocalDate measuredOn,
            @Nullable BigDecimal weightKg) {}

    private static final int CHART_HEIGHT = 120;

    private final PatientRegistry patients;
    private final CentreDirectory centres;
    private final CurrentActor currentActor;
    private final Clock clock;

    private final org.hemonet.safety.AdverseEvents adverseEvents;

    PatientPageController(
            PatientRegistry patients,
            CentreDirectory centres,
            CurrentActor currentActor,
            Clock clock,
            org.hemonet.safety.AdverseEvents adverseEvents) {
        this.adverseEvents = adverseEvents;
        this.patients = patients;
        this.centres = centres;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/patients/{id}")
    String record(@PathVariable UUID id, Model model) {
        Actor actor = staff();
        show(actor, patients.read(actor, id), model);
        return "patient/record";
    }

    @PostMapping("/patients/{id}/inhibitor-tests")
    String addInhibitorTest(
            @PathVariable UUID id,
            @RequestParam(name = "sampledOn", required = false) @Nullable LocalDate sampledOn,
            @RequestParam(name = "residualActivityPercent", required = false) @Nullable BigDecimal residual,
            @RequestParam(name = "dilution", required = false) @Nullable BigDecimal dilution,
            Model model,
            HttpServletResponse response) {
        Actor actor = staff();
        try {
            if (sampledOn == null) {
                throw new InvalidInputException("sampledOn", "required");
            }
            if (residual == null) {
                throw new InvalidInputException("residualActivityPercent", "required");
            }
            if (dilution == null) {
                throw new InvalidInputException("dilution", "required");
            }
            patients.addInhibitorTest(actor, id, new NewInhibitorTest(sampledOn, residual, dilution));
            return "redirect:/patients/" + id + "?saved=bethesda#inhibitors";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("bethesdaError", "record.error." + e.field());
            model.addAttribute("bethesdaField", e.field());
            show(actor, patients.read(actor, id), model);
            return "patient/record";
        }
    }

    @PostMapping("/patients/{id}/iti-episodes")
    String addItiEpisode(
            @PathVariable UUID id,
            @RequestParam(name = "startedOn", required = false) @Nullable LocalDate startedOn,
            @RequestParam(name = "regimen", required = false) @Nullable String regimen,
            @RequestParam(name = "endedOn", required = false) @Nullable LocalDate endedOn,
            @RequestParam(name = "outcome", required = false) @Nullable ItiOutcome outcome,
            Model model,
            HttpServletResponse response) {
        Actor actor = staff();
        try {
            if (startedOn == null) {
                throw new InvalidInputException("startedOn", "required");
            }
            if (regimen == null || regimen.isBlank() || regimen.length() > 200) {
                throw new InvalidInputException("regimen", "required");
            }
            if (outcome == null) {
                throw new InvalidInputException("outcome", "required");
            }
            patients.addItiEpisode(actor, id, startedOn, regimen, null, endedOn, outcome);
            return "redirect:/patients/" + id + "?saved=iti#inhibitors";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("itiError", "record.itiError." + e.field());
            show(actor, patients.read(actor, id), model);
            return "patient/record";
        }
    }

    @PostMapping("/patients/{id}/correct")
    String correct(
            @PathVariable UUID id, @ModelAttribute CorrectionForm form, Model model, HttpServletResponse response) {
        Actor actor = staff();
        PatientRecord current = patients.read(actor, id);
        Set<String> present = new LinkedHashSet<>();
        changed(present, "givenName", form.givenName(), current.givenName());
        changed(present, "familyName", form.familyName(), current.familyName());
        changed(present, "phone", blankToNull(form.phone()), current.phone());
        if (form.timeZone() != null) {
            changed(present, "timeZone", form.timeZone().trim(), current.timeZone());
        }
        changed(
                present,
                "genotypeHgvs",
                blankToNull(form.genotypeHgvs()),
                current.genotype().hgvs());
        changed(
                present,
                "mutationClass",
                blankToNull(form.mutationClass()),
                current.genotype().mutationClass());
        Boolean pup = null;
        Integer priorExposureDays = null;
        boolean badPriorExposureDays = false;
        if (Boolean.TRUE.equals(form.treatmentHistoryShown())) {
            pup = "true".equals(form.previouslyUntreated())
                    ? Boolean.TRUE
                    : "false".equals(form.previouslyUntreated()) ? Boolean.FALSE : null;
            changed(present, "previouslyUntreated", pup, current.previouslyUntreated());
            String days = blankToNull(form.priorExposureDays());
            if (days != null) {
                try {
                    priorExposureDays = Integer.valueOf(days.trim());
                } catch (NumberFormatException e) {
                    badPriorExposureDays = true;
                }
            }
            if (Boolean.TRUE.equals(pup) && priorExposureDays == null && !badPriorExposureDays) {
                priorExposureDays = 0; // a PUP has had none (clinical.md §9)
            }
            changed(present, "priorExposureDays", priorExposureDays, current.priorExposureDays());
        }
        PatientRecord.Transition transition = current.transition();
        if (Boolean.TRUE.equals(form.transitionShown()) && transition != null) {
            changed(
                    present,
                    "knowsDiagnosisAndProduct",
                    form.checked(form.knowsDiagnosisAndProduct()),
                    transition.knowsDiagnosisAndProduct());
            changed(present, "selfInfuses", form.checked(form.selfInfuses()), transition.selfInfuses());
            changed(present, "ordersSupplies", form.checked(form.ordersSupplies()), transition.ordersSupplies());
            changed(
                    present,
                    "knowsEmergencyPlan",
                    form.checked(form.knowsEmergencyPlan()),
                    transition.knowsEmergencyPlan());
        }
        try {
            if (badPriorExposureDays) {
                throw new InvalidInputException("priorExposureDays", "not a whole number");
            }
            if (present.isEmpty()) {
                throw new InvalidInputException("nothing", "nothing changed");
            }
            patients.correct(
                    actor,
                    id,
                    form.version(),
                    new PatientCorrection(
                            present,
                            form.reason() == null ? "" : form.reason(),
                            form.givenName(),
                            form.familyName(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            blankToNull(form.phone()),
                            null,
                            null,
                            null,
                            null,
                            blankToNull(form.genotypeHgvs()),
                            blankToNull(form.mutationClass()),
                            null,
                            null,
                            null,
                            null,
                            form.checked(form.knowsDiagnosisAndProduct()),
                            form.checked(form.selfInfuses()),
                            form.checked(form.ordersSupplies()),
                            form.checked(form.knowsEmergencyPlan()),
                            null,
                            form.timeZone() == null ? null : form.timeZone().trim(),
                            pup,
                            priorExposureDays));
            return "redirect:/patients/" + id + "?saved=correction";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("correctionError", "record.error." + e.field());
            model.addAttribute("correctionField", e.field());
        } catch (StaleVersionException e) {
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            model.addAttribute("correctionError", "record.error.stale");
        }
        show(actor, patients.read(actor, id), model);
        return "patient/record";
    }

    @GetMapping("/patients/new")
    String registrationForm(Model model) {
        Actor actor = staff();
        registrationModel(
                actor,
                new RegistrationForm(
                        actor.centreIds().stream().findFirst().orElse(null),
                        null,
                        null,
                        null,
                        null,
                        null,
                        DiagnosisType.HEMOPHILIA_A,
                        null,
                        null,
                        null,
                        null,
                        null),
                model);
        return "patient/register";
    }

    @PostMapping("/patients/new")
    String register(@ModelAttribute RegistrationForm form, Model model, HttpServletResponse response) {
        Actor actor = staff();
        try {
            UUID id = UUID.randomUUID();
            patients.register(
                    actor,
                    new NewPatient(
                            id,
                            required(form.centreId(), "centreId"),
                            required(form.givenName(), "givenName"),
                            required(form.familyName(), "familyName"),
                            required(form.dateOfBirth(), "dateOfBirth"),
                            required(form.sex(), "sex"),
                            null,
                            blankToNull(form.nationalId()),
                            null,
                            required(form.diagnosis(), "diagnosis"),
                            blankToNull(form.subtype()),
                            Boolean.TRUE.equals(form.bleedingPhenotype()),
                            form.baselineLevel(),
                            form.measuredOn(),
                            form.weightKg(),
                            null,
                            List.of(),
                            null));
            return "redirect:/patients/" + id + "?saved=registered";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("formError", "register.error." + e.field());
            model.addAttribute("formField", e.field());
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("formError", "register.error.duplicate");
            model.addAttribute("formField", "nationalId");
        }
        registrationModel(actor, form, model);
        return "patient/register";
    }

    private void registrationModel(Actor actor, RegistrationForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute(
                "centres",
                centres.profiles().stream()
                        .filter(c -> actor.centreIds().contains(c.id()))
                        .toList());
        model.addAttribute("diagnoses", DiagnosisType.values());
        model.addAttribute("sexes", Sex.values());
    }

    /**
     * Centre staff only: aggregate roles and administrators get 403 like on every patient-level page (security.md
     * §6); a patient account, whose own record is on the home page, gets the 404 of an unknown page.
     */
    private Actor staff() {
        Actor actor = currentActor.require();
        Role role = Role.of(actor.role());
        if (role.isAggregateOnly() || role == Role.ADMIN || role == Role.DELIVERY_PROVIDER) {
            throw new org.springframework.security.access.AccessDeniedException("patient-level page");
        }
        if (!role.isCentreStaff()) {
            throw new NotFoundException("Page");
        }
        return actor;
    }

    private void show(Actor actor, PatientRecord record, Model model) {
        LocalDate today = LocalDate.now(clock);
        // issue 13: on emicizumab with aPCC over 100 U/kg in 24 h (or prescribed over 100 U/kg a dose), last 90 days
        model.addAttribute("apccRisk", adverseEvents.hasApccFlag(actor, record.id()));
        Map<UUID, CentreProfile> byId =
                centres.profiles().stream().collect(Collectors.toMap(CentreProfile::id, Function.identity()));
        model.addAttribute("record", record);
        model.addAttribute("today", today);
        model.addAttribute(
                "age", java.time.Period.between(record.dateOfBirth(), today).getYears());
        model.addAttribute("centre", byId.get(record.centreId()));
        model.addAttribute(
                "sharedCare",
                record.sharedCareCentreIds().stream()
                        .map(byId::get)
                        .filter(Objects::nonNull)
                        .toList());
        model.addAttribute("mayCorrect", true);
        model.addAttribute("bars", bars(record.inhibitorTests()));
        model.addAttribute(
                "vcjd", record.infection() != null && record.infection().vcjdAtRisk());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("commonTimeZones", COMMON_TIME_ZONES);
        model.addAttribute(
                "highResponder",
                record.inhibitorStatus() == InhibitorStatus.POSITIVE_HIGH_RESPONDER
                        || record.inhibitorStatus() == InhibitorStatus.NEGATIVE_PREVIOUS_HIGH_RESPONDER);
        if (!model.containsAttribute("correction")) {
            PatientRecord.Transition t = record.transition();
            model.addAttribute(
                    "correction",
                    new CorrectionForm(
                            record.version(),
                            "",
                            record.givenName(),
                            record.familyName(),
                            record.phone(),
                            record.genotype().hgvs(),
                            record.genotype().mutationClass(),
                            t != null,
                            t != null && t.knowsDiagnosisAndProduct(),
                            t != null && t.selfInfuses(),
                            t != null && t.ordersSupplies(),
                            t != null && t.knowsEmergencyPlan(),
                            record.timeZone(),
                            true,
                            record.previouslyUntreated() == null
                                    ? ""
                                    : record.previouslyUntreated().toString(),
                            record.priorExposureDays() == null
                                    ? ""
                                    : record.priorExposureDays().toString()));
        }
        Role role = Role.of(actor.role());
        model.addAttribute("mayRecordTreatmentHistory", role == Role.CLINICIAN || role == Role.NURSE);
    }

    /** Bars on a log-free scale capped at 20 BU, so that a high titre does not flatten the rest. */
    static List<Bar> bars(List<PatientRecord.InhibitorTest> tests) {
        List<Bar> bars = new ArrayList<>();
        BigDecimal cap = BigDecimal.valueOf(20);
        int x = 30;
        for (PatientRecord.InhibitorTest test : tests) {
            BigDecimal shown = test.titreBu().min(cap);
            int height = Math.max(
                    2,
                    shown.multiply(BigDecimal.valueOf(CHART_HEIGHT))
                            .divide(cap, 0, RoundingMode.HALF_UP)
                            .intValue());
            bars.add(new Bar(x, CHART_HEIGHT - height, height, test.titreBu().toPlainString(), test.positive()));
            x += 36;
        }
        return bars;
    }

    private static void changed(Set<String> present, String field, @Nullable Object value, @Nullable Object current) {
        if (!Objects.equals(value, current)) {
            present.add(field);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new InvalidInputException(field, "required");
        }
        return value;
    }
}
