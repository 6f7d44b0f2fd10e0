package org.hemonet.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.PatientSummary;
import org.hemonet.pk.Covariates;
import org.hemonet.pk.Dose;
import org.hemonet.pk.LevelSample;
import org.hemonet.pk.PkEstimate;
import org.hemonet.pk.PkEstimator;
import org.hemonet.pk.PkStudy;
import org.hemonet.pk.RegimenComparison;
import org.hemonet.pk.RegimenQuestion;
import org.hemonet.pk.Schedule;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A PK study in the patient's record (issue 7, pk-models.md): the clinician enters a dose and timed levels, sees the
 * individual curve with its 90 % band and the samples, half-life, time to 5/2/1 IU/dL, and a comparison of regimens for
 * a target trough. Times are entered in UK local time and stored/computed as instants.
 */
@Controller
class PkStudyController {

    static final List<Integer> DEFAULT_VIAL_SIZES = List.of(250, 500, 1000, 1500, 2000, 3000);

    private final PatientPages patientPages;
    private final PkEstimator estimator;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TreatmentPlans treatmentPlans;
    private final CurrentActor currentActor;

    PkStudyController(
            PatientPages patientPages,
            PkEstimator estimator,
            AuditLog auditLog,
            Clock clock,
            TreatmentPlans treatmentPlans,
            CurrentActor currentActor) {
        this.patientPages = patientPages;
        this.estimator = estimator;
        this.auditLog = auditLog;
        this.clock = clock;
        this.treatmentPlans = treatmentPlans;
        this.currentActor = currentActor;
    }

    /**
     * Signs off a proposed regimen: a prophylaxis plan from today with the dose and schedule of the proposal. The study
     * knows only the product category, so the plan keeps the product (and bleed product) of the active plan; without
     * an active factor plan the clinician is told to prescribe on the treatment page. Only prescribers may sign off
     * ({@link TreatmentPlans#prescribe} refuses others).
     */
    @PostMapping("/patients/{id}/pk/sign-off")
    String signOff(
            @PathVariable UUID id,
            @RequestParam double periodHours,
            @RequestParam String doseHours,
            @RequestParam double doseIu,
            @RequestParam(required = false) String label,
            RedirectAttributes redirect) {
        PatientSummary patient = patient(id);
        LocalDate today = LocalDate.now(clock);
        TreatmentPlan active = treatmentPlans.activePlan(patient.id(), today).orElse(null);
        if (active == null || active.unit() != org.hemonet.product.DoseUnit.IU) {
            redirect.addFlashAttribute("signOffProblem", "pk.signOff.noProduct");
            return "redirect:/patients/" + id + "/pk";
        }
        SignOffSchedule schedule = SignOffSchedule.of(periodHours, doseHours);
        if (schedule == null) {
            redirect.addFlashAttribute("signOffProblem", "pk.signOff.schedule");
            return "redirect:/patients/" + id + "/pk";
        }
        try {
            treatmentPlans.prescribe(
                    currentActor.require(),
                    patient.id(),
                    new Prescription(
                            Regimen.PROPHYLAXIS,
                            active.productId(),
                            active.bleedProductId(),
                            java.math.BigDecimal.valueOf(Math.round(doseIu)),
                            null,
                            null,
                            schedule.kind(),
                            schedule.interval(),
                            schedule.weekdays(),
                            null,
                            null,
                            today,
                            null,
                            "Signed off from a PK study" + (label == null ? "" : ": " + label)));
            redirect.addFlashAttribute("signedOff", label == null ? "" : label);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("signOffError", e.getMessage());
        }
        return "redirect:/patients/" + id + "/pk";
    }

    /** A PK schedule (period and dose times in hours) as a treatment plan schedule, or null if it has no such form. */
    record SignOffSchedule(
            org.hemonet.supply.Schedule.Kind kind, int interval, java.util.Set<java.time.DayOfWeek> weekdays) {

        static @org.jspecify.annotations.Nullable SignOffSchedule of(double periodHours, String doseHours) {
            List<Double> hours;
            try {
                hours = java.util.Arrays.stream(doseHours.split(","))
                        .map(String::trim)
                        .map(Double::parseDouble)
                        .toList();
            } catch (NumberFormatException e) {
                return null;
            }
            if (hours.size() == 1 && periodHours % 24 == 0 && periodHours >= 24 && periodHours <= 14 * 24) {
                return new SignOffSchedule(
                        org.hemonet.supply.Schedule.Kind.EVERY_N_DAYS, (int) (periodHours / 24), java.util.Set.of());
            }
            if (periodHours == 168 && hours.stream().allMatch(h -> h % 24 == 0 && h >= 0 && h < 168)) {
                java.util.Set<java.time.DayOfWeek> days = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
                hours.forEach(h -> days.add(java.time.DayOfWeek.MONDAY.plus((long) (h / 24))));
                return new SignOffSchedule(org.hemonet.supply.Schedule.Kind.WEEKDAYS, 1, days);
            }
            return null;
        }
    }

    @GetMapping("/patients/{id}/pk")
    String form(@PathVariable UUID id, Model model) {
        PatientSummary patient = patient(id);
        PkStudyForm form = new PkStudyForm();
        form.setModel(patient.diagnosis() == DiagnosisType.HEMOPHILIA_B ? "fix-koopman-2023" : "fviii-allard-2020");
        form.setWeightKg(patient.weightKg() == null ? null : patient.weightKg().doubleValue());
        form.setAgeYears((double) patient.ageOn(LocalDate.now(clock)));
        form.setDoseAt(LocalDate.now(clock).atTime(LocalTime.of(9, 0)));
        if (patient.weightKg() != null) {
            form.setDoseIu(Math.ceil(patient.weightKg().doubleValue() * 50 / 250) * 250);
        }
        model.addAttribute("form", form);
        return show(patient, form, model);
    }

    @PostMapping("/patients/{id}/pk")
    String estimate(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") PkStudyForm form,
            BindingResult binding,
            Model model) {
        PatientSummary patient = patient(id);
        if (binding.hasErrors()) {
            model.addAttribute(
                    "errors",
                    binding.getFieldErrors().stream()
                            .map(e -> e.getField() + ": " + e.getDefaultMessage())
                            .toList());
            return page(patient, model);
        }
        return show(patient, form, model);
    }

    private String show(PatientSummary patient, PkStudyForm form, Model model) {
        if (form.getWeightKg() == null || form.getAgeYears() == null || form.getDoseAt() == null) {
            model.addAttribute("errors", List.of("weightKg: enter the weight, age and dose time"));
            return page(patient, model);
        }
        try {
            Covariates covariates = form.getModel().equals("fviii-allard-2020")
                    ? Covariates.of(form.getWeightKg(), form.getAgeYears(), form.getProduct())
                    : Covariates.of(form.getWeightKg(), form.getAgeYears());
            Instant doseAt =
                    form.getDoseAt().atZone(AccessLogController.DISPLAY_ZONE).toInstant();
            List<Dose> doses = form.getDoseIu() == null
                    ? List.of()
                    : List.of(new Dose(doseAt, form.getDoseIu(), form.getInfusionMinutes()));
            List<LevelSample> samples = new ArrayList<>();
            for (PkStudyForm.Sample sample : form.getSamples()) {
                if (sample.getAt() != null && sample.getIuPerDl() != null) {
                    samples.add(new LevelSample(
                            sample.getAt()
                                    .atZone(AccessLogController.DISPLAY_ZONE)
                                    .toInstant(),
                            sample.getIuPerDl()));
                }
            }
            PkEstimate estimate = estimator.estimate(new PkStudy(
                    form.getModel(),
                    covariates,
                    form.getBaselineIuPerDl(),
                    doses,
                    samples,
                    null,
                    form.getReportDoseIuPerKg()));
            RegimenComparison regimens = estimator.regimens(new RegimenQuestion(
                    form.getModel(),
                    covariates,
                    estimate.eta(),
                    form.getBaselineIuPerDl(),
                    form.getTargetTroughIuPerDl(),
                    Schedule.usualProphylaxis(),
                    DEFAULT_VIAL_SIZES,
                    null));
            model.addAttribute("estimate", estimate);
            model.addAttribute("regimens", regimens);
            model.addAttribute("curveJson", curveJson(estimate));
            model.addAttribute("samplesJson", samplesJson(samples, estimate.curveStart()));
            auditLog.patientAccess(AuditAction.READ, patient.id(), "PkStudy", null, AuditOutcome.SUCCESS);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", List.of((e.field() == null ? "" : e.field() + ": ") + e.getMessage()));
        }
        return page(patient, model);
    }

    private String page(PatientSummary patient, Model model) {
        model.addAttribute("patient", patient);
        model.addAttribute("models", estimator.models());
        model.addAttribute("thresholds", List.of("5", "2", "1"));
        return "pk/study";
    }

    private PatientSummary patient(UUID id) {
        return patientPages.require(id, "PkStudy");
    }

    /** The curve as {@code [[hours, level, lo90, hi90], ...]} for the chart script. */
    static String curveJson(PkEstimate estimate) {
        StringBuilder json = new StringBuilder("[");
        estimate.curve()
                .forEach(p -> json.append(String.format(
                        Locale.ROOT, "[%.2f,%.3f,%.3f,%.3f],", p.hours(), p.iuPerDl(), p.lo90(), p.hi90())));
        if (json.length() > 1) {
            json.setLength(json.length() - 1);
        }
        return json.append(']').toString();
    }

    static String samplesJson(List<LevelSample> samples, Instant firstDose) {
        StringBuilder json = new StringBuilder("[");
        if (firstDose != null) {
            samples.forEach(s -> json.append(String.format(
                    Locale.ROOT,
                    "[%.2f,%.3f],",
                    Duration.between(firstDose, s.at()).toMinutes() / 60.0,
                    s.iuPerDl())));
        }
        if (json.length() > 1) {
            json.setLength(json.length() - 1);
        }
        return json.append(']').toString();
    }
}
