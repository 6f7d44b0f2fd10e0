package org.hemonet.reminder;

import java.time.Instant;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A reminder that will reach someone: what, when it is due, by which channel and at what time (after quiet hours).
 *
 * @param time when it is delivered (UTC); {@code localTime} is the same in the patient's zone
 * @param status PLANNED before it is queued, then the outbox's PENDING, SENT or FAILED
 */
public record UpcomingReminder(
        String kind,
        Instant dueAt,
        Channel channel,
        Instant time,
        LocalDateTime localTime,
        @Nullable String link,
        @Nullable String detail,
        String status) {}
