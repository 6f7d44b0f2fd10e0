package org.hemonet.pathway;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One discipline's part of an annual review: its assessment and its part of the updated care plan, who wrote it and
 * when. A newer part of the same discipline replaces it; the replaced one is kept.
 */
public record ReviewPart(
        UUID id,
        Discipline discipline,
        String assessment,
        @Nullable String carePlan,
        Instant enteredAt,
        String enteredBy,
        String enteredByName,
        String enteredByRole) {}
