package org.hemonet.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A conversation between a patient's record and its centre's team, with its messages oldest first. */
public record MessageThread(
        UUID id,
        UUID patientId,
        String patientName,
        UUID centreId,
        String centreName,
        String subject,
        ThreadStatus status,
        @Nullable UUID assignedTo,
        @Nullable String assignedToName,
        Instant createdAt,
        Instant lastMessageAt,
        @Nullable Instant doneAt,
        List<ThreadPost> messages) {}
