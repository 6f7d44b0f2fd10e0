package org.hemonet.diary;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An infusion was logged (published after the diary stored it), so that supply can count home stock. {@code doseIu} is
 * null for a dose in mg (emicizumab), which is in {@code doseMg}. The same infusion is also part of one
 * {@link InfusionsRecorded}, the set the supply module counts from.
 */
public record InfusionRecorded(
        UUID infusionId,
        UUID patientId,
        UUID productId,
        java.time.Instant administeredAt,
        @Nullable String batchNumber,
        @Nullable BigDecimal doseIu,
        @Nullable BigDecimal doseMg) {}
