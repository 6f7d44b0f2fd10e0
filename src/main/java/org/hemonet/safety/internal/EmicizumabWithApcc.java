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
 */
@Component
class EmicizumabWithApcc implements InfusionWarnings {

    static final BigDecimal LIMIT_UNITS_PER_KG = new BigDecimal("100");
    static final Duration WINDOW = Duration.ofHours(24);
    static final Duration EMICIZUMAB_LASTS = Duration.ofDays(183);

    private final BleedDiary diary;
    private final ProductCatalogue catalogue;
    private final PatientRegistry patients;
    private final SafetyQueries queries;
    private final Clock clock;

    EmicizumabWithApcc(
            BleedDiary diary,
            ProductCatalogue catalogue,
            PatientRegistry patients,
            SafetyQueries queries,
            Clock clock) {
        this.diary = diary;
        this.catalogue = catalogue;
        this.patients = patients;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public List<String> warningsFor(Actor actor, Infusion infusion) {
        Map<UUID, ProductClass> classOf = catalogue.products().stream()
                .collect(Collectors.toMap(Product::id, Product::productClass, (a, b) -> a));
        if (infusion.isVoided() || classOf.get(infusion.productId()) != ProductClass.BYPASSING_APCC) {
            return List.of();
        }
        Instant at = infusion.administeredAt();
        List<Infusion> living = diary.entriesOf(infusion.patientId()).infusions().stream()
                .filter(i -> !i.isVoided())
                .toList();
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
