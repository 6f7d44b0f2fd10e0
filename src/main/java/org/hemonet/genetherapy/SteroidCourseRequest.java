package org.hemonet.genetherapy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A corticosteroid course ({@code POST …/gene-therapies/{gid}/steroid-courses}): the drug (default prednisolone), the
 * starting dose from {@code startedOn}, optionally the ALT_RISE alert it answers and the planned tapering steps.
 */
public record SteroidCourseRequest(
        @Nullable UUID alertId,
        @Nullable String drug,
        @Nullable LocalDate startedOn,
        @Nullable BigDecimal doseMgPerDay,
        @Nullable List<StepRequest> taper) {

    /** A tapering step: from {@code from}, {@code doseMgPerDay} (0 ends the course). */
    public record StepRequest(@Nullable LocalDate from, @Nullable BigDecimal doseMgPerDay) {}
}
