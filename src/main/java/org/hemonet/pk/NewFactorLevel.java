package org.hemonet.pk;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A lab result to record; {@link PkRecords#addFactorLevel} checks it and names the field at fault. */
public record NewFactorLevel(
        @Nullable Instant takenAt, @Nullable Double iuPerDl, @Nullable Boolean belowLoq, @Nullable String note) {}
