package org.hemonet.trial;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A clinical trial a centre takes part in. */
public record Trial(
        UUID id,
        UUID centreId,
        String title,
        @Nullable String registryId,
        @Nullable String sponsor,
        @Nullable String summary,
        TrialCriteria criteria,
        String status,
        int version,
        Instant createdAt,
        String createdBy,
        @Nullable Instant closedAt) {

    public boolean open() {
        return "OPEN".equals(status);
    }
}
