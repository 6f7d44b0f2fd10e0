package org.hemonet.genetherapy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A corticosteroid course against a rise of ALT after gene therapy (issue 21): the starting dose on {@code startedOn},
 * then tapering steps; a step of 0 mg/day ends it.
 *
 * @param alertId the ALT_RISE alert it treats, where there is one
 * @param steps the doses, oldest first; the first is the starting dose
 */
public record SteroidCourse(
        UUID id,
        UUID geneTherapyId,
        @Nullable UUID alertId,
        String drug,
        LocalDate startedOn,
        List<Step> steps,
        String recordedBy) {

    public record Step(LocalDate from, BigDecimal doseMgPerDay) {}

    public SteroidCourse {
        steps = List.copyOf(steps);
    }

    /** The dose on {@code date} (0 before the start and after the end). */
    public BigDecimal doseOn(LocalDate date) {
        return steps.stream()
                .filter(s -> !s.from().isAfter(date))
                .reduce((a, b) -> b)
                .map(Step::doseMgPerDay)
                .orElse(BigDecimal.ZERO);
    }

    /** The day the course ended (its step of 0 mg/day), if it has. */
    public @Nullable LocalDate endedOn() {
        return steps.stream()
                .filter(s -> s.doseMgPerDay().signum() == 0)
                .map(Step::from)
                .findFirst()
                .orElse(null);
    }

    /** {@code ACTIVE} at the starting dose, {@code TAPERING} once a lower dose applies, {@code COMPLETED} when ended. */
    public String statusOn(LocalDate date) {
        LocalDate ended = endedOn();
        if (ended != null && !date.isBefore(ended)) {
            return "COMPLETED";
        }
        if (steps.isEmpty() || date.isBefore(startedOn)) {
            return "PLANNED";
        }
        return doseOn(date).compareTo(steps.get(0).doseMgPerDay()) < 0 ? "TAPERING" : "ACTIVE";
    }
}
