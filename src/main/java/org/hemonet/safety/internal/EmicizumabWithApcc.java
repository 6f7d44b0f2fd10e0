package org.hemonet.safety.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionWarnings;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.shared.Actor;
import org.hemonet.supply.PrescriptionWarnings;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Emicizumab with aPCC (issue 13, clinical.md §9): thrombotic microangiopathy and thrombosis were seen in HAVEN 1 when
 * patients on emicizumab received more than 100 U/kg/24 h of activated prothrombin complex concentrate for 24 hours or
 * more (Oldenburg et al., N Engl J Med 2017;377:809). When an aPCC infusion is logged for a patient on emicizumab (an
 * emicizumab dose in the 6 months before, the time its effect may last after the last dose, as the product information
 * says), the aPCC given in any 24-hour window that holds this infusion is added up; over 100 U/kg, or with no weight on
 * the record to judge by, the person logging is warned and the patient is flagged for the clinician (one flag per
 * infusion, shown on the safety events page). A flag, not a draft adverse event: nothing has happened yet, and a draft
 * would enter the triage of events as though it had.
 *
 * <p>Prescribing: a plan that names aPCC (as its product, or for breakthrough bleeds beside emicizumab) for a patient on
 * emicizumab (the plan's own product, the plan it replaces, or a logged dose in the 6 months) always warns, since a
 * plan does not bound how much is given in 24 hours; the patient is flagged when a single prescribed aPCC dose is over
 * 100 U/kg.
 */
@Component
class EmicizumabWithApcc implements InfusionWarnings, PrescriptionWarnings {

    static final BigDecimal LIMIT_UNITS_PER_KG = new BigDecimal("100");
    static final Duration WINDOW = Duration.ofHours(24);
    static final Duration EMICIZUMAB_LASTS = Duration.ofDays(183);

    private final BleedDiary diary;
    private final ProductCatalogue catalogue;
    private final PatientRegistry patients;
    private final SafetyQueries queries;
    private final TreatmentPlans plans;
    private final Clock clock;

    /** The network's time zone (hemonet.network.time-zone): its calendar years and quarters. */
    private final java.time.ZoneId networkZone;

    EmicizumabWithApcc(
            BleedDiary diary,
            ProductCatalogue catalogue,
            PatientRegistry patients,
            SafetyQueries queries,
            TreatmentPlans plans,
            Clock clock,
            org.hemonet.centre.NetworkSettings network) {
        this.networkZone = network.timeZone();
        this.plans = plans;
        this.diary = diary;
        this.catalogue = catalogue;
        this.patients = patients;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public List<String> warningsFor(Actor actor, TreatmentPlan plan) {
        Map<UUID, ProductClass> classOf = classes();
        boolean apccMain = classOf.get(plan.productId()) == ProductClass.BYPASSING_APCC;
        boolean apccForBleeds =
                plan.bleedProductId() != null && classOf.get(plan.bleedProductId()) == ProductClass.BYPASSING_APCC;
        if (plan.voidedAt() != null || !(apccMain || apccForBleeds)) {
            return List.of();
        }
        Instant now = clock.instant();
        boolean onEmicizumab = classOf.get(plan.productId()) == ProductClass.EMICIZUMAB
                || plans.activePlan(plan.patientId(), plan.validFrom().minusDays(1))
                        .filter(p -> classOf.get(p.productId()) == ProductClass.EMICIZUMAB)
                        .isPresent()
                || diary.entriesOf(plan.patientId()).infusions().stream()
                        .anyMatch(i -> !i.isVoided()
                                && classOf.get(i.productId()) == ProductClass.EMICIZUMAB
                                && !i.administeredAt().isBefore(now.minus(EMICIZUMAB_LASTS)));
        if (!onEmicizumab) {
            return List.of();
        }
        BigDecimal perKg = null;
        if (apccMain) {
            BigDecimal weight = plan.weightKg() != null
                    ? plan.weightKg()
                    : patients.find(actor, plan.patientId())
                            .map(PatientSummary::weightKg)
                            .orElse(null);
            perKg = weight == null || weight.signum() <= 0 ? null : plan.dose().divide(weight, 1, RoundingMode.HALF_UP);
            BigDecimal flagged = perKg;
            if (flagged != null && flagged.compareTo(LIMIT_UNITS_PER_KG) > 0) {
                patients.scopeOf(plan.patientId())
                        .ifPresent(scope -> queries.insertFlag(
                                plan.patientId(),
                                scope.registeredCentreId(),
                                "APCC_PRESCRIBED",
                                plan.id(),
                                plan.validFrom().atStartOfDay(networkZone).toInstant(),
                                flagged,
                                now,
                                actor.username()));
            }
        }
        String dose = perKg == null
                ? ""
                : String.format(Locale.ROOT, " This plan gives %s U/kg in one dose.", perKg.toPlainString());
        return List.of(
                "Risk of thrombotic microangiopathy: this patient is on emicizumab, and aPCC must not exceed 100 U/kg"
                        + " in 24 hours (HAVEN 1)." + dose + " Check the dose and how often it may be given.");
    }

    private Map<UUID, ProductClass> classes() {
        return catalogue.products().stream().collect(Collectors.toMap(Product::id, Product::productClass, (a, b) -> a));
    }

    @Override
    public List<String> warningsFor(Actor actor, Infusion infusion) {
        Map<UUID, ProductClass> classOf = classes();
        if (infusion.isVoided() || classOf.get(infusion.productId()) != ProductClass.BYPASSING_APCC) {
            return List.of();
        }
        List<Infusion> living = diary.entriesOf(infusion.patientId()).infusions().stream()
                .filter(i -> !i.isVoided())
                .toList();
        return judge(actor, infusion, classOf, living);
    }

    /**
     * One sync's infusions (issue 14): the catalogue is read once, each patient's diary once, and each infusion is
     * judged on the diary as it stood right after it was stored, without the infusions stored after it in the list.
     */
    @Override
    public List<List<String>> warningsForStored(Actor actor, List<Infusion> stored) {
        Map<UUID, ProductClass> classOf = classes();
        Map<UUID, Integer> position = new java.util.HashMap<>();
        for (int k = 0; k < stored.size(); k++) {
            position.put(stored.get(k).id(), k);
        }
        Map<UUID, List<Infusion>> diaries = new java.util.HashMap<>();
        List<List<String>> result = new ArrayList<>();
        for (int k = 0; k < stored.size(); k++) {
            Infusion infusion = stored.get(k);
            if (infusion.isVoided() || classOf.get(infusion.productId()) != ProductClass.BYPASSING_APCC) {
                result.add(List.of());
                continue;
            }
            int upTo = k;
            List<Infusion> living =
                    diaries
                            .computeIfAbsent(infusion.patientId(), p -> diary.entriesOf(p)
                                    .infusions())
                            .stream()
                            .filter(i -> !i.isVoided() && position.getOrDefault(i.id(), -1) <= upTo)
                            .toList();
            result.add(judge(actor, infusion, classOf, living));
        }
        return result;
    }

    private List<String> judge(Actor actor, Infusion infusion, Map<UUID, ProductClass> classOf, List<Infusion> living) {
        Instant at = infusion.administeredAt();
        boolean onEmicizumab = living.stream()
                .anyMatch(i -> classOf.get(i.productId()) == ProductClass.EMICIZUMAB
                        && !i.administeredAt().isBefore(at.minus(EMICIZUMAB_LASTS))
                        && !i.administeredAt().isAfter(at.plus(WINDOW)));
        if (!onEmicizumab) {
            return List.of();
        }
        List<Infusion> apcc = new ArrayList<>(living.stream()
                .filter(i -> classOf.get(i.productId()) == ProductClass.BYPASSING_APCC)
                .toList());
        if (apcc.stream().noneMatch(i -> i.id().equals(infusion.id()))) {
            apcc.add(infusion);
        }
        BigDecimal most = mostInAnyWindowHolding(apcc, at);
        BigDecimal weight = patients.find(actor, infusion.patientId())
                .map(PatientSummary::weightKg)
                .orElse(null);
        BigDecimal perKg = weight == null || weight.signum() <= 0 ? null : most.divide(weight, 1, RoundingMode.HALF_UP);
        if (perKg != null && perKg.compareTo(LIMIT_UNITS_PER_KG) <= 0) {
            return List.of();
        }
        patients.scopeOf(infusion.patientId())
                .ifPresent(scope -> queries.insertFlag(
                        infusion.patientId(),
                        scope.registeredCentreId(),
                        "APCC_INFUSED",
                        infusion.id(),
                        at,
                        perKg,
                        clock.instant(),
                        actor.username()));
        return List.of(warning(perKg));
    }

    /**
     * The most aPCC (units) given in any 24-hour window that holds {@code at}: such a window can be taken to start at an
     * infusion in the 24 hours up to {@code at}.
     */
    static BigDecimal mostInAnyWindowHolding(List<Infusion> apcc, Instant at) {
        BigDecimal most = BigDecimal.ZERO;
        for (Infusion start : apcc) {
            Instant from = start.administeredAt();
            if (from.isAfter(at) || from.isBefore(at.minus(WINDOW))) {
                continue;
            }
            BigDecimal sum = apcc.stream()
                    .filter(i -> !i.administeredAt().isBefore(from)
                            && i.administeredAt().isBefore(from.plus(WINDOW)))
                    .map(Infusion::dose)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            most = most.max(sum);
        }
        return most;
    }

    private static String warning(@Nullable BigDecimal perKg) {
        String given = perKg == null
                ? "aPCC, and no weight is recorded to check the dose against"
                : String.format(Locale.ROOT, "%s U/kg of aPCC within 24 hours", perKg.toPlainString());
        return "Risk of thrombotic microangiopathy: this patient is on emicizumab and has had " + given
                + " (HAVEN 1: more than 100 U/kg in 24 hours). Do not give more aPCC without the haemophilia centre;"
                + " the centre team has been flagged.";
    }
}
