package org.hemonet.message;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A thread in a list: {@code unread} counts the other side's messages the reader's side has not opened yet (the
 * team's shared inbox reads as one; so do all holders of a patient's record).
 */
public record ThreadSummary(
        UUID id,
        UUID patientId,
        String patientName,
        UUID centreId,
        String subject,
        ThreadStatus status,
        @Nullable UUID assignedTo,
        @Nullable String assignedToName,
        int unread,
        Instant lastMessageAt) {}
