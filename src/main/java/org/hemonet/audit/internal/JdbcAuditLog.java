package org.hemonet.audit.internal;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.audit.ChainVerification;
import org.hemonet.audit.RecordAccess;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.RequestInfo;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * {@link AuditLog} on the {@code audit} schema. Writes go through the {@link JdbcClient}, which takes the connection of
 * the caller's Spring-managed transaction when there is one (security.md §13); sealing is left to {@link AuditSealer}.
 */
@Service
class JdbcAuditLog implements AuditLog {

    static final int MAX_ACCESSES = 1000;

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final ChainVerifier verifier;
    private final boolean benchOff;

    JdbcAuditLog(JdbcClient jdbc, CurrentActor currentActor, ChainVerifier verifier) {
        this(jdbc, currentActor, verifier, false, "");
    }

    @org.springframework.beans.factory.annotation.Autowired
    JdbcAuditLog(
            JdbcClient jdbc,
            CurrentActor currentActor,
            ChainVerifier verifier,
            @org.springframework.beans.factory.annotation.Value("${hemonet.bench.audit-off:false}") boolean benchOff,
            @org.springframework.beans.factory.annotation.Value("${hemonet.db.url:}") String dbUrl) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.verifier = verifier;
        // bench/run.sh only (issue 14: patient_read_audit_ratio): a read with and without its audit event, side by
        // side. Honoured with the throw-away embedded database alone, never with a configured server.
        this.benchOff = benchOff && dbUrl.isBlank();
        if (this.benchOff) {
            org.slf4j.LoggerFactory.getLogger(JdbcAuditLog.class)
                    .warn(
                            "AUDITING IS OFF (hemonet.bench.audit-off=true): for benchmarks on a throw-away database only");
        }
    }

    @Override
    public void record(AuditEvent event) {
        if (benchOff) {
            return;
        }
        RequestInfo request = RequestInfo.current();
        jdbc.sql(AuditQueries.INSERT_EVENT)
                .param("accountId", event.accountId(), Types.OTHER)
                .param("username", event.username())
                .param("role", event.role())
                .param("centreIds", arrayLiteral(event))
                .param("patientId", event.patientId(), Types.OTHER)
                .param("action", event.action().name())
                .param("resourceType", event.resourceType())
                .param("resourceId", event.resourceId(), Types.VARCHAR)
                .param("outcome", event.outcome().name())
                .param("clientAddress", request.clientAddress())
                .param("requestId", request.requestId())
                .update();
    }

    @Override
    public void recordAll(List<AuditEvent> events) {
        if (benchOff || events.isEmpty()) {
            return;
        }
        if (events.size() == 1) {
            record(events.get(0));
            return;
        }
        RequestInfo request = RequestInfo.current();
        // one statement per run of events by the same actor (a sync has one run), in order
        int from = 0;
        while (from < events.size()) {
            AuditEvent first = events.get(from);
            int to = from + 1;
            while (to < events.size() && sameActor(first, events.get(to))) {
                to++;
            }
            List<AuditEvent> run = events.subList(from, to);
            jdbc.sql(AuditQueries.INSERT_EVENTS)
                    .param("accountId", first.accountId(), Types.OTHER)
                    .param("username", first.username())
                    .param("role", first.role())
                    .param("centreIds", arrayLiteral(first))
                    .param(
                            "patientIds",
                            run.stream()
                                    .map(e -> e.patientId() == null
                                            ? null
                                            : e.patientId().toString())
                                    .toArray(String[]::new))
                    .param("actions", run.stream().map(e -> e.action().name()).toArray(String[]::new))
                    .param(
                            "resourceTypes",
                            run.stream().map(AuditEvent::resourceType).toArray(String[]::new))
                    .param(
                            "resourceIds",
                            run.stream().map(AuditEvent::resourceId).toArray(String[]::new))
                    .param("outcomes", run.stream().map(e -> e.outcome().name()).toArray(String[]::new))
                    .param("clientAddress", request.clientAddress())
                    .param("requestId", request.requestId())
                    .update();
            from = to;
        }
    }

    private static boolean sameActor(AuditEvent a, AuditEvent b) {
        return java.util.Objects.equals(a.accountId(), b.accountId())
                && a.username().equals(b.username())
                && a.role().equals(b.role())
                && a.centreIds().equals(b.centreIds());
    }

    @Override
    public void patientAccess(
            AuditAction action,
            UUID patientId,
            String resourceType,
            @Nullable String resourceId,
            AuditOutcome outcome) {
        record(AuditEvent.by(currentActor.require(), action, patientId, resourceType, resourceId, outcome));
    }

    @Override
    public List<RecordAccess> accessesTo(UUID patientId, Instant since, int limit) {
        if (limit < 1 || limit > MAX_ACCESSES) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_ACCESSES);
        }
        return jdbc.sql(AuditQueries.ACCESSES_TO)
                .param("patientId", patientId, Types.OTHER)
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .param("limit", limit)
                .query((rs, row) -> new RecordAccess(
                        rs.getLong("seq"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("account_id", UUID.class),
                        rs.getString("username"),
                        rs.getString("role"),
                        AuditAction.valueOf(rs.getString("action")),
                        rs.getString("resource_type"),
                        rs.getString("resource_id"),
                        AuditOutcome.valueOf(rs.getString("outcome"))))
                .list();
    }

    @Override
    public ChainVerification verify() {
        return verifier.verify();
    }

    /** Sorted, so that the same centres always give the same row (and the same canonical form). */
    private static String arrayLiteral(AuditEvent event) {
        return event.centreIds().stream().map(UUID::toString).sorted().collect(Collectors.joining(",", "{", "}"));
    }
}
