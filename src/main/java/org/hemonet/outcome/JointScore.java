package org.hemonet.outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored HJHS 2.1 assessment. A correction is a new score that {@code replaces} an earlier one, which is then
 * {@code supersededBy} it; a voided score keeps its row (no hard delete).
 */
public record JointScore(
        UUID id,
        UUID patientId,
        LocalDate assessedOn,
        String assessorUsername,
        String assessorRole,
        ScoreContext context,
        @Nullable String operation,
        @Nullable HjhsJoint operatedJoint,
        @Nullable String note,
        HjhsAssessment assessment,
        @Nullable UUID replaces,
        @Nullable String correctionReason,
        @Nullable UUID supersededBy,
        Instant recordedAt,
        String recordedBy,
        @Nullable Instant voidedAt,
        @Nullable String voidedBy,
        @Nullable String voidReason) {

    public HjhsTotals totals() {
        return HjhsTotals.of(assessment);
    }

    /** Neither voided nor replaced by a correction. */
    public boolean isCurrent() {
        return voidedAt == null && supersededBy == null;
    }
}
