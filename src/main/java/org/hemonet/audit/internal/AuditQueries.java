package org.hemonet.audit.internal;

/** The SQL of the audit module (schema {@code audit}, see {@code db/migration/audit}). */
final class AuditQueries {

    static final String EVENT_COLUMNS =
            """
            e.occurred_at, e.account_id, e.username, e.role, e.centre_ids, e.patient_id, e.action, e.resource_type,
            e.resource_id, e.outcome, e.client_address, e.request_id""";

    /** The sequence number and time come from the column defaults; the application role may not set them. */
    static final String INSERT_EVENT =
            """
            insert into audit.event (account_id, username, role, centre_ids, patient_id, action, resource_type,
                                     resource_id, outcome, client_address, request_id)
            values (:accountId, :username, :role, cast(:centreIds as uuid[]), :patientId, :action, :resourceType,
                    :resourceId, :outcome, :clientAddress, :requestId)""";

    /**
     * Events of one actor, one request: the varying columns as arrays, inserted in array order (the sequence numbers
     * follow it).
     */
    static final String INSERT_EVENTS =
            """
            insert into audit.event (account_id, username, role, centre_ids, patient_id, action, resource_type,
                                     resource_id, outcome, client_address, request_id)
            select :accountId, :username, :role, cast(:centreIds as uuid[]), e.patient_id, e.action, e.resource_type,
                   e.resource_id, e.outcome, :clientAddress, :requestId
            from unnest(cast(:patientIds as uuid[]), cast(:actions as text[]), cast(:resourceTypes as text[]),
                        cast(:resourceIds as text[]), cast(:outcomes as text[]))
                 with ordinality as e(patient_id, action, resource_type, resource_id, outcome, n)
            order by e.n""";

    static final String ACCESSES_TO =
            """
            select e.seq, e.occurred_at, e.account_id, e.username, e.role, e.action, e.resource_type, e.resource_id,
                   e.outcome
            from audit.event e
            where e.patient_id = :patientId and e.occurred_at >= :since
            order by e.seq desc
            limit :limit""";

    /** Lets one sealer at a time append to the chain, on whichever node it runs (security.md §14). */
    static final String TRY_SEALER_LOCK = "select pg_try_advisory_xact_lock(:key)";

    /** The highest sequence number handed out so far, committed or not (sequences are not transactional). */
    static final String SEQUENCE_HIGH_WATER = "select coalesce(pg_sequence_last_value('audit.event_seq'), 0)";

    /** Gives the sealer's transaction its id now; as text because JDBC has no unsigned 64-bit type. */
    static final String OWN_XID = "select pg_current_xact_id()::text";

    /** Every transaction id below this one has ended (committed or rolled back). */
    static final String OLDEST_RUNNING_XID = "select pg_snapshot_xmin(pg_current_snapshot())::text";

    static final String LAST_SEAL = "select seq, hash from audit.seal order by seq desc limit 1";

    static final String EVENTS_TO_SEAL = "select e.seq, " + EVENT_COLUMNS
            + """

            from audit.event e
            where e.seq > :after and e.seq <= :upTo
            order by e.seq
            limit :limit""";

    static final String INSERT_SEAL = "insert into audit.seal (seq, hash) values (?, ?)";

    /**
     * Events and seals side by side in sequence order, for verification. A seal without its event, or an event without
     * a seal below the last seal, breaks the chain as surely as a changed row.
     */
    static final String CHAIN = "select coalesce(e.seq, s.seq) as seq, e.seq is not null as has_event, s.hash, "
            + EVENT_COLUMNS
            + """

            from audit.event e
            full join audit.seal s on s.seq = e.seq
            order by 1""";

    private AuditQueries() {}
}
