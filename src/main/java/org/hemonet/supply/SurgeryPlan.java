package org.hemonet.supply;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hemonet.product.DoseUnit;
import org.jspecify.annotations.Nullable;

/**
 * A factor plan for one operation (clinical.md §6; WFH 2020 surgery targets, Srivastava et al., Haemophilia 2020;26
 * Suppl 6): the pre-operative target (day 0) and daily targets by post-operative day ranges, each with the once-daily
 * dose that reaches the lower target from no factor, rounded up to whole vials (the {@link BleedPlan} convention).
 */
public record SurgeryPlan(
        UUID id,
        UUID patientId,
        UUID centreId,
        String operation,
        LocalDate operationDate,
        SurgeryKind kind,
        UUID productId,
        DoseUnit unit,
        BigDecimal weightKg,
        BigDecimal recovery,
        List<Phase> phases,
        String createdBy,
        Instant createdAt,
        @Nullable Instant voidedAt,
        int version) {

    public SurgeryPlan {
        phases = List.copyOf(phases);
    }

    /** Keep the peak within [low, high] IU/dL from day {@code fromDay} to {@code toDay}; day 0 is before the operation. */
    public record Phase(int fromDay, int toDay, int lowIuPerDl, int highIuPerDl, int dose) {}

    /** One row of the day-by-day table. */
    public record Day(int day, LocalDate date, int lowIuPerDl, int highIuPerDl, int dose) {}

    /** Every day of the plan from the pre-operative dose (day 0) to the last post-operative day, in order. */
    public List<Day> days() {
        List<Day> days = new ArrayList<>();
        for (Phase phase : phases) {
            for (int d = phase.fromDay(); d <= phase.toDay(); d++) {
                days.add(new Day(d, operationDate.plusDays(d), phase.lowIuPerDl(), phase.highIuPerDl(), phase.dose()));
            }
        }
        return days;
    }

    /** The total amount the plan asks for, in {@link #unit()}. */
    public long total() {
        return days().stream().mapToLong(Day::dose).sum();
    }
}
