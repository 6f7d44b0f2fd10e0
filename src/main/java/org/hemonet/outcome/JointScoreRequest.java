package org.hemonet.outcome;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/patients/{id}/joint-scores}. Every joint and gait must be given: an item is a whole number in its
 * range or the string {@code "NE"} (not evaluable); a whole joint may be {@code "NE"} (fused, prosthesis). Example:
 *
 * <pre>{"assessedOn": "2026-11-20", "context": "ROUTINE",
 *  "joints": {"LEFT_KNEE": {"swelling": 2, "durationOfSwelling": 1, "muscleAtrophy": 1, "crepitus": 1,
 *                           "flexionLoss": 2, "extensionLoss": 1, "jointPain": 1, "strength": "NE"},
 *             "RIGHT_KNEE": "NE", ...},
 *  "gait": 2}</pre>
 *
 * @param context ROUTINE (default), PRE_SURGERY or POST_SURGERY; a surgery context needs {@code operatedJoint}
 * @param operation free label of the operation, e.g. "Left total knee replacement"
 * @param reason only for a correction: why the earlier score is replaced
 */
public record JointScoreRequest(
        @Nullable LocalDate assessedOn,
        @Nullable String context,
        @Nullable String operation,
        @Nullable String operatedJoint,
        @Nullable String note,
        @Nullable Map<String, @Nullable Object> joints,
        @Nullable Object gait,
        @Nullable String reason) {}
