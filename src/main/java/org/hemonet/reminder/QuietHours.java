package org.hemonet.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Local hours in which no reminder is delivered; one due inside them waits until they end. {@code start} is inclusive,
 * {@code end} exclusive; a window that passes midnight (21:00–07:00) wraps. Counted in the patient's own time zone.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours start and end at different times");
        }
    }

    /** Whether {@code local} falls inside the quiet hours. */
    public boolean contains(LocalTime local) {
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /** When something due at {@code at} may be delivered: {@code at} itself, or the end of the quiet hours it is in. */
    public Instant deliveryOf(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return at;
        }
        LocalDate endDay = start.isBefore(end) || local.toLocalTime().isBefore(end)
                ? local.toLocalDate()
                : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(endDay, end, zone).toInstant();
    }
}
