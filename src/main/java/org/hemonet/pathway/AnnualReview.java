package org.hemonet.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A multidisciplinary annual review (issue 17): opened pre-filled with the year's {@link ReviewFigures}, each
 * {@link Discipline} adds its part, a clinician completes and signs it. Versioned (every change adds one), never
 * deleted.
 *
 * @param due the day it was due: a completed review's day plus the interval, or the opening day for a first review
 * @param parts the current part of each discipline that has written one
 * @param gp the patient's GP for the letter's copy, free text
 */
public record AnnualReview(
        UUID id,
        UUID patientId,
        UUID centreId,
        LocalDate due,
        ReviewStatus status,
        int version,
        ReviewFigures figures,
        Map<Discipline, ReviewPart> parts,
        @Nullable String gp,
        Instant openedAt,
        String openedBy,
        @Nullable Instant completedAt,
        @Nullable String completedBy,
        @Nullable String completedByName,
        @Nullable LocalDate completedOn) {

    public boolean isOpen() {
        return status == ReviewStatus.OPEN;
    }

    public @Nullable ReviewPart part(Discipline discipline) {
        return parts.get(discipline);
    }
}
