package org.hemonet.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Funnel plots of the centres compared (issue 18): each centre's proportion against its size, with exact binomial 95 %
 * (for a rate — adverse events per 100 treatment-years — exact Poisson limits against the centre's exposure)
 * and 99.8 % control limits around the network proportion ({@link FunnelLimits}). A centre outside the 99.8 % limits is
 * an outlier. What is shown of each centre follows {@link CentreComparison} (disclosure control for network roles); the
 * limits and the outlier flags come from the raw figures, and the limits are given on a grid of centre sizes (multiples
 * of 5) so that the curve gives no centre's exact size away. A suppressed centre is listed without a position or flag.
 */
@Service
public class CentreFunnel {

    /** The proportions a funnel is drawn for; {@link #key} is the API's {@code measure} value. */
    public enum Measure {
        /** Patients with no bleed among those with diary time in the year. */
        ZERO_BLEED_PROPORTION(
                "zeroBleedProportion",
                f -> f.cohort().all().zeroBleeds(),
                CentreComparison.Figures::n,
                CentreComparison.Row::included,
                CentreComparison.Row::zeroBleedProportion),
        /** Patients with diary time in the year among the cohort's registered patients (diary coverage). */
        WITH_DIARY_PROPORTION(
                "withDiaryProportion",
                CentreComparison.Figures::n,
                f -> f.cohort().patients(),
                CentreComparison.Row::patients,
                CentreComparison.Row::withDiaryProportion),
        /** Patients with at least one joint-immobilising bleed among those with diary time (clinical.md §4). */
        JOINT_IMMOBILISING_PROPORTION(
                "jointImmobilisingProportion",
                f -> f.more().jointImmobilisingPatients,
                f -> f.more().withDiary,
                CentreComparison.Row::included,
                r -> r.more().jointImmobilisingProportion()),
        /** Patients with a target joint active in the year among those with diary time (clinical.md §3). */
        TARGET_JOINT_PROPORTION(
                "targetJointProportion",
                f -> f.more().targetJointPatients,
                f -> f.more().withDiary,
                CentreComparison.Row::included,
                r -> r.more().targetJointProportion()),
        /**
         * Reported or closed adverse events per 100 treatment-years (clinical.md §9), against the centre's
         * treatment-years: a rate, with Poisson limits.
         */
        ADVERSE_EVENTS_PER_100_TREATMENT_YEARS(
                "adverseEventsPer100TreatmentYears",
                f -> (int) f.more().adverseEvents,
                f -> (int) f.more().treatmentYears,
                r -> r.more().treatmentYears(),
                r -> r.more().adverseEventsPer100TreatmentYears(),
                100);

        public final String key;

        /** 1 for a proportion (binomial limits); the rate's unit of exposure, e.g. 100 treatment-years (Poisson). */
        final double per;

        private final ToIntFunction<CentreComparison.Figures> events;
        private final ToIntFunction<CentreComparison.Figures> size;
        private final Function<CentreComparison.Row, String> shownSize;
        private final Function<CentreComparison.Row, String> shownValue;

        Measure(
                String key,
                ToIntFunction<CentreComparison.Figures> events,
                ToIntFunction<CentreComparison.Figures> size,
                Function<CentreComparison.Row, String> shownSize,
                Function<CentreComparison.Row, String> shownValue) {
            this(key, events, size, shownSize, shownValue, 1);
        }

        Measure(
                String key,
                ToIntFunction<CentreComparison.Figures> events,
                ToIntFunction<CentreComparison.Figures> size,
                Function<CentreComparison.Row, String> shownSize,
                Function<CentreComparison.Row, String> shownValue,
                double per) {
            this.per = per;
            this.key = key;
            this.events = events;
            this.size = size;
            this.shownSize = shownSize;
            this.shownValue = shownValue;
        }

        /** The measure named {@code key}, the first one when null; a 400 naming {@code measure} otherwise. */
        public static Measure of(@Nullable String key) {
            if (key == null || key.isBlank()) {
                return values()[0];
            }
            for (Measure m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            throw new InvalidInputException("measure", "The funnel plot is drawn for: " + keys() + ".");
        }

        public static List<String> keys() {
            return Arrays.stream(values()).map(m -> m.key).toList();
        }

        /** Whether this is a rate (Poisson limits) rather than a proportion (binomial limits). */
        public boolean rate() {
            return per != 1;
        }

        FunnelLimits.Limits limits(int n, double p) {
            return rate() ? FunnelLimits.poisson(n, p, per) : FunnelLimits.at(n, p);
        }

        String format(double p) {
            return rate()
                    ? java.math.BigDecimal.valueOf(p * per)
                            .setScale(2, java.math.RoundingMode.HALF_UP)
                            .toPlainString()
                    : CentreComparison.proportion(p);
        }
    }

    /** One centre on the funnel; {@code n} and {@code value} are {@code *} where suppressed. */
    public record Point(
            UUID centreId,
            String centreName,
            String n,
            String value,
            @Nullable Boolean outside95,
            @Nullable Boolean outside998) {

        public boolean suppressed() {
            return DisclosureControl.SUPPRESSED.equals(n) || DisclosureControl.SUPPRESSED.equals(value);
        }
    }

    /**
     * @param rate whether the measure is a rate (Poisson limits, exposure on the x axis) or a proportion (binomial)
     * @param networkValue as the comparison's network row shows it: {@code *} where that row hides it (beside a
     *     centre's hidden count, clinical.md §8)
     * @param referenceValue what the limits are drawn around: the network value, or where that is hidden the value of
     *     the centres shown on the funnel taken together (drawn around the network value, the limits would show it;
     *     the centres shown give away nothing of the hidden ones); {@code –} when there is none
     */
    public record Funnel(
            int year,
            String measure,
            boolean rate,
            String networkValue,
            String referenceValue,
            List<Point> points,
            List<FunnelLimits.Limits> limits,
            List<String> outliers) {

        /** Whether the network value is hidden from this reader (the limits are then around the centres shown). */
        public boolean networkHidden() {
            return DisclosureControl.SUPPRESSED.equals(networkValue);
        }
    }

    private final CentreComparison comparison;

    CentreFunnel(CentreComparison comparison) {
        this.comparison = comparison;
    }

    public Funnel funnel(Actor actor, int year, Measure measure, CentreComparison.Filter filter) {
        CentreComparison.Computed computed = comparison.computed(actor, year, filter);
        Map<UUID, CentreComparison.Figures> raw = computed.byCentre();
        CentreComparison.Figures network = computed.network();
        CentreComparison.Comparison shown = computed.shown();
        int networkN = measure.size.applyAsInt(network);
        // the limits are drawn around the network value; where the table hides it, around the centres shown
        boolean hidden = networkN > 0 && DisclosureControl.SUPPRESSED.equals(measure.shownValue.apply(shown.network()));
        long events = measure.events.applyAsInt(network);
        long size = networkN;
        if (hidden) {
            events = 0;
            size = 0;
            for (CentreComparison.Row row : shown.items()) {
                CentreComparison.Figures f = row.centreId() == null ? null : raw.get(row.centreId());
                if (f != null && !DisclosureControl.SUPPRESSED.equals(measure.shownValue.apply(row))) {
                    events += measure.events.applyAsInt(f);
                    size += measure.size.applyAsInt(f);
                }
            }
        }
        double p = size == 0 ? 0 : events / (double) size;
        List<Point> points = new ArrayList<>();
        List<String> outliers = new ArrayList<>();
        int largest = 0;
        for (CentreComparison.Row row : shown.items()) {
            CentreComparison.Figures f = row.centreId() == null ? null : raw.get(row.centreId());
            if (f == null || measure.size.applyAsInt(f) == 0) {
                continue;
            }
            int n = measure.size.applyAsInt(f);
            largest = Math.max(largest, n);
            String value = measure.shownValue.apply(row);
            boolean suppressed = DisclosureControl.SUPPRESSED.equals(value);
            FunnelLimits.Limits at = measure.limits(n, p);
            double exact = measure.events.applyAsInt(f) * measure.per / n;
            Boolean outside95 = suppressed ? null : exact < at.lower95() || exact > at.upper95();
            Boolean outside998 = suppressed ? null : exact < at.lower998() || exact > at.upper998();
            if (Boolean.TRUE.equals(outside998)) {
                outliers.add(row.centreName());
            }
            points.add(new Point(
                    row.centreId(), row.centreName(), measure.shownSize.apply(row), value, outside95, outside998));
        }
        List<FunnelLimits.Limits> limits = new ArrayList<>();
        if (size > 0) {
            for (int n = 5; n <= Math.max(10, ((largest + 4) / 5) * 5 + 5); n += 5) {
                limits.add(measure.limits(n, p));
            }
        }
        return new Funnel(
                year,
                measure.key,
                measure.rate(),
                networkN == 0 ? "–" : hidden ? DisclosureControl.SUPPRESSED : measure.format(p),
                size == 0 ? "–" : measure.format(p),
                points,
                limits,
                outliers);
    }
}
