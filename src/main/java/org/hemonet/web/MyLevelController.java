package org.hemonet.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.Infusion;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.pk.PkEstimator;
import org.hemonet.pk.PkParameters;
import org.hemonet.pk.PkRecords;
import org.hemonet.pk.SavedStudy;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "My factor level" (issue 7): the patient's estimated level now from their logged infusions, with the expected curve
 * for the next 72 h. The PK is the patient's own once a clinician has signed a regimen off from a saved PK study: the
 * individual η of the latest signed-off, non-voided study applied to today's weight and age ({@code Pᵢ = TV · e^η},
 * pk-models.md). A study that was only saved is not used: sign-off is the clinician's review of the fit. Until then
 * population PK for the patient's weight and age. The explanation says which one is used. A parent names the child ({@code ?patient=}); staff
 * may open it for the patients they may see. Access goes through {@link PatientPages} (404 for anyone else).
 */
@Controller
class MyLevelController {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm");

    private final PatientPages patientPages;
    private final PatientRegistry patients;
    private final CurrentActor currentActor;
    private final BleedDiary diary;
    private final PkEstimator estimator;
    private final AuditLog auditLog;
    private final PkRecords pkRecords;
    private final ProductCatalogue catalogue;
    private final TreatmentPlans treatmentPlans;
    private final Clock clock;

    MyLevelController(
            PatientPages patientPages,
            PatientRegistry patients,
            CurrentActor currentActor,
            BleedDiary diary,
            PkEstimator estimator,
            AuditLog auditLog,
            PkRecords pkRecords,
            ProductCatalogue catalogue,
            TreatmentPlans treatmentPlans,
            Clock clock) {
        this.patientPages = patientPages;
        this.patients = patients;
        this.currentActor = currentActor;
        this.diary = diary;
        this.estimator = estimator;
        this.auditLog = auditLog;
        this.pkRecords = pkRecords;
        this.catalogue = catalogue;
        this.treatmentPlans = treatmentPlans;
        this.clock = clock;
    }

    @GetMapping("/my-level")
    String myLevel(@RequestParam(name = "patient", required = false) @Nullable UUID selected, Model model) {
        Actor actor = currentActor.require();
        UUID patientId = selected != null ? selected : firstHeld(actor);
        PatientSummary patient = patientPages.require(patientId, "EstimatedLevel");
        model.addAttribute("patient", patient);
        String factor = LevelNow.factorFor(patient.diagnosis());
        if (factor == null) {
            model.addAttribute("problem", "noModel");
            return "pk/my-level";
        }
        if (patient.weightKg() == null) {
            model.addAttribute("problem", "noWeight");
            return "pk/my-level";
        }
        Instant now = clock.instant();
        List<Infusion> infusions = diary.infusions(actor, patient.id());
        // the record was read: audited whatever the page then shows (an estimate, or why there is none)
        auditLog.patientAccess(AuditAction.READ, patient.id(), "EstimatedLevel", null, AuditOutcome.SUCCESS);
        Map<UUID, Optional<Product>> products = new HashMap<>();
        Function<UUID, @Nullable Product> productOf =
                id -> products.computeIfAbsent(id, catalogue::find).orElse(null);
        // issue 20: the estimate uses the model of the concentrate the patient takes, never another product's
        Product product = productNow(patient.id(), infusions, now, factor, productOf);
        if (product != null && !fitted(product.pkModelId(), product.genericName())) {
            model.addAttribute("problem", "noProductModel");
            model.addAttribute("productName", product.brandName() + " (" + product.genericName() + ")");
            return "pk/my-level";
        }
        try {
            double age = Math.max(patient.ageOn(LocalDate.now(clock)), 0);
            double weight = patient.weightKg().doubleValue();
            PkParameters parameters = null;
            SavedStudy own = pkRecords.latestSignedOff(patient.id()).orElse(null);
            if (own != null && (product == null || fitted(own.model(), product.genericName()))) {
                parameters = ownParameters(own, weight, age, product);
                if (parameters != null) {
                    model.addAttribute(
                            "ownStudy",
                            PkStudyController.SHOWN
                                    .format(own.enteredAt().atZone(patient.timeZone()))
                                    .replaceFirst(",.*", ""));
                    Double leanBodyWeight = number(own.study().covariates().get(PkRecords.LEAN_BODY_WEIGHT));
                    Double vwf = number(own.study().covariates().get(PkRecords.VWF));
                    if (leanBodyWeight != null && vwf != null) {
                        model.addAttribute("ownLeanBodyWeight", String.format(Locale.UK, "%.1f", leanBodyWeight));
                        model.addAttribute("ownVwf", String.format(Locale.UK, "%.0f", vwf));
                    }
                }
            }
            if (product == null) {
                // nothing of this factor logged in the window and no plan: nothing to estimate from
                model.addAttribute("problem", "noInfusions");
                return "pk/my-level";
            }
            if (parameters == null) {
                String pkModel = Objects.requireNonNull(product.pkModelId());
                try {
                    parameters = estimator.typicalParameters(
                            pkModel, LevelNow.covariates(pkModel, weight, age, product.genericName()));
                } catch (InvalidInputException e) {
                    // the model needs what only a PK study records (lean body weight and VWF of Solms 2020)
                    model.addAttribute("problem", "needsStudy");
                    model.addAttribute("productName", product.brandName() + " (" + product.genericName() + ")");
                    return "pk/my-level";
                }
            }
            String molecule = product.genericName();
            List<Infusion> counted = new ArrayList<>();
            int otherProducts = 0;
            for (Infusion infusion : infusions) {
                if (!LevelNow.inWindow(infusion, now)) {
                    continue;
                }
                Product given = productOf.apply(infusion.productId());
                if (given != null && given.genericName().equalsIgnoreCase(molecule)) {
                    counted.add(infusion);
                } else {
                    otherProducts++;
                }
            }
            double baseline = patient.baselineLevelIuPerDl() == null
                    ? 0
                    : patient.baselineLevelIuPerDl().doubleValue();
            LevelNow level = LevelNow.compute(estimator, counted, now, parameters, baseline);
            if (level.lastInfusion() == null) {
                model.addAttribute("problem", "noInfusions");
                return "pk/my-level";
            }
            model.addAttribute("productName", product.brandName());
            if (otherProducts > 0) {
                model.addAttribute("otherInfusions", otherProducts);
            }
            model.addAttribute("belowOne", level.belowOne());
            model.addAttribute("roundedLevel", level.roundedLevel());
            model.addAttribute("lastInfusion", SHOWN.format(level.lastInfusion().atZone(patient.timeZone())));
            model.addAttribute("curveJson", level.curveJson());
        } catch (InvalidInputException e) {
            model.addAttribute("problem", "noModel");
        }
        return "pk/my-level";
    }

    /**
     * The concentrate whose PK the estimate uses: the product of the latest infusion of the patient's factor logged in
     * the window, else the active treatment plan's (its bleed product when the plan is a non-factor prophylaxis), else
     * none. Bypassing agents and other factors are not FVIII/FIX concentrates of the patient's factor and never
     * chosen.
     */
    private @Nullable Product productNow(
            UUID patientId,
            List<Infusion> infusions,
            Instant now,
            String factor,
            Function<UUID, @Nullable Product> productOf) {
        Product latest = infusions.stream()
                .filter(i -> LevelNow.inWindow(i, now))
                .sorted(Comparator.comparing(Infusion::administeredAt).reversed())
                .map(i -> productOf.apply(i.productId()))
                .filter(p -> p != null && factor.equals(p.productClass().factor()))
                .findFirst()
                .orElse(null);
        if (latest != null) {
            return latest;
        }
        TreatmentPlan plan =
                treatmentPlans.activePlan(patientId, LocalDate.now(clock)).orElse(null);
        if (plan == null) {
            return null;
        }
        for (UUID id : Arrays.asList(plan.productId(), plan.bleedProductId())) {
            Product p = id == null ? null : productOf.apply(id);
            if (p != null && factor.equals(p.productClass().factor())) {
                return p;
            }
        }
        return null;
    }

    /**
     * The signed-off study's η on today's covariates (pk-models.md: {@code Pᵢ = TV · e^η}): today's weight and age, the
     * product category of the concentrate taken now when there is one (Allard 2020: ELOCTA = 1 for efmoroctocog alfa,
     * else 0), else the study's; the study's lean body weight and VWF antigen (the record holds no newer ones). Null
     * when the study's model can no longer take it (a model withdrawn or changed since).
     */
    private @Nullable PkParameters ownParameters(SavedStudy own, double weight, double age, @Nullable Product product) {
        try {
            Object studied = own.study().covariates().get("product");
            Object category = product == null
                    ? studied
                    : LevelNow.covariates(own.model(), weight, age, product.genericName())
                            .get("product");
            return estimator.individualParameters(
                    own.model(),
                    PkRecords.covariates(
                            own.model(),
                            weight,
                            age,
                            category == null ? null : category.toString(),
                            number(own.study().covariates().get(PkRecords.LEAN_BODY_WEIGHT)),
                            number(own.study().covariates().get(PkRecords.VWF))),
                    own.estimate().eta());
        } catch (InvalidInputException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the model exists and was fitted on the molecule (issue 20). */
    private boolean fitted(@Nullable String modelId, String genericName) {
        return modelId != null
                && estimator.summary(modelId).map(m -> m.fittedOn(genericName)).orElse(false);
    }

    private static @Nullable Double number(@Nullable Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private UUID firstHeld(Actor actor) {
        return actor.patientIds().stream().sorted().findFirst().orElseThrow(() -> new NotFoundException("patient"));
    }
}
