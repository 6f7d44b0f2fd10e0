package org.hemonet.diary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An infusion as a client sends it. Exactly one of {@code doseIu} (factor concentrate) and {@code doseMg}
 * (emicizumab) is given; {@code bleedId} links a treatment to its bleed and only goes with {@code reason = BLEED}.
 */
public record InfusionRequest(
        @Nullable Instant administeredAt,
        @Nullable UUID productId,
        @Nullable String batchNumber,
        @Nullable BigDecimal doseIu,
        @Nullable BigDecimal doseMg,
        @Nullable InfusionReason reason,
        @Nullable UUID bleedId,
        @Nullable String givenBy,
        @Nullable String note) {}
