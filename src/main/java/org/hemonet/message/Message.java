package org.hemonet.message;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A message as its reader sees it. */
public record Message(
        UUID id,
        Recipient recipient,
        MessageKind kind,
        String reference,
        String subject,
        String body,
        @Nullable String link,
        Instant createdAt,
        @Nullable Instant readAt,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedByName) {

    public boolean unread() {
        return readAt == null;
    }

    /** A safety message not yet acknowledged. */
    public boolean awaitsAcknowledgement() {
        return kind.asksForAcknowledgement() && acknowledgedAt == null;
    }
}
