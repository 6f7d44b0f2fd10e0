package org.hemonet.reminder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Diary completeness before and after reminders were switched on (issue 16): the share of planned prophylactic doses
 * with a logged infusion, as the outcome module counts adherence (clinical.md §4), in the {@code days} days before the
 * switch-on day and the {@code days} days from it (fewer while they have not passed). Null figures are undefined (no
 * switch-on, no planned dose in the period).
 */
public record Completeness(@Nullable Instant switchedOnAt, int days, @Nullable Period before, @Nullable Period after) {

    /** One period, both days included, in the patient's own zone. */
    public record Period(LocalDate from, LocalDate to, @Nullable BigDecimal percent) {}

    /** The change in percentage points, when both are known. */
    public @Nullable BigDecimal change() {
        return before == null || after == null || before.percent() == null || after.percent() == null
                ? null
                : after.percent().subtract(before.percent());
    }
}
