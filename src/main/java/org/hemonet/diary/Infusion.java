package org.hemonet.diary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A logged infusion as stored; {@code dose} is in {@code unit} (IU, or mg of emicizumab). */
public record Infusion(
        UUID id,
        UUID patientId,
        Instant administeredAt,
        UUID productId,
        @Nullable String batchNumber,
        BigDecimal dose,
        DoseUnit unit,
        InfusionReason reason,
        @Nullable UUID bleedId,
        @Nullable String givenBy,
        @Nullable String note,
        Instant recordedAt,
        String recordedBy,
        @Nullable Instant voidedAt,
        @Nullable String voidedBy,
        @Nullable String voidReason)
        implements InfusionFacts {

    @Override
    public boolean isVoided() {
        return voidedAt != null;
    }
}
