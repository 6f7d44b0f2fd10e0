package org.hemonet.message;

import java.time.Instant;
import java.util.UUID;

/**
 * A recipient confirmed a message (e.g. "I have checked my stock and set the recalled vials aside"). Published in the
 * acknowledging transaction, so a listener that records it elsewhere commits or fails with it.
 *
 * @param accountId who acknowledged
 * @param displayName their display name, for staff who may see who acted
 * @param role their role (e.g. {@code PATIENT}, {@code NURSE}), for readers who may not see names
 */
public record MessageAcknowledged(
        UUID messageId,
        Recipient recipient,
        MessageKind kind,
        String reference,
        UUID accountId,
        String displayName,
        String role,
        Instant acknowledgedAt) {}
