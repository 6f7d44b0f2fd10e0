package org.hemonet.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One access to a patient's record, for the patient's access report and the clinician's access log (security.md
 * §15).
 *
 * @param seq the audit event's sequence number
 * @param occurredAt when, in UTC
 * @param accountId who, or {@code null} when unknown
 * @param username their login name
 * @param role their role at the time
 * @param action what they did
 * @param resourceType what they touched
 * @param resourceId which record, if any
 * @param outcome whether it was allowed
 */
public record RecordAccess(
        long seq,
        Instant occurredAt,
        @Nullable UUID accountId,
        String username,
        String role,
        AuditAction action,
        String resourceType,
        @Nullable String resourceId,
        AuditOutcome outcome) {}
