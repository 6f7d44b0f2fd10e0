package org.hemonet.message;

import org.jspecify.annotations.Nullable;

/**
 * A message to send. {@code reference} names what it is about (e.g. a recall's id); the same recipient, kind and
 * reference is sent once however often it is asked for.
 *
 * @param link a path in the application the reader can open (e.g. the recall page), or null
 */
public record NewMessage(
        Recipient recipient, MessageKind kind, String reference, String subject, String body, @Nullable String link) {}
