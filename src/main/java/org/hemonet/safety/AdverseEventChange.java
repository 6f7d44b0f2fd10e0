package org.hemonet.safety;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A change to a report ({@code PATCH /api/v1/adverse-events/{id}} with {@code If-Match}): every field that is present
 * replaces the stored one, absent ({@code null}) fields stay. {@code followUp} appends a note; {@code status}
 * {@code VOIDED} needs {@code voidReason}.
 */
public record AdverseEventChange(
        @Nullable AdverseEventCategory category,
        @Nullable LocalDate onsetOn,
        @Nullable UUID productId,
        @Nullable String batchNumber,
        @Nullable Boolean serious,
        @Nullable AdverseEventOutcome outcome,
        @Nullable String narrative,
        @Nullable AdverseEventStatus status,
        @Nullable String followUp,
        @Nullable String voidReason) {}
