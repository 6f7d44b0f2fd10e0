package org.hemonet.pk;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of a patient's list of PK studies. */
public record StudySummary(
        UUID id,
        String model,
        Instant enteredAt,
        String enteredBy,
        double halfLifeHours,
        double halfLifeLo90,
        double halfLifeHi90,
        int samplesUsed,
        @Nullable Instant signedOffAt,
        @Nullable Instant voidedAt,
        @Nullable String voidReason) {

    public boolean isSignedOff() {
        return signedOffAt != null;
    }

    public boolean isVoided() {
        return voidedAt != null;
    }
}
