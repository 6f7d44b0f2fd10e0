package org.hemonet.genetherapy;

import java.math.BigDecimal;
import org.hemonet.shared.InvalidInputException;

/**
 * A gene therapy product's follow-up template and alert thresholds (issue 21; a setting per product). Defaults: factor
 * activity and ALT weekly to week 12, fortnightly to week 26, monthly (every 4 weeks) to week 52, then every 6 months
 * (26 weeks) for life; an ALT result above the upper limit of normal or at least 1.5 times the patient's own baseline
 * raises ALT_RISE; factor activity under 5 IU/dL on two consecutive sampling days raises LOSS_OF_EXPRESSION, counted
 * from week 12 (before it, expression is still rising: valoctocogene roxaparvovec from weeks 3–8, WFH Gene Therapy
 * Registry follow-up schedule, verify against each product's SmPC).
 */
public record GeneTherapySettings(
        int weeklyUntilWeek,
        int fortnightlyUntilWeek,
        int monthlyUntilWeek,
        int longTermIntervalWeeks,
        BigDecimal altRiseFactor,
        boolean altAboveUln,
        BigDecimal expressionFloorIuPerDl,
        int expressionFromWeek) {

    public static final GeneTherapySettings DEFAULT =
            new GeneTherapySettings(12, 26, 52, 26, new BigDecimal("1.5"), true, new BigDecimal("5"), 12);

    /** The template's phases must follow one another; 400 naming the field otherwise. */
    public GeneTherapySettings validated() {
        if (weeklyUntilWeek < 0 || weeklyUntilWeek > 104) {
            throw new InvalidInputException("weeklyUntilWeek", "0 to 104 weeks.");
        }
        if (fortnightlyUntilWeek < weeklyUntilWeek || fortnightlyUntilWeek > 104) {
            throw new InvalidInputException("fortnightlyUntilWeek", "From weeklyUntilWeek to 104 weeks.");
        }
        if (monthlyUntilWeek < fortnightlyUntilWeek || monthlyUntilWeek < 1 || monthlyUntilWeek > 156) {
            throw new InvalidInputException("monthlyUntilWeek", "From fortnightlyUntilWeek to 156 weeks.");
        }
        if (longTermIntervalWeeks < 4 || longTermIntervalWeeks > 104) {
            throw new InvalidInputException("longTermIntervalWeeks", "4 to 104 weeks.");
        }
        if (altRiseFactor == null
                || altRiseFactor.compareTo(BigDecimal.ONE) <= 0
                || altRiseFactor.compareTo(BigDecimal.TEN) > 0) {
            throw new InvalidInputException("altRiseFactor", "More than 1 and at most 10.");
        }
        if (expressionFloorIuPerDl == null
                || expressionFloorIuPerDl.signum() <= 0
                || expressionFloorIuPerDl.compareTo(new BigDecimal("100")) > 0) {
            throw new InvalidInputException("expressionFloorIuPerDl", "More than 0 and at most 100 IU/dL.");
        }
        if (expressionFromWeek < 0 || expressionFromWeek > 104) {
            throw new InvalidInputException("expressionFromWeek", "0 to 104 weeks.");
        }
        return this;
    }
}
