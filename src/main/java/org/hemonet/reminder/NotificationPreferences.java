package org.hemonet.reminder;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one account (a patient, or a parent for every child they hold) chose: the channels reminders come by (none:
 * reminders are off) and the quiet hours, if any.
 *
 * @param email the address e-mails go to (the one messaging uses), if the account gave one
 * @param pushSubscriptions how many browsers of the account receive Web Push
 */
public record NotificationPreferences(
        UUID accountId,
        Set<Channel> channels,
        @Nullable QuietHours quietHours,
        @Nullable String email,
        int pushSubscriptions,
        @Nullable Instant updatedAt) {

    public boolean enabled() {
        return !channels.isEmpty();
    }
}
