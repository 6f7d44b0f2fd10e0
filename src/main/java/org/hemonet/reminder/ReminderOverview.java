package org.hemonet.reminder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /api/v1/patients/{id}/reminders} answers: the reminders of the next {@code days} days with channel and
 * time ({@code items}), and what was delivered in the last days ({@code recent}). A patient or parent sees their own
 * channels; centre staff see every channel the patient's accounts chose.
 */
public record ReminderOverview(
        UUID patientId,
        String timeZone,
        boolean enabled,
        @Nullable Instant switchedOnAt,
        int days,
        List<UpcomingReminder> items,
        List<UpcomingReminder> recent) {}
