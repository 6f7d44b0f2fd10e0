package org.hemonet.audit;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hemonet.shared.Actor;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened, to be recorded by {@link AuditLog#record(AuditEvent)}: who (account, username, role and
 * centres), to which patient, what, on which resource, and with what outcome (security.md §13). The time, client
 * address and request id are added when it is recorded.
 *
 * @param accountId the acting account; {@code null} only when nobody is known, e.g. a failed login
 * @param username login name or OAuth2 client id, as typed for a failed login
 * @param role the actor's role, or {@code "ANONYMOUS"}
 * @param centreIds the actor's centres at the time
 * @param patientId the patient whose data was touched; {@code null} for events about no patient (logins)
 * @param action what was done
 * @param resourceType a stable name of what was touched, e.g. {@code "Patient"}, {@code "Infusion"}
 * @param resourceId the touched record's id, if it has one
 * @param outcome how it ended
 */
public record AuditEvent(
        @Nullable UUID accountId,
        String username,
        String role,
        Set<UUID> centreIds,
        @Nullable UUID patientId,
        AuditAction action,
        String resourceType,
        @Nullable String resourceId,
        AuditOutcome outcome) {

    public static final String ANONYMOUS = "ANONYMOUS";

    public AuditEvent {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        centreIds = Set.copyOf(centreIds);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** An event done by {@code actor} to a patient's data (or, with a {@code null} patient, to no patient's). */
    public static AuditEvent by(
            Actor actor,
            AuditAction action,
            @Nullable UUID patientId,
            String resourceType,
            @Nullable String resourceId,
            AuditOutcome outcome) {
        return new AuditEvent(
                actor.accountId(),
                actor.username(),
                actor.role(),
                actor.centreIds(),
                patientId,
                action,
                resourceType,
                resourceId,
                outcome);
    }

    /** A login attempt for a username that matched no account, or any other event without a known actor. */
    public static AuditEvent anonymous(String username, AuditAction action, String resourceType, AuditOutcome outcome) {
        return new AuditEvent(null, username, ANONYMOUS, Set.of(), null, action, resourceType, null, outcome);
    }
}
