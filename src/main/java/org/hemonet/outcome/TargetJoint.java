package org.hemonet.outcome;

import java.time.LocalDate;
import org.hemonet.diary.BleedSite;
import org.jspecify.annotations.Nullable;

/** A target joint (clinical.md §3): since the start of the episode that made the third, resolved on a date or still active. */
public record TargetJoint(BleedSite site, LocalDate since, @Nullable LocalDate resolvedOn) {}
