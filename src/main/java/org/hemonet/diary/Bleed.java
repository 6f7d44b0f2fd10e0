package org.hemonet.diary;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A logged bleed as stored; {@code voidedAt} is set when it was voided (the row is kept, CONVENTIONS rule 4). */
public record Bleed(
        UUID id,
        UUID patientId,
        Instant startedAt,
        BleedSite site,
        BleedCause cause,
        @Nullable Integer pain,
        boolean jointImmobilising,
        int daysLostSchool,
        int daysLostWork,
        @Nullable String note,
        Instant recordedAt,
        String recordedBy,
        @Nullable Instant voidedAt,
        @Nullable String voidedBy,
        @Nullable String voidReason)
        implements BleedFacts {

    @Override
    public boolean isVoided() {
        return voidedAt != null;
    }
}
