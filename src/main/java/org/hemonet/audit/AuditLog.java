package org.hemonet.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The audit trail of access to patient data (security.md §13–§15).
 *
 * <p>Every read, search, create, update, void and export touching a patient records exactly one event. Events are
 * written through the caller's JDBC connection, so they join the caller's transaction when there is one: they commit
 * and roll back with the change they describe. A failed audit write throws, so the request fails with it (§13). The
 * client address and request id come from the current HTTP request ({@link org.hemonet.shared.RequestInfo}).
 *
 * <p>Events are linked into a hash chain by a sealer shortly after they commit (§14), never by the writer, so writers do
 * not wait on one another.
 */
public interface AuditLog {

    /** Writes {@code event} in the current transaction; throws if it cannot be written. */
    void record(AuditEvent event);

    /**
     * Writes several events in the current transaction, in this order, as {@link #record} would one by one (the same
     * rows, sequence numbers in list order), but in as few statements as it can: a sync of hundreds of diary entries
     * records one event per entry (security.md §13) without a round trip each (issue 14). Throws if they cannot be
     * written.
     */
    default void recordAll(List<AuditEvent> events) {
        events.forEach(this::record);
    }

    /** The current actor did {@code action} to a patient's data with the given outcome. */
    void patientAccess(
            AuditAction action, UUID patientId, String resourceType, @Nullable String resourceId, AuditOutcome outcome);

    /** The current actor read a patient's data. */
    default void patientRead(UUID patientId, String resourceType, @Nullable String resourceId) {
        patientAccess(AuditAction.READ, patientId, resourceType, resourceId, AuditOutcome.SUCCESS);
    }

    /**
     * The access policy refused the current actor a patient's data (the caller answers 404 as for an unknown id,
     * security.md §2). {@code patientId} is the id that was asked for, which may not exist.
     */
    default void patientReadDenied(UUID patientId, String resourceType, @Nullable String resourceId) {
        patientAccess(AuditAction.READ, patientId, resourceType, resourceId, AuditOutcome.DENIED);
    }

    /**
     * Who accessed a patient's record and when (security.md §15), newest first: events about {@code patientId} that
     * occurred at or after {@code since}, at most {@code limit}. Whoever shows this to a user records that read too.
     */
    List<RecordAccess> accessesTo(UUID patientId, Instant since, int limit);

    /** Checks the whole hash chain; see {@link ChainVerification}. Reads every event: an administrative operation. */
    ChainVerification verify();
}
