package org.hemonet.pathway;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/patients/{id}/shared-decisions}: what changes, the options discussed, what matters to the
 * patient, their choice and who agreed (all required, up to 2,000 characters); the day (default today, not in the
 * future) and the annual review it belongs to (optional).
 */
public record SharedDecisionRequest(
        @Nullable LocalDate decidedOn,
        @Nullable String planChange,
        @Nullable String optionsDiscussed,
        @Nullable String whatMatters,
        @Nullable String choice,
        @Nullable String agreedBy,
        @Nullable UUID reviewId) {}
