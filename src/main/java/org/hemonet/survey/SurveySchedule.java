package org.hemonet.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A centre asking for an instrument: of one patient, or ({@code patientId} null) of every patient registered at the
 * centre.
 */
public record SurveySchedule(
        UUID id,
        String instrumentId,
        String title,
        UUID centreId,
        @Nullable UUID patientId,
        Recurrence recurrence,
        LocalDate dueOn,
        Instant createdAt) {}
