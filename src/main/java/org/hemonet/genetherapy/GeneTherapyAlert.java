package org.hemonet.genetherapy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An alert to the centre team after gene therapy (issue 21).
 *
 * @param type {@code ALT_RISE} (review for immunosuppression: corticosteroids) or {@code LOSS_OF_EXPRESSION} (review
 *     the need for prophylaxis)
 * @param raisedOn the day the alert was raised (in the patient's zone)
 * @param sampledOn the day of the sample that raised it
 * @param value the result (ALT in U/L, factor activity in IU/dL)
 * @param threshold what it crossed
 */
public record GeneTherapyAlert(
        UUID id,
        UUID geneTherapyId,
        UUID patientId,
        String type,
        LocalDate raisedOn,
        Instant raisedAt,
        UUID labResultId,
        LocalDate sampledOn,
        BigDecimal value,
        BigDecimal threshold,
        boolean acknowledged,
        @Nullable String acknowledgedBy,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgementNote) {

    public static final String ALT_RISE = "ALT_RISE";
    public static final String LOSS_OF_EXPRESSION = "LOSS_OF_EXPRESSION";

    /** What the team should consider, in English (the pages use the message bundles). */
    public String advice() {
        return ALT_RISE.equals(type)
                ? "ALT " + value.stripTrailingZeros().toPlainString() + " U/L (threshold "
                        + threshold.stripTrailingZeros().toPlainString()
                        + " U/L): review for immunosuppression (corticosteroid course)."
                : "Factor activity under " + threshold.stripTrailingZeros().toPlainString()
                        + " IU/dL on two consecutive results: loss of expression — review need for prophylaxis.";
    }
}
