package org.hemonet.pathway;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A centre's 12–18-year-olds by transition stage (clinical.md §10; issue 17) with who is overdue: for preparation, a
 * patient in the transfer stage (16–17) whose readiness checklist is not complete; for transfer, a patient who has
 * reached the transfer-by age (18) without a hand-over recorded in Hemonet.
 *
 * @param preparationFromAge the settings' ages (clinical.md §10: 12, 16 and 18 by default)
 * <p>Each line carries the young person's next joint clinic (paediatric and adult teams together), if one is booked.
 *
 * @param stages patients per stage: {@code PREPARATION} (12–15), {@code TRANSFER} (16–17), {@code TRANSFER_DUE} (18, not
 *     handed over), {@code HANDED_OVER} (a hand-over is recorded)
 */
public record TransitionReport(
        LocalDate asOf,
        int preparationFromAge,
        int transferFromAge,
        int transferByAge,
        Map<String, Integer> stages,
        int preparationOverdue,
        int transferOverdue,
        List<Line> patients) {

    /** One patient of the report. */
    public record Line(
            UUID patientId,
            String fullName,
            UUID centreId,
            int ageYears,
            String stage,
            int checklistDone,
            boolean preparationOverdue,
            boolean transferOverdue,
            @Nullable UUID handoverId,
            @Nullable LocalDate nextJointClinic) {}
}
