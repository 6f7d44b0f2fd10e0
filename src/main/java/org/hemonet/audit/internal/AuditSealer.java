package org.hemonet.audit.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed audit events into the hash chain, in sequence order (security.md §14).
 *
 * <p>Writers only take a sequence number in their own transaction, so they never wait on one another; this sealer
 * appends one {@code audit.seal} row per event afterwards. It runs every second on every node, but a PostgreSQL
 * advisory lock lets only one run at a time append.
 *
 * <h2>When is a sequence number final?</h2>
 *
 * Sequence numbers are handed out before commit, so commit order differs from sequence order, and a rolled-back
 * transaction leaves a gap for good. The sealer must not seal past an event whose transaction is still in flight: that
 * event would commit below the chain's head and could never be linked. Waiting a fixed time ("seal only events older
 * than five seconds") is not enough, since a slow transaction can take its number and commit much later. Instead the
 * sealer uses transaction ids:
 *
 * <ol>
 *   <li>every event takes its transaction id before its sequence number ({@code audit.next_event_seq()});
 *   <li>a run reads the sequence's high-water mark {@code H} and then takes its own transaction id {@code X}; every
 *       event numbered at most {@code H} belongs to a transaction whose id is below {@code X};
 *   <li>once a later snapshot's {@code xmin} (the oldest transaction id still running) is above {@code X}, every such
 *       transaction has committed or rolled back, so every event up to {@code H} that will ever exist is visible: the
 *       sealer links them and skips the numbers in between, which are rollback gaps.
 * </ol>
 *
 * An event is therefore sealed one or two runs after it commits. A transaction that stays open holds back sealing (not
 * writing) until it ends; {@link org.hemonet.audit.ChainVerification#unsealedEvents()} shows such a backlog. The
 * horizons {@code (H, X)} are kept in memory: a node that starts or takes over the lock simply needs one extra run.
 */
@Component
class AuditSealer {

    /** Advisory lock key of the sealer ("hemoseal" in ASCII); no other lock in Hemonet may use it. */
    static final long LOCK_KEY = 0x68656d6f7365616cL;

    /** Events linked per run at most, so that a backlog is worked off in bounded transactions. */
    static final int BATCH = 10_000;

    private static final int MAX_HORIZONS = 64;
    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transaction;
    private final Deque<Horizon> horizons = new ArrayDeque<>();

    /** Every event numbered at most this is sealed or is a gap that will never be filled. */
    private long sealedThrough;

    AuditSealer(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.transaction = new TransactionTemplate(transactionManager);
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    @Scheduled(
            fixedDelayString = "${hemonet.audit.seal-interval:PT1S}",
            initialDelayString = "${hemonet.audit.seal-interval:PT1S}")
    void sealOnSchedule() {
        try {
            int sealed = sealCommitted();
            if (sealed > 0) {
                log.debug("Sealed {} audit events", sealed);
            }
        } catch (DataAccessException e) {
            log.warn("Audit sealing failed; it is retried on the next run", e);
        }
    }

    /**
     * One run: links the events that are known to be final and notes a new horizon for the next run.
     *
     * @return the number of events sealed (0 when another node holds the lock)
     */
    synchronized int sealCommitted() {
        Run run = transaction.execute(status -> runLocked());
        if (run == null) {
            return 0;
        }
        sealedThrough = Math.max(sealedThrough, run.sealedThrough());
        horizons.removeIf(h -> h.seq() <= sealedThrough);
        Horizon last = horizons.peekLast();
        if (run.next().seq() > sealedThrough && (last == null || run.next().seq() > last.seq())) {
            if (horizons.size() >= MAX_HORIZONS) {
                // dropping the newest keeps only horizons that are safe to use; sealing merely waits a run longer
                horizons.removeLast();
            }
            horizons.addLast(run.next());
        }
        return run.sealed();
    }

    /**
     * Runs until every event that had a sequence number when it was called is sealed or known to be a gap, or until
     * {@code timeout} passes (an open transaction holds sealing back).
     *
     * @return {@code true} when caught up
     */
    boolean sealUntilCaughtUp(Duration timeout) {
        long target =
                jdbc.sql(AuditQueries.SEQUENCE_HIGH_WATER).query(Long.class).single();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            sealCommitted();
            synchronized (this) {
                if (sealedThrough >= target) {
                    return true;
                }
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private @Nullable Run runLocked() {
        Boolean locked = jdbc.sql(AuditQueries.TRY_SEALER_LOCK)
                .param("key", LOCK_KEY)
                .query(Boolean.class)
                .single();
        if (!Boolean.TRUE.equals(locked)) {
            return null;
        }
        // H before X: see the class comment. Nothing before this point has given the transaction an id.
        long highWater =
                jdbc.sql(AuditQueries.SEQUENCE_HIGH_WATER).query(Long.class).single();
        long ownXid = Long.parseUnsignedLong(
                jdbc.sql(AuditQueries.OWN_XID).query(String.class).single());
        long oldestRunning = Long.parseUnsignedLong(
                jdbc.sql(AuditQueries.OLDEST_RUNNING_XID).query(String.class).single());

        long safeUpTo = 0;
        for (Horizon horizon : horizons) {
            if (Long.compareUnsigned(horizon.xid(), oldestRunning) >= 0) {
                break;
            }
            safeUpTo = Math.max(safeUpTo, horizon.seq());
        }
        Link head = jdbc.sql(AuditQueries.LAST_SEAL)
                .query((rs, row) -> new Link(rs.getLong("seq"), rs.getBytes("hash")))
                .optional()
                .orElse(new Link(0, ChainHash.GENESIS));
        int sealed = 0;
        long through = head.seq();
        if (safeUpTo > head.seq()) {
            List<StoredEvent> events = jdbc.sql(AuditQueries.EVENTS_TO_SEAL)
                    .param("after", head.seq())
                    .param("upTo", safeUpTo)
                    .param("limit", BATCH)
                    .query((rs, row) -> StoredEvent.from(rs))
                    .list();
            byte[] previous = head.hash();
            var seals = new ArrayList<Object[]>(events.size());
            for (StoredEvent event : events) {
                previous = ChainHash.link(previous, event);
                seals.add(new Object[] {event.seq(), previous});
            }
            if (!seals.isEmpty()) {
                jdbcTemplate.batchUpdate(AuditQueries.INSERT_SEAL, seals);
            }
            sealed = events.size();
            through = events.size() < BATCH
                    ? safeUpTo
                    : events.get(events.size() - 1).seq();
        }
        return new Run(sealed, through, new Horizon(highWater, ownXid));
    }

    /** Every event numbered at most {@code seq} belongs to a transaction whose id is below {@code xid}. */
    private record Horizon(long seq, long xid) {}

    private record Link(long seq, byte[] hash) {}

    private record Run(int sealed, long sealedThrough, Horizon next) {}
}
