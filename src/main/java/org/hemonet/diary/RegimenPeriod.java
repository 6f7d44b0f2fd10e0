package org.hemonet.diary;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A prophylaxis regimen active from {@code from} (inclusive) to {@code to} (exclusive, null: still active). */
public record RegimenPeriod(Instant from, @Nullable Instant to) {

    public boolean contains(Instant t) {
        return !t.isBefore(from) && (to == null || t.isBefore(to));
    }
}
