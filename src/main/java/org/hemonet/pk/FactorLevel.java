package org.hemonet.pk;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A factor level measured by a laboratory, as stored (issue 7). There is no lab module: the pk module keeps the
 * results it fits.
 *
 * @param iuPerDl the measured activity (IU/dL), or the assay's lower limit of quantification when {@code belowLoq}
 * @param belowLoq the laboratory reported "&lt; iuPerDl"; such results never enter a fit (pk-models.md: samples below
 *     the assay's lower limit are excluded and flagged)
 * @param enteredRole LAB, CLINICIAN or NURSE
 */
public record FactorLevel(
        UUID id,
        UUID patientId,
        Instant takenAt,
        double iuPerDl,
        boolean belowLoq,
        @Nullable String note,
        String enteredBy,
        String enteredRole,
        Instant enteredAt,
        @Nullable Instant voidedAt) {

    public boolean isVoided() {
        return voidedAt != null;
    }
}
