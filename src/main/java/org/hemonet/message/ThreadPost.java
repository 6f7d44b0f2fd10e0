package org.hemonet.message;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message of a thread: a text, an attachment, or (never both missing) both.
 *
 * @param readAt when the other side first opened the thread after it was sent (the read receipt), or null
 */
public record ThreadPost(
        UUID id,
        ThreadSide side,
        String authorName,
        @Nullable String body,
        @Nullable ThreadAttachment attachment,
        Instant sentAt,
        @Nullable Instant readAt) {}
