package org.hemonet.safety;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new adverse event report ({@code POST /api/v1/adverse-events}, issue 13). {@code status} is {@code DRAFT} or
 * {@code REPORTED} (the default); a patient's report is always a draft. With {@code infusionId} (one of the patient's
 * own infusions) the product and batch default to that infusion's.
 */
public record AdverseEventRequest(
        @Nullable UUID patientId,
        @Nullable AdverseEventCategory category,
        @Nullable LocalDate onsetOn,
        @Nullable UUID productId,
        @Nullable String batchNumber,
        @Nullable Boolean serious,
        @Nullable AdverseEventOutcome outcome,
        @Nullable String narrative,
        @Nullable AdverseEventStatus status,
        @Nullable UUID infusionId) {}
