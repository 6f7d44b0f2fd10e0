package org.hemonet.reminder;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing a patient should do at a time.
 *
 * @param kind what it is, an upper-case code ({@link ReminderKind} names the ones Hemonet knows); it and {@code dueAt}
 *     make the reminder's identity in the outbox
 * @param link the in-app page that does it (e.g. the diary's one-tap dose), relative to the application's root
 * @param detail what the patient sees in the app beside the kind (e.g. "2,000 IU"); never put in an e-mail or push
 */
public record DueReminder(String kind, Instant dueAt, @Nullable String link, @Nullable String detail) {

    public DueReminder {
        if (!kind.matches("[A-Z_]{1,40}")) {
            throw new IllegalArgumentException("a reminder kind is an upper-case code");
        }
    }

    public DueReminder(ReminderKind kind, Instant dueAt, @Nullable String link, @Nullable String detail) {
        this(kind.name(), dueAt, link, detail);
    }
}
