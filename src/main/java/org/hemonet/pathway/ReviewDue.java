package org.hemonet.pathway;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * When a patient's next annual review is due (issue 17): a setting's interval after the last completed review; a
 * patient with no review recorded is due now.
 *
 * @param lastReviewedOn the day the last review was completed, null when none is recorded
 * @param openReviewId a review in progress, if any
 * @param daysOverdue days past the due day on {@code today} (0 or more when overdue; negative when not yet due)
 */
public record ReviewDue(
        UUID patientId,
        String fullName,
        UUID centreId,
        @Nullable LocalDate lastReviewedOn,
        LocalDate due,
        @Nullable UUID openReviewId,
        long daysOverdue) {

    public boolean overdue() {
        return daysOverdue > 0 || lastReviewedOn == null;
    }
}
