package org.hemonet.web;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.PatientSummary;
import org.hemonet.pk.LevelSample;
import org.hemonet.pk.NewFactorLevel;
import org.hemonet.pk.PkEstimate;
import org.hemonet.pk.PkEstimator;
import org.hemonet.pk.PkModelSummary;
import org.hemonet.pk.PkRecords;
import org.hemonet.pk.RegimenComparison;
import org.hemonet.pk.RegimenProposal;
import org.hemonet.pk.RegimenQuestion;
import org.hemonet.pk.SavedStudy;
import org.hemonet.pk.Schedule;
import org.hemonet.pk.StudyRequest;
import org.hemonet.product.DoseUnit;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductStatus;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * PK studies in the patient's record (issue 7, pk-models.md): the clinician ticks logged infusions and lab results (or
 * types a dose and levels), sees the individual curve with its 90 % band and the samples, half-life, time to 5/2/1
 * IU/dL and regimens for a target trough, saves the study, opens saved studies again and signs a regimen off with a
 * chosen product. Lab results are entered on the same page. Times are entered in the patient's local time and stored as instants.
 * Access and audit are {@link PkRecords}'s (clinicians and nurses of the patient's centres; lab staff for lab results).
 */
@Controller
class PkStudyController {

    static final List<Integer> DEFAULT_VIAL_SIZES = List.of(250, 500, 1000, 1500, 2000, 3000);
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private final PatientPages patientPages;
    private final PkEstimator estimator;
    private final PkRecords records;
    private final ProductCatalogue catalogue;
    private final Clock clock;
    private final TreatmentPlans treatmentPlans;
    private final CurrentActor currentActor;
    private final TransactionTemplate transaction;

    PkStudyController(
            PatientPages patientPages,
            PkEstimator estimator,
            PkRecords records,
            ProductCatalogue catalogue,
            Clock clock,
            TreatmentPlans treatmentPlans,
            CurrentActor currentActor,
            PlatformTransactionManager transactions) {
        this.patientPages = patientPages;
        this.estimator = estimator;
        this.records = records;
        this.catalogue = catalogue;
        this.clock = clock;
        this.treatmentPlans = treatmentPlans;
        this.currentActor = currentActor;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A product the clinician may sign a regimen off with, and how the list shows it. */
    record ProductChoice(UUID id, String label) {}

    /** A picked or typed dose or level as the saved study page lists it. */
    record Shown(String at, String value) {}

    @GetMapping("/patients/{id}/pk")
    String form(@PathVariable UUID id, Model model) {
        PatientSummary patient = patient(id);
        Actor actor = currentActor.require();
        PkStudyForm form = new PkStudyForm();
        Product current = activeProduct(patient.id());
        form.setModel(defaultModel(patient, current));
        if (current != null && "efmoroctocog alfa".equalsIgnoreCase(current.genericName())) {
            form.setProduct("ELOCTA");
        }
        form.setWeightKg(patient.weightKg() == null ? null : patient.weightKg().doubleValue());
        form.setAgeYears((double) patient.ageOn(LocalDate.now(clock)));
        if (patient.baselineLevelIuPerDl() != null) {
            form.setBaselineIuPerDl(patient.baselineLevelIuPerDl().doubleValue());
        }
        model.addAttribute("form", form);
        addLists(actor, patient, model);
        boolean withoutModel = current != null && !hasFittedModel(current);
        if (withoutModel) {
            // issue 20: a product without a model fitted on its molecule gets no estimate, and the page says so
            model.addAttribute("productWithoutModel", productLabel(current));
        }
        if (form.getWeightKg() != null && !withoutModel) {
            // the population curve after a usual dose (50 IU/kg now) until the clinician enters a study
            double dose = Math.ceil(form.getWeightKg() * 50 / 250) * 250;
            preview(
                    actor,
                    patient,
                    request(form, List.of(new StudyRequest.DoseEntry(clock.instant(), dose, 0.0)), List.of()),
                    model);
        }
        return "pk/study";
    }

    @PostMapping("/patients/{id}/pk")
    String estimate(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") PkStudyForm form,
            BindingResult binding,
            @RequestParam(name = "action", defaultValue = "estimate") String action,
            Model model,
            RedirectAttributes redirect) {
        PatientSummary patient = patient(id);
        Actor actor = currentActor.require();
        addLists(actor, patient, model);
        if (binding.hasErrors()) {
            model.addAttribute(
                    "errors",
                    binding.getFieldErrors().stream()
                            .map(e -> e.getField() + ": " + e.getDefaultMessage())
                            .toList());
            return "pk/study";
        }
        List<StudyRequest.DoseEntry> doses = new ArrayList<>();
        if (form.getDoseIu() != null || form.getDoseAt() != null) {
            doses.add(new StudyRequest.DoseEntry(
                    instant(form.getDoseAt(), patientPages.zoneOf(id)), form.getDoseIu(), form.getInfusionMinutes()));
        }
        List<StudyRequest.SampleEntry> samples = new ArrayList<>();
        for (PkStudyForm.Sample sample : form.getSamples()) {
            if (sample.getAt() != null || sample.getIuPerDl() != null) {
                samples.add(new StudyRequest.SampleEntry(
                        instant(sample.getAt(), patientPages.zoneOf(id)), sample.getIuPerDl()));
            }
        }
        StudyRequest request = request(form, doses, samples);
        if (action.equals("save")) {
            try {
                SavedStudy saved = records.save(actor, patient.id(), request);
                redirect.addFlashAttribute("studySaved", true);
                return "redirect:/patients/" + id + "/pk/studies/" + saved.id();
            } catch (InvalidInputException e) {
                model.addAttribute("errors", List.of(problem(e)));
                return "pk/study";
            }
        }
        preview(actor, patient, request, model);
        return "pk/study";
    }

    @GetMapping("/patients/{id}/pk/studies/{studyId}")
    String saved(@PathVariable UUID id, @PathVariable UUID studyId, Model model) {
        PatientSummary patient = patient(id);
        Actor actor = currentActor.require();
        SavedStudy study = records.study(actor, patient.id(), studyId);
        model.addAttribute("patient", patient);
        model.addAttribute("study", study);
        model.addAttribute("enteredAt", shown(study.enteredAt(), patientPages.zoneOf(id)));
        model.addAttribute(
                "signedOffAt",
                study.signedOffAt() == null ? null : shown(study.signedOffAt(), patientPages.zoneOf(id)));
        model.addAttribute("modelName", modelName(study.model()));
        model.addAttribute(
                "doses",
                study.study().doses().stream()
                        .map(d -> new Shown(
                                shown(d.at(), patientPages.zoneOf(id)), String.format(Locale.UK, "%,.0f IU", d.iu())))
                        .toList());
        model.addAttribute(
                "samples",
                study.study().samples().stream()
                        .map(s -> new Shown(
                                shown(s.at(), patientPages.zoneOf(id)),
                                String.format(Locale.UK, "%.1f IU/dL", s.iuPerDl())))
                        .toList());
        List<Product> products = suitableProducts(study.model());
        Product chosen = defaultProduct(patient.id(), products);
        model.addAttribute(
                "products",
                products.stream()
                        .map(p -> new ProductChoice(p.id(), productLabel(p)))
                        .toList());
        model.addAttribute("defaultProductId", chosen == null ? null : chosen.id());
        addEstimate(study, model);
        model.addAttribute("regimens", regimens(study, chosen));
        model.addAttribute("thresholds", List.of("5", "2", "1"));
        return "pk/saved-study";
    }

    @PostMapping("/patients/{id}/pk/factor-levels")
    String addFactorLevel(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(pattern = PkStudyForm.DATE_TIME) @Nullable
                    LocalDateTime takenAt,
            @RequestParam(required = false) @Nullable Double iuPerDl,
            @RequestParam(defaultValue = "false") boolean belowLoq,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        PatientSummary patient = patient(id);
        try {
            records.addFactorLevel(
                    currentActor.require(),
                    patient.id(),
                    new NewFactorLevel(instant(takenAt, patientPages.zoneOf(id)), iuPerDl, belowLoq, note));
            redirect.addFlashAttribute("labSaved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("labError", problem(e));
        }
        return "redirect:/patients/" + id + "/pk#lab-results";
    }

    /**
     * Signs off a regimen computed from a saved study: a prophylaxis plan from today with the chosen product (default:
     * the active plan's) and the regimen's dose re-rounded to that product's vial sizes. The active plan ends yesterday
     * and keeps its bleed product for the new plan. Only prescribers sign off ({@link TreatmentPlans#prescribe}
     * refuses others); the study is marked signed off in the same transaction, which makes it the one the patient's
     * "estimated level now" uses.
     */
    @PostMapping("/patients/{id}/pk/sign-off")
    String signOff(
            @PathVariable UUID id,
            @RequestParam UUID studyId,
            @RequestParam(required = false) @Nullable Integer regimen,
            @RequestParam(required = false) @Nullable UUID productId,
            RedirectAttributes redirect) {
        PatientSummary patient = patient(id);
        Actor actor = currentActor.require();
        SavedStudy study = records.study(actor, patient.id(), studyId);
        String back = "redirect:/patients/" + id + "/pk/studies/" + studyId;
        List<Product> products = suitableProducts(study.model());
        Product product = productId == null
                ? defaultProduct(patient.id(), products)
                : products.stream()
                        .filter(p -> p.id().equals(productId))
                        .findFirst()
                        .orElse(null);
        if (product == null) {
            redirect.addFlashAttribute("signOffProblem", "pkstudy.signOff.product");
            return back;
        }
        List<RegimenProposal> proposals = regimens(study, product).regimens();
        if (regimen == null || regimen < 0 || regimen >= proposals.size()) {
            redirect.addFlashAttribute("signOffProblem", "pkstudy.signOff.choose");
            return back;
        }
        RegimenProposal chosen = proposals.get(regimen);
        if (!(chosen.doseIu() > 0)) {
            // the baseline alone keeps the level above the target trough (moderate/mild): nothing to prescribe
            redirect.addFlashAttribute("signOffProblem", "pkstudy.signOff.noDose");
            return back;
        }
        SignOffSchedule schedule = SignOffSchedule.of(chosen.periodHours(), chosen.doseHours());
        if (schedule == null) {
            redirect.addFlashAttribute("signOffProblem", "pk.signOff.schedule");
            return back;
        }
        LocalDate today = LocalDate.now(clock);
        TreatmentPlan active = treatmentPlans.activePlan(patient.id(), today).orElse(null);
        try {
            transaction.executeWithoutResult(status -> {
                TreatmentPlan plan = treatmentPlans.prescribe(
                        actor,
                        patient.id(),
                        new Prescription(
                                Regimen.PROPHYLAXIS,
                                product.id(),
                                active == null || active.bleedProductId() == null
                                        ? product.id()
                                        : active.bleedProductId(),
                                BigDecimal.valueOf(Math.round(chosen.doseIu())),
                                null,
                                null,
                                schedule.kind(),
                                schedule.interval(),
                                schedule.weekdays(),
                                null,
                                null,
                                today,
                                null,
                                "Signed off from the PK study of " + shown(study.enteredAt(), patientPages.zoneOf(id))
                                        + ": " + chosen.label()));
                records.markSignedOff(actor, patient.id(), studyId, plan.id());
            });
            redirect.addFlashAttribute(
                    "signedOff",
                    chosen.label() + ", " + String.format(Locale.UK, "%,.0f IU", chosen.doseIu()) + " of "
                            + product.brandName());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("signOffError", e.getMessage());
        }
        return back;
    }

    /** A PK schedule (period and dose times in hours) as a treatment plan schedule, or null if it has no such form. */
    record SignOffSchedule(org.hemonet.supply.Schedule.Kind kind, int interval, Set<DayOfWeek> weekdays) {

        static @Nullable SignOffSchedule of(double periodHours, String doseHours) {
            try {
                return of(
                        periodHours,
                        Arrays.stream(doseHours.split(","))
                                .map(String::trim)
                                .map(Double::parseDouble)
                                .toList());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        static @Nullable SignOffSchedule of(double periodHours, List<Double> hours) {
            if (hours.size() == 1 && periodHours % 24 == 0 && periodHours >= 24 && periodHours <= 14 * 24) {
                return new SignOffSchedule(
                        org.hemonet.supply.Schedule.Kind.EVERY_N_DAYS, (int) (periodHours / 24), Set.of());
            }
            if (periodHours == 168 && hours.stream().allMatch(h -> h % 24 == 0 && h >= 0 && h < 168)) {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                hours.forEach(h -> days.add(DayOfWeek.MONDAY.plus((long) (h / 24))));
                return new SignOffSchedule(org.hemonet.supply.Schedule.Kind.WEEKDAYS, 1, days);
            }
            return null;
        }
    }

    private void preview(Actor actor, PatientSummary patient, StudyRequest request, Model model) {
        try {
            SavedStudy study = records.preview(actor, patient.id(), request);
            addEstimate(study, model);
            model.addAttribute(
                    "regimens", regimens(study, defaultProduct(patient.id(), suitableProducts(study.model()))));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", List.of(problem(e)));
        }
    }

    private void addEstimate(SavedStudy study, Model model) {
        PkEstimate estimate = study.estimate();
        model.addAttribute("estimate", estimate);
        model.addAttribute(
                "modelUnverified",
                estimator.summary(study.model()).map(PkModelSummary::unverified).orElse(null));
        model.addAttribute("curveJson", curveJson(estimate));
        model.addAttribute("samplesJson", samplesJson(study.study().samples(), estimate.curveStart()));
        model.addAttribute("thresholds", List.of("5", "2", "1"));
    }

    private void addLists(Actor actor, PatientSummary patient, Model model) {
        model.addAttribute("patient", patient);
        model.addAttribute("models", estimator.models());
        model.addAttribute("thresholds", List.of("5", "2", "1"));
        model.addAttribute("studies", records.studies(actor, patient.id()));
        model.addAttribute("factorLevels", records.factorLevels(actor, patient.id()));
        model.addAttribute("infusions", records.pickableInfusions(actor, patient.id()));
        model.addAttribute("shown", SHOWN.withZone(patient.timeZone()));
        model.addAttribute(
                "modelNames",
                estimator.models().stream()
                        .collect(java.util.stream.Collectors.toMap(PkModelSummary::id, PkModelSummary::name)));
        model.addAttribute(
                "labTakenAt",
                LocalDateTime.now(clock.withZone(patient.timeZone()))
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                        .toString());
    }

    private StudyRequest request(
            PkStudyForm form, List<StudyRequest.DoseEntry> doses, List<StudyRequest.SampleEntry> samples) {
        return new StudyRequest(
                form.getModel(),
                form.getWeightKg(),
                form.getAgeYears(),
                form.getProduct(),
                form.getLeanBodyWeightKg(),
                form.getVwfIuPerDl(),
                form.getBaselineIuPerDl(),
                doses,
                form.getInfusionIds(),
                samples,
                form.getFactorLevelIds(),
                form.getReportDoseIuPerKg(),
                form.getTargetTroughIuPerDl());
    }

    /** The regimens for the study's target trough, rounded to the product's vials (priced), or to usual sizes. */
    private RegimenComparison regimens(SavedStudy study, @Nullable Product product) {
        return estimator.regimens(new RegimenQuestion(
                study.model(),
                study.study().covariates(),
                study.estimate().eta(),
                study.study().baselineIuPerDl(),
                study.targetTroughIuPerDl(),
                Schedule.usualProphylaxis(),
                product == null ? DEFAULT_VIAL_SIZES : product.vialSizes(),
                product == null ? null : product.listPricePerUnit().doubleValue()));
    }

    /**
     * Active, IU-dosed concentrates of the factor the model describes (FVIII or FIX) whose molecule the model was
     * fitted on (issue 20), by name.
     */
    private List<Product> suitableProducts(String model) {
        PkModelSummary summary = estimator.summary(model).orElse(null);
        if (summary == null) {
            return List.of();
        }
        return catalogue.products().stream()
                .filter(p -> p.status() == ProductStatus.ACTIVE && p.unit() == DoseUnit.IU)
                .filter(p -> summary.factor().equals(p.productClass().factor()))
                .filter(p -> summary.fittedOn(p.genericName()))
                .sorted(java.util.Comparator.comparing(Product::brandName))
                .toList();
    }

    /** The product of the patient's active treatment plan, if any. */
    private @Nullable Product activeProduct(UUID patientId) {
        return treatmentPlans
                .activePlan(patientId, LocalDate.now(clock))
                .map(TreatmentPlan::productId)
                .flatMap(catalogue::find)
                .orElse(null);
    }

    /** Whether the product names a model, and that model was fitted on its molecule. */
    private boolean hasFittedModel(Product product) {
        return product.pkModelId() != null
                && estimator
                        .summary(product.pkModelId())
                        .map(m -> m.fittedOn(product.genericName()))
                        .orElse(false);
    }

    /** The active plan's product when it is suitable, else the first suitable product. */
    private @Nullable Product defaultProduct(UUID patientId, List<Product> products) {
        UUID planned = treatmentPlans
                .activePlan(patientId, LocalDate.now(clock))
                .map(TreatmentPlan::productId)
                .orElse(null);
        return products.stream()
                .filter(p -> p.id().equals(planned))
                .findFirst()
                .orElse(products.isEmpty() ? null : products.get(0));
    }

    static String productLabel(Product p) {
        return p.brandName() + " (" + p.genericName() + ") · vials "
                + String.join("/", p.vialSizes().stream().map(String::valueOf).toList())
                + " IU";
    }

    private String modelName(String id) {
        return estimator.models().stream()
                .filter(m -> m.id().equals(id))
                .map(PkModelSummary::name)
                .findFirst()
                .orElse(id);
    }

    /** The model of the patient's current product when it has one fitted on it, else the usual one for the factor. */
    private String defaultModel(PatientSummary patient, @Nullable Product current) {
        if (current != null && hasFittedModel(current)) {
            return java.util.Objects.requireNonNull(current.pkModelId());
        }
        return patient.diagnosis() == DiagnosisType.HEMOPHILIA_B ? "fix-koopman-2023" : "fviii-allard-2020";
    }

    private static @Nullable Instant instant(@Nullable LocalDateTime local, ZoneId zone) {
        return local == null ? null : local.atZone(zone).toInstant();
    }

    private static String shown(Instant at, ZoneId zone) {
        return SHOWN.format(at.atZone(zone));
    }

    private static String problem(InvalidInputException e) {
        return (e.field() == null ? "" : e.field() + ": ") + e.getMessage();
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

    static String samplesJson(List<LevelSample> samples, @Nullable Instant firstDose) {
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
