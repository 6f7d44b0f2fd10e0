package org.hemonet.audit.internal;

import java.security.MessageDigest;
import java.util.Iterator;
import java.util.stream.Stream;
import org.hemonet.audit.ChainVerification;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the audit hash chain from the stored events (security.md §14) and names the first broken link: an event
 * whose content no longer hashes to its seal, a seal whose event is gone, or an event that is missing from the chain
 * although later events are sealed (inserted or unsealed behind the sealer's back). Committed events after the last
 * seal are counted as not yet sealed.
 */
@Component
class ChainVerifier {

    private static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    ChainVerifier(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        // one snapshot for the whole walk, and a transaction so that the driver streams rows by FETCH_SIZE
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    ChainVerification verify() {
        ChainVerification result = readOnly.execute(status -> walk());
        if (result == null) {
            throw new IllegalStateException("verification returned nothing");
        }
        return result;
    }

    private ChainVerification walk() {
        var walk = new Walk();
        try (Stream<ChainRow> rows = jdbc
                .sql(AuditQueries.CHAIN)
                .withFetchSize(FETCH_SIZE)
                .query((rs, row) -> new ChainRow(
                        rs.getLong("seq"),
                        rs.getBoolean("has_event") ? StoredEvent.from(rs) : null,
                        rs.getBytes("hash")))
                .stream()) {
            for (Iterator<ChainRow> it = rows.iterator(); it.hasNext(); ) {
                walk.accept(it.next());
            }
        }
        return walk.result();
    }

    private record ChainRow(long seq, @Nullable StoredEvent event, byte @Nullable [] hash) {}

    /** The state of one walk along the chain, in sequence order. */
    private static final class Walk {

        private byte[] previous = ChainHash.GENESIS;
        private long sealed;
        private long unsealedSinceLastSeal;
        private @Nullable Long firstUnsealed;
        private @Nullable Long head;
        private @Nullable Long brokenAt;
        private @Nullable String problem;

        void accept(ChainRow row) {
            byte[] hash = row.hash();
            if (hash == null) {
                unsealedSinceLastSeal++;
                if (firstUnsealed == null) {
                    firstUnsealed = row.seq();
                }
                return;
            }
            sealed++;
            if (brokenAt == null) {
                check(row, hash);
            }
            unsealedSinceLastSeal = 0;
            firstUnsealed = null;
        }

        private void check(ChainRow row, byte[] hash) {
            StoredEvent event = row.event();
            if (firstUnsealed != null) {
                broken(firstUnsealed, "event is not in the chain although later events are sealed");
            } else if (event == null) {
                broken(row.seq(), "sealed event is missing");
            } else {
                byte[] expected = ChainHash.link(previous, event);
                if (!MessageDigest.isEqual(expected, hash)) {
                    broken(row.seq(), "event or seal was changed: the hash does not match");
                } else {
                    previous = expected;
                    head = row.seq();
                }
            }
        }

        private void broken(long seq, String what) {
            brokenAt = seq;
            problem = what;
        }

        ChainVerification result() {
            return new ChainVerification(
                    brokenAt == null,
                    brokenAt,
                    problem,
                    sealed,
                    unsealedSinceLastSeal,
                    head,
                    head == null ? null : ChainHash.hex(previous));
        }
    }
}
