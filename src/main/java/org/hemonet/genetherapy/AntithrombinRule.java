package org.hemonet.genetherapy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The next step of antithrombin-lowering therapy from one antithrombin activity result (issue 21; the label steps of
 * {@link AntithrombinStep}). Under the target: the step below (a lower dose, a longer interval, or stop). In the
 * target: keep. Above: the step above (a shorter interval) once the patient has been on the current step for
 * {@link AntithrombinSettings#escalateAfterMonths()}; before that, keep and measure again. The clinician confirms or
 * declines every recommendation; nothing changes by itself.
 */
public final class AntithrombinRule {

    private AntithrombinRule() {}

    public enum Action {
        KEEP,
        LOWER_DOSE,
        LENGTHEN_INTERVAL,
        SHORTEN_INTERVAL,
        RAISE_DOSE,
        STOP
    }

    /**
     * @param reason {@code UNDER_TARGET}, {@code IN_TARGET}, {@code ABOVE_TARGET}, {@code ABOVE_TARGET_TOO_EARLY} (not
     *     yet long enough on the step) or {@code ABOVE_TARGET_NO_STEP} (no higher label step: review)
     */
    public record Recommendation(Action action, AntithrombinStep from, @Nullable AntithrombinStep to, String reason) {}

    public static Recommendation recommend(
            BigDecimal antithrombinPercent,
            AntithrombinStep current,
            LocalDate stepSince,
            LocalDate sampledOn,
            AntithrombinSettings settings) {
        if (antithrombinPercent.compareTo(settings.targetLowPercent()) < 0) {
            AntithrombinStep to = current.below();
            return new Recommendation(to == null ? Action.STOP : actionOf(current, to), current, to, "UNDER_TARGET");
        }
        if (antithrombinPercent.compareTo(settings.targetHighPercent()) <= 0) {
            return new Recommendation(Action.KEEP, current, current, "IN_TARGET");
        }
        if (sampledOn.isBefore(stepSince.plusMonths(settings.escalateAfterMonths()))) {
            return new Recommendation(Action.KEEP, current, current, "ABOVE_TARGET_TOO_EARLY");
        }
        AntithrombinStep to = current.above();
        if (to == null) {
            return new Recommendation(Action.KEEP, current, current, "ABOVE_TARGET_NO_STEP");
        }
        return new Recommendation(actionOf(current, to), current, to, "ABOVE_TARGET");
    }

    static Action actionOf(AntithrombinStep from, AntithrombinStep to) {
        if (to.doseMg() < from.doseMg()) {
            return Action.LOWER_DOSE;
        }
        if (to.doseMg() > from.doseMg()) {
            return Action.RAISE_DOSE;
        }
        if (to.intervalMonths() > from.intervalMonths()) {
            return Action.LENGTHEN_INTERVAL;
        }
        if (to.intervalMonths() < from.intervalMonths()) {
            return Action.SHORTEN_INTERVAL;
        }
        return Action.KEEP;
    }
}
