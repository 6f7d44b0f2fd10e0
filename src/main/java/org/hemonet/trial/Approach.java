package org.hemonet.trial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One step of a patient's approach to a trial: asked, consented, declined or withdrawn, when and by whom. */
public record Approach(
        UUID id,
        UUID trialId,
        UUID patientId,
        ApproachStatus status,
        LocalDate onDate,
        @Nullable String note,
        Instant recordedAt,
        String recordedBy) {}
