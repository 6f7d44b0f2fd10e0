package org.hemonet.patient;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Inhibitor status from Bethesda results (clinical.md §2): positive at ≥ 0.6 BU (a setting); a high responder has had
 * any titre ≥ 5 BU, a low responder was positive but never ≥ 5 BU.
 */
public enum InhibitorStatus {
    NOT_TESTED,
    NEGATIVE,
    POSITIVE_LOW_RESPONDER,
    POSITIVE_HIGH_RESPONDER,
    /** Negative now, but a high responder in the past: still relevant for bleed treatment. */
    NEGATIVE_PREVIOUS_HIGH_RESPONDER,
    NEGATIVE_PREVIOUS_LOW_RESPONDER;

    public static final BigDecimal DEFAULT_POSITIVE_THRESHOLD_BU = new BigDecimal("0.6");
    private static final BigDecimal HIGH_RESPONDER_BU = BigDecimal.valueOf(5);

    /** One Bethesda result. */
    public record Result(java.time.LocalDate sampledOn, BigDecimal titreBu) {}

    public static InhibitorStatus of(List<Result> results, BigDecimal positiveThresholdBu) {
        if (results.isEmpty()) {
            return NOT_TESTED;
        }
        Result latest =
                results.stream().max(Comparator.comparing(Result::sampledOn)).orElseThrow();
        boolean everHigh = results.stream().anyMatch(r -> r.titreBu().compareTo(HIGH_RESPONDER_BU) >= 0);
        boolean everPositive = results.stream().anyMatch(r -> r.titreBu().compareTo(positiveThresholdBu) >= 0);
        boolean positiveNow = latest.titreBu().compareTo(positiveThresholdBu) >= 0;
        if (positiveNow) {
            return everHigh ? POSITIVE_HIGH_RESPONDER : POSITIVE_LOW_RESPONDER;
        }
        if (everHigh) {
            return NEGATIVE_PREVIOUS_HIGH_RESPONDER;
        }
        return everPositive ? NEGATIVE_PREVIOUS_LOW_RESPONDER : NEGATIVE;
    }

    public boolean isPositive() {
        return this == POSITIVE_LOW_RESPONDER || this == POSITIVE_HIGH_RESPONDER;
    }
}
