package org.hemonet.diary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An infusion was corrected: these are its current values (published after the correction is committed), so that
 * supply counts the right vials of the right batch out of home stock instead of the old ones.
 */
public record InfusionCorrected(
        UUID infusionId,
        UUID patientId,
        UUID productId,
        Instant administeredAt,
        @Nullable String batchNumber,
        @Nullable BigDecimal doseIu,
        @Nullable BigDecimal doseMg) {}
