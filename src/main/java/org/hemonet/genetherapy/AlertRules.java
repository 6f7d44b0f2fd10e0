package org.hemonet.genetherapy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.hemonet.lab.LabResult;
import org.jspecify.annotations.Nullable;

/**
 * When a new result after gene therapy raises an alert (issue 21). Both rules raise one alert per episode: a run of
 * abnormal results raises an alert at its start, not at each result.
 */
public final class AlertRules {

    private AlertRules() {}

    /** What a rule found: the value that crossed the threshold and the threshold. */
    public record Crossing(BigDecimal value, BigDecimal threshold, LocalDate sampledOn) {}

    /**
     * ALT_RISE: ALT above the upper limit of normal of the result's reference range (when {@code altAboveUln}) or at
     * least {@code altRiseFactor} × the patient's own baseline, when the previous ALT result after the infusion was
     * not raised. {@code altAfterInfusion} holds the patient's valid ALT results sampled on or after the infusion day,
     * including {@code result}.
     */
    public static Optional<Crossing> altRise(
            LabResult result, List<LabResult> altAfterInfusion, BigDecimal baselineAlt, GeneTherapySettings s) {
        if (!raised(result, baselineAlt, s)) {
            return Optional.empty();
        }
        Optional<LabResult> previous = altAfterInfusion.stream()
                .filter(r -> !r.id().equals(result.id()))
                .filter(r -> r.sampledOn().isBefore(result.sampledOn())
                        || (r.sampledOn().equals(result.sampledOn())
                                && r.recordedAt().isBefore(result.recordedAt())))
                .max(Comparator.comparing(LabResult::sampledOn).thenComparing(LabResult::recordedAt));
        if (previous.isPresent() && raised(previous.get(), baselineAlt, s)) {
            return Optional.empty();
        }
        return Optional.of(
                new Crossing(result.canonicalValue(), altThreshold(result, baselineAlt, s), result.sampledOn()));
    }

    /** Is this ALT result raised by the product's rule? */
    public static boolean raised(LabResult alt, BigDecimal baselineAlt, GeneTherapySettings s) {
        return (s.altAboveUln() && alt.isAboveRange())
                || alt.canonicalValue().compareTo(baselineAlt.multiply(s.altRiseFactor())) >= 0;
    }

    /** The lower of the thresholds that apply: the upper limit of normal and the factor × baseline. */
    static BigDecimal altThreshold(LabResult alt, BigDecimal baselineAlt, GeneTherapySettings s) {
        BigDecimal relative = baselineAlt.multiply(s.altRiseFactor()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal uln = s.altAboveUln() ? alt.referenceHigh() : null;
        return uln != null && uln.compareTo(relative) < 0 ? uln : relative;
    }

    /**
     * LOSS_OF_EXPRESSION: the expressed factor's activity under the floor (default 5 IU/dL) on two consecutive sampling
     * days from {@code expressionFromWeek} after the infusion, the day before them not under it (or none). A day's value
     * is the lowest of its results (one-stage and chromogenic differ; the lower one decides). {@code activity} holds the
     * patient's valid results of the expressed factor, including {@code result}; the check looks at the days up to
     * the result's day.
     */
    public static Optional<Crossing> lossOfExpression(
            LabResult result, List<LabResult> activity, LocalDate infusedOn, GeneTherapySettings s) {
        LocalDate countFrom = infusedOn.plusWeeks(s.expressionFromWeek());
        if (result.sampledOn().isBefore(countFrom)) {
            return Optional.empty();
        }
        TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
        for (LabResult r : activity) {
            if (!r.sampledOn().isBefore(countFrom) && !r.sampledOn().isAfter(result.sampledOn())) {
                byDay.merge(r.sampledOn(), r.canonicalValue(), BigDecimal::min);
            }
        }
        LocalDate day = result.sampledOn();
        @Nullable LocalDate before = byDay.lowerKey(day);
        if (before == null || !under(byDay.get(day), s) || !under(byDay.get(before), s)) {
            return Optional.empty();
        }
        @Nullable LocalDate earlier = byDay.lowerKey(before);
        if (earlier != null && under(byDay.get(earlier), s)) {
            return Optional.empty();
        }
        return Optional.of(new Crossing(byDay.get(day), s.expressionFloorIuPerDl(), day));
    }

    private static boolean under(@Nullable BigDecimal value, GeneTherapySettings s) {
        return value != null && value.compareTo(s.expressionFloorIuPerDl()) < 0;
    }
}
