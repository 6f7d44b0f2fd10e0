package org.hemonet.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.audit.ChainVerification;
import org.hemonet.audit.RecordAccess;
import org.hemonet.shared.Actor;
import org.hemonet.shared.RequestInfo;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail on a real PostgreSQL with the application's database role (security.md §13–§15): events, grants,
 * the hash chain, tampering, gaps, in-flight transactions and concurrent writers.
 */
class AuditLogTests {

    private static final Duration CATCH_UP = Duration.ofSeconds(10);
    private static final UUID CENTRE_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID CENTRE_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private final AuditTestDatabase db = AuditTestDatabase.get();
    private final JdbcClient owner = JdbcClient.create(db.owner());
    private final DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(db.app());
    private final TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    private final Actor clinician =
            new Actor(UUID.randomUUID(), "dr.ada", "CLINICIAN", Set.of(CENTRE_B, CENTRE_A), Set.of());
    private final Actor nurse = new Actor(UUID.randomUUID(), "nurse.bo", "NURSE", Set.of(CENTRE_B), Set.of());
    private final UUID patient = UUID.randomUUID();

    private @Nullable Actor signedIn = clinician;
    private JdbcAuditLog auditLog;
    private AuditSealer sealer;

    @BeforeEach
    void setUp() {
        db.reset();
        auditLog = auditLog();
        sealer = sealer();
    }

    @AfterEach
    void clearRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void recordsWhoWhatWhenAndWhereInTheCallersTransaction() {
        var request = new MockHttpServletRequest();
        request.setAttribute(RequestInfo.ATTRIBUTE, new RequestInfo("req-42", "203.0.113.9"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        transaction.executeWithoutResult(status -> auditLog.patientRead(patient, "Patient", patient.toString()));

        StoredEvent event = onlyEvent();
        assertThat(event.seq()).isEqualTo(1);
        assertThat(event.occurredAt()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(event.accountId()).isEqualTo(clinician.accountId());
        assertThat(event.username()).isEqualTo("dr.ada");
        assertThat(event.role()).isEqualTo("CLINICIAN");
        assertThat(event.centreIds()).containsExactly(CENTRE_A, CENTRE_B);
        assertThat(event.patientId()).isEqualTo(patient);
        assertThat(event.action()).isEqualTo("READ");
        assertThat(event.resourceType()).isEqualTo("Patient");
        assertThat(event.resourceId()).isEqualTo(patient.toString());
        assertThat(event.outcome()).isEqualTo("SUCCESS");
        assertThat(event.clientAddress()).isEqualTo("203.0.113.9");
        assertThat(event.requestId()).isEqualTo("req-42");
    }

    @Test
    void recordsDeniedReadsAndEventsWithoutPatientOrActor() {
        auditLog.patientReadDenied(patient, "Patient", null);
        auditLog.record(AuditEvent.anonymous("nobody", AuditAction.LOGIN_FAILED, "Account", AuditOutcome.FAILED));

        List<StoredEvent> events = events();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).outcome()).isEqualTo("DENIED");
        assertThat(events.get(0).resourceId()).isNull();
        assertThat(events.get(0).clientAddress()).isEqualTo("-");
        assertThat(events.get(1).accountId()).isNull();
        assertThat(events.get(1).patientId()).isNull();
        assertThat(events.get(1).role()).isEqualTo("ANONYMOUS");
        assertThat(events.get(1).action()).isEqualTo("LOGIN_FAILED");
    }

    @Test
    void rollsBackWithTheCallersTransaction() {
        transaction.executeWithoutResult(status -> {
            auditLog.patientRead(patient, "Patient", null);
            status.setRollbackOnly();
        });

        assertThat(events()).isEmpty();
    }

    @Test
    void failedAuditWriteFailsTheRequest() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> auditLog.patientRead(patient, "", null)))
                .isInstanceOf(DataAccessException.class);

        signedIn = null;
        assertThatThrownBy(() -> auditLog.patientRead(patient, "Patient", null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(events()).isEmpty();
    }

    @Test
    void applicationRoleCannotChangeOrRemoveAuditRows() throws SQLException {
        auditLog.patientRead(patient, "Patient", null);
        assertThat(sealer.sealUntilCaughtUp(CATCH_UP)).isTrue();

        assertThat(sqlStateAsApp("update audit.event set username = 'someone-else'"))
                .isEqualTo("42501");
        assertThat(sqlStateAsApp("delete from audit.event")).isEqualTo("42501");
        assertThat(sqlStateAsApp("truncate audit.event cascade")).isEqualTo("42501");
        assertThat(sqlStateAsApp("update audit.seal set hash = sha256('x')")).isEqualTo("42501");
        assertThat(sqlStateAsApp("delete from audit.seal")).isEqualTo("42501");
        assertThat(sqlStateAsApp("insert into audit.event (seq, username, role, action, resource_type, outcome,"
                        + " client_address, request_id) values (99, 'x', 'x', 'READ', 'x', 'SUCCESS', '-', '-')"))
                .as("the sequence number is not the application's to choose")
                .isEqualTo("42501");
        assertThat(sqlStateAsApp("insert into audit.event (occurred_at, username, role, action, resource_type,"
                        + " outcome, client_address, request_id)"
                        + " values (now() - interval '1 year', 'x', 'x', 'READ', 'x', 'SUCCESS', '-', '-')"))
                .as("nor the time")
                .isEqualTo("42501");
        assertThat(sqlStateAsApp("select setval('audit.event_seq', 1)")).isEqualTo("42501");
        assertThat(events()).hasSize(1);
        assertThat(auditLog.verify().ok()).isTrue();
    }

    /**
     * Issue 14: a sync writes its events with recordAll, a statement per run of one actor's events; the rows are those
     * record writes one by one, in the list's order, and the chain seals over them.
     */
    @Test
    void recordAllWritesTheRowsRecordWritesOneByOneInOrder() {
        var request = new MockHttpServletRequest();
        request.setAttribute(RequestInfo.ATTRIBUTE, new RequestInfo("req-7", "198.51.100.4"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        UUID other = UUID.randomUUID();
        List<AuditEvent> batch = List.of(
                AuditEvent.by(clinician, AuditAction.CREATE, patient, "Infusion", "inf-1", AuditOutcome.SUCCESS),
                AuditEvent.by(clinician, AuditAction.CREATE, other, "Bleed", null, AuditOutcome.SUCCESS),
                AuditEvent.by(clinician, AuditAction.CREATE, patient, "Infusion", "inf-2", AuditOutcome.SUCCESS),
                AuditEvent.anonymous("nobody", AuditAction.LOGIN_FAILED, "Account", AuditOutcome.FAILED),
                AuditEvent.by(nurse, AuditAction.READ, patient, "Infusion", "inf-2", AuditOutcome.DENIED),
                AuditEvent.by(clinician, AuditAction.VOID, patient, "Infusion", "inf-1", AuditOutcome.SUCCESS));

        transaction.executeWithoutResult(status -> batch.forEach(auditLog::record));
        transaction.executeWithoutResult(status -> auditLog.recordAll(batch));

        List<StoredEvent> events = events();
        assertThat(events)
                .extracting(StoredEvent::seq)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        List<StoredEvent> oneByOne = events.subList(0, 6);
        List<StoredEvent> together = events.subList(6, 12);
        for (int i = 0; i < 6; i++) {
            StoredEvent a = oneByOne.get(i);
            StoredEvent b = together.get(i);
            assertThat(List.of(
                            String.valueOf(b.accountId()),
                            b.username(),
                            b.role(),
                            b.centreIds().toString(),
                            String.valueOf(b.patientId()),
                            b.action(),
                            b.resourceType(),
                            String.valueOf(b.resourceId()),
                            b.outcome(),
                            b.clientAddress(),
                            b.requestId()))
                    .as("event %d", i)
                    .isEqualTo(List.of(
                            String.valueOf(a.accountId()),
                            a.username(),
                            a.role(),
                            a.centreIds().toString(),
                            String.valueOf(a.patientId()),
                            a.action(),
                            a.resourceType(),
                            String.valueOf(a.resourceId()),
                            a.outcome(),
                            a.clientAddress(),
                            a.requestId()));
        }
        assertThat(together.get(1).resourceId()).isNull();
        assertThat(together.get(4).username()).isEqualTo("nurse.bo");
        assertThat(sealer.sealUntilCaughtUp(CATCH_UP)).isTrue();
        assertThat(auditLog.verify().ok()).isTrue();
    }

    @Test
    void sealingLinksEventsInSequenceOrder() {
        for (int i = 0; i < 5; i++) {
            auditLog.patientRead(patient, "Observation", "obs-" + i);
        }

        assertThat(sealer.sealUntilCaughtUp(CATCH_UP)).isTrue();

        List<StoredEvent> events = events();
        List<Seal> seals = seals();
        assertThat(seals).extracting(Seal::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        byte[] previous = ChainHash.GENESIS;
        for (int i = 0; i < events.size(); i++) {
            previous = ChainHash.link(previous, events.get(i));
            assertThat(seals.get(i).hash()).isEqualTo(previous);
        }
        ChainVerification verification = auditLog.verify();
        assertThat(verification.ok()).isTrue();
        assertThat(verification.firstBrokenSeq()).isNull();
        assertThat(verification.sealedEvents()).isEqualTo(5);
        assertThat(verification.unsealedEvents()).isZero();
        assertThat(verification.headSeq()).isEqualTo(5L);
        assertThat(verification.headHash()).isEqualTo(ChainHash.hex(previous));
    }

    @Test
    void reportsEventsNotYetSealed() {
        recordReads(3);
        ChainVerification before = auditLog.verify();
        assertThat(before.ok()).isTrue();
        assertThat(before.sealedEvents()).isZero();
        assertThat(before.unsealedEvents()).isEqualTo(3);
        assertThat(before.headSeq()).isNull();

        assertThat(sealer.sealUntilCaughtUp(CATCH_UP)).isTrue();
        recordReads(2);

        ChainVerification after = auditLog.verify();
        assertThat(after.ok()).isTrue();
        assertThat(after.sealedEvents()).isEqualTo(3);
        assertThat(after.unsealedEvents()).isEqualTo(2);
        assertThat(after.headSeq()).isEqualTo(3L);
    }

    @Test
    void detectsAChangedEventNamingItsSequenceNumber() {
        recordReads(5);
        assertThat(sealer.sealUntilCaughtUp(CATCH_UP)).isTrue();

        owner.sql("update audit.event set username = 'someone-else' where seq = 3")
                .update();

        ChainVerification verification = auditLog.verify();
        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(3L);
        assertThat(verification.problem()).contains("hash does not match");
        assertThat(verification.headSeq()).isEqualTo(2L);
        assertThat(verification.sealedEvents()).isEqualTo(5);
    }

    @Test
    void detectsAChangedTimeOrCentreList() {
        recordReads(4);
        assertThat(sealer.sealUntilCaughtUp(CATCH_UP)).isTrue();

        owner.sql("update audit.event set centre_ids = '{}' where seq = 4").update();
        owner.sql("update audit.event set occurred_at = occurred_at - interval '1 microsecond' where seq = 2")
                .update();

        assertThat(auditLog.verify().firstBrokenSeq()).isEqualTo(2L);
    }

    @Test
    void detectsAnEventRemovedTogetherWithItsSeal() {
        recordReads(5);
        assertThat(sealer.sealUntilCaughtUp(CATCH_UP)).isTrue();

        owner.sql("delete from audit.seal where seq = 3").update();
        owner.sql("delete from audit.event where seq = 3").update();

        ChainVerification verification = auditLog.verify();
        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(4L);
    }

    @Test
    void detectsAnEventRemovedBehindItsSeal() {
        recordReads(3);
        assertThat(sealer.sealUntilCaughtUp(CATCH_UP)).isTrue();

        try (var connection = new OwnerSession()) {
            connection.execute("set session_replication_role = replica");
            connection.execute("delete from audit.event where seq = 2");
        }

        ChainVerification verification = auditLog.verify();
        assertThat(verification.firstBrokenSeq()).isEqualTo(2L);
        assertThat(verification.problem()).contains("missing");
    }

    @Test
    void detectsAnUnsealedEventBelowTheChainHead() {
        recordReads(3);
        assertThat(sealer.sealUntilCaughtUp(CATCH_UP)).isTrue();

        owner.sql("delete from audit.seal where seq = 2").update();

        ChainVerification verification = auditLog.verify();
        assertThat(verification.firstBrokenSeq()).isEqualTo(2L);
        assertThat(verification.problem()).contains("not in the chain");
    }

    @Test
    void detectsAChangedSeal() {
        recordReads(3);
        assertThat(sealer.sealUntilCaughtUp(CATCH_UP)).isTrue();

        owner.sql("update audit.seal set hash = sha256('forged') where seq = 2").update();

        assertThat(auditLog.verify().firstBrokenSeq()).isEqualTo(2L);
    }

    @Test
    void anEventTakesItsTransactionIdBeforeItsSequenceNumber() {
        String xid = transaction.execute(status -> {
            JdbcClient jdbc = JdbcClient.create(db.app());
            jdbc.sql("select audit.next_event_seq()").query(Long.class).single();
            return jdbc.sql("select pg_current_xact_id_if_assigned()::text")
                    .query(String.class)
                    .optional()
                    .orElse(null);
        });

        assertThat(xid).as("the sealer's horizon relies on it").isNotNull();
    }

    @Test
    void sealingSkipsTheGapOfARolledBackEvent() {
        auditLog.patientRead(patient, "Patient", "first");
        transaction.executeWithoutResult(status -> {
            auditLog.patientRead(patient, "Patient", "rolled back");
            status.setRollbackOnly();
        });
        auditLog.patientRead(patient, "Patient", "third");

        assertThat(sealer.sealUntilCaughtUp(CATCH_UP)).isTrue();

        assertThat(events()).extracting(StoredEvent::seq).containsExactly(1L, 3L);
        assertThat(seals()).extracting(Seal::seq).containsExactly(1L, 3L);
        ChainVerification verification = auditLog.verify();
        assertThat(verification.ok()).isTrue();
        assertThat(verification.sealedEvents()).isEqualTo(2);
        assertThat(verification.unsealedEvents()).isZero();
    }

    @Test
    void doesNotSealPastATransactionStillInFlight() throws Exception {
        long inFlightSeq;
        try (Connection slow = db.app().getConnection()) {
            slow.setAutoCommit(false);
            inFlightSeq = insertEvent(slow, "slow");
            auditLog.patientRead(patient, "Patient", "fast");

            for (int i = 0; i < 5; i++) {
                sealer.sealCommitted();
            }
            assertThat(sealer.sealUntilCaughtUp(Duration.ofMillis(200))).isFalse();
            assertThat(seals())
                    .as("the later, committed event waits for the earlier one")
                    .isEmpty();
            ChainVerification waiting = auditLog.verify();
            assertThat(waiting.ok()).isTrue();
            assertThat(waiting.unsealedEvents()).isEqualTo(1);

            slow.commit();
        }

        assertThat(sealer.sealUntilCaughtUp(CATCH_UP)).isTrue();
        assertThat(seals()).extracting(Seal::seq).containsExactly(inFlightSeq, inFlightSeq + 1);
        assertThat(auditLog.verify().ok()).isTrue();
    }

    @Test
    void anotherNodesSealerWaitsForTheLockAndContinuesTheChain() throws Exception {
        AuditSealer otherNode = sealer();
        recordReads(2);
        assertThat(sealer.sealUntilCaughtUp(CATCH_UP)).isTrue();
        recordReads(2);

        try (Connection holder = db.app().getConnection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + AuditSealer.LOCK_KEY + ")");
            }
            assertThat(otherNode.sealCommitted()).isZero();
            assertThat(otherNode.sealCommitted()).isZero();
            holder.rollback();
        }

        assertThat(otherNode.sealUntilCaughtUp(CATCH_UP)).isTrue();
        assertThat(seals()).extracting(Seal::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(auditLog.verify().ok()).isTrue();
    }

    @Test
    void concurrentWritersAreAllSealedInOrder() throws Exception {
        int writers = 8;
        int eventsPerWriter = 100;
        var stop = new AtomicBoolean();
        var committed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try {
            List<Future<?>> sealing = new ArrayList<>();
            for (AuditSealer node : List.of(sealer, sealer())) {
                sealing.add(pool.submit(() -> {
                    while (!stop.get()) {
                        node.sealCommitted();
                    }
                    return null;
                }));
            }
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writing.add(pool.submit(() -> {
                    for (int i = 0; i < eventsPerWriter; i++) {
                        boolean rollBack = i % 10 == 9;
                        String id = writer + "-" + i;
                        transaction.executeWithoutResult(status -> {
                            auditLog.patientRead(patient, "Observation", id);
                            if (rollBack) {
                                status.setRollbackOnly();
                            }
                        });
                        if (!rollBack) {
                            committed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writing) {
                writer.get();
            }
            stop.set(true);
            for (Future<?> node : sealing) {
                node.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sealer.sealUntilCaughtUp(CATCH_UP)).isTrue();

        List<Long> eventSeqs = events().stream().map(StoredEvent::seq).toList();
        assertThat(eventSeqs).hasSize(writers * eventsPerWriter * 9 / 10).hasSize(committed.get());
        assertThat(seals()).extracting(Seal::seq).isEqualTo(eventSeqs);
        ChainVerification verification = auditLog.verify();
        assertThat(verification.ok()).isTrue();
        assertThat(verification.sealedEvents()).isEqualTo(committed.get());
        assertThat(verification.unsealedEvents()).isZero();
    }

    @Test
    void listsWhoAccessedAPatientNewestFirst() {
        UUID otherPatient = UUID.randomUUID();
        auditLog.patientRead(patient, "Patient", null);
        auditLog.patientAccess(AuditAction.UPDATE, patient, "Weight", "w-1", AuditOutcome.SUCCESS);
        signedIn = nurse;
        auditLog.patientReadDenied(patient, "Patient", null);
        auditLog.patientRead(otherPatient, "Patient", null);

        List<RecordAccess> accesses = auditLog.accessesTo(patient, Instant.EPOCH, 10);

        assertThat(accesses)
                .extracting(RecordAccess::username, RecordAccess::action, RecordAccess::outcome)
                .containsExactly(
                        tuple("nurse.bo", AuditAction.READ, AuditOutcome.DENIED),
                        tuple("dr.ada", AuditAction.UPDATE, AuditOutcome.SUCCESS),
                        tuple("dr.ada", AuditAction.READ, AuditOutcome.SUCCESS));
        assertThat(accesses.get(1).resourceId()).isEqualTo("w-1");
        assertThat(accesses.get(1).role()).isEqualTo("CLINICIAN");
        assertThat(accesses.get(1).accountId()).isEqualTo(clinician.accountId());
        assertThat(auditLog.accessesTo(patient, Instant.EPOCH, 1)).hasSize(1);
        assertThat(auditLog.accessesTo(patient, Instant.now().plusSeconds(60), 10))
                .isEmpty();
        assertThatThrownBy(() -> auditLog.accessesTo(patient, Instant.EPOCH, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private JdbcAuditLog auditLog() {
        JdbcClient jdbc = JdbcClient.create(db.app());
        return new JdbcAuditLog(jdbc, () -> Optional.ofNullable(signedIn), new ChainVerifier(jdbc, transactionManager));
    }

    private AuditSealer sealer() {
        return new AuditSealer(new JdbcTemplate(db.app()), transactionManager);
    }

    private void recordReads(int count) {
        for (int i = 0; i < count; i++) {
            auditLog.patientRead(patient, "Patient", null);
        }
    }

    private StoredEvent onlyEvent() {
        List<StoredEvent> events = events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private List<StoredEvent> events() {
        return owner.sql("select e.seq, " + AuditQueries.EVENT_COLUMNS + " from audit.event e order by e.seq")
                .query((rs, row) -> StoredEvent.from(rs))
                .list();
    }

    private List<Seal> seals() {
        return owner.sql("select seq, hash from audit.seal order by seq")
                .query((rs, row) -> new Seal(rs.getLong("seq"), rs.getBytes("hash")))
                .list();
    }

    private static long insertEvent(Connection connection, String resourceId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into audit.event (username, role, action, resource_type, resource_id, outcome, client_address,"
                        + " request_id) values ('slow', 'CLINICIAN', 'READ', 'Patient', ?, 'SUCCESS', '-', '-')"
                        + " returning seq")) {
            insert.setString(1, resourceId);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private @Nullable String sqlStateAsApp(String sql) throws SQLException {
        try (Connection connection = db.app().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private record Seal(long seq, byte[] hash) {}

    /** A superuser session for statements that need session settings. */
    private final class OwnerSession implements AutoCloseable {

        private final Connection connection;

        OwnerSession() {
            try {
                connection = db.owner().getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void execute(String sql) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
