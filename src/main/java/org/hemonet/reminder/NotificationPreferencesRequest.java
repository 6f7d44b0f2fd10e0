package org.hemonet.reminder;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /api/v1/me/notification-preferences}: the channels (none: reminders off), quiet hours as local
 * {@code HH:mm} (both or neither), and optionally the e-mail address reminders and message notices go to.
 */
public record NotificationPreferencesRequest(
        @Nullable List<String> channels,
        @Nullable String quietHoursStart,
        @Nullable String quietHoursEnd,
        @Nullable String email) {}
