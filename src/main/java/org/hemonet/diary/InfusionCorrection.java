package org.hemonet.diary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A correction of an infusion ({@code POST /api/v1/patients/{id}/infusions/{infusionId}/corrections}): the version it
 * corrects, why, and the new values; a value left out keeps the current one. A dose given in one unit replaces the
 * dose; a reason other than {@code BLEED} drops the link to a bleed.
 */
public record InfusionCorrection(
        @Nullable Integer version,
        @Nullable String reason,
        @Nullable Instant administeredAt,
        @Nullable UUID productId,
        @Nullable String batchNumber,
        @Nullable BigDecimal doseIu,
        @Nullable BigDecimal doseMg,
        @Nullable InfusionReason infusionReason,
        @Nullable UUID bleedId,
        @Nullable String givenBy,
        @Nullable String note) {

    /** The same correction expected to apply to {@code expected} (the If-Match header's version). */
    public InfusionCorrection withVersion(int expected) {
        return new InfusionCorrection(
                expected,
                reason,
                administeredAt,
                productId,
                batchNumber,
                doseIu,
                doseMg,
                infusionReason,
                bleedId,
                givenBy,
                note);
    }

    InfusionRequest over(Infusion current) {
        BigDecimal iu = doseIu;
        BigDecimal mg = doseMg;
        if (iu == null && mg == null) {
            iu = current.unit() == DoseUnit.IU ? current.dose() : null;
            mg = current.unit() == DoseUnit.MG ? current.dose() : null;
        }
        InfusionReason why = infusionReason != null ? infusionReason : current.reason();
        UUID bleed = why != InfusionReason.BLEED ? null : bleedId != null ? bleedId : current.bleedId();
        return new InfusionRequest(
                administeredAt != null ? administeredAt : current.administeredAt(),
                productId != null ? productId : current.productId(),
                batchNumber != null ? batchNumber : current.batchNumber(),
                iu,
                mg,
                why,
                bleed,
                givenBy != null ? givenBy : current.givenBy(),
                note != null ? note : current.note());
    }
}
