package org.hemonet.diary.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotency keys of the sync API (security.md §17). A key is claimed in its own committed transaction, so a
 * concurrent retry sees it in flight (409) instead of waiting; the first response is stored in the batch's own
 * transaction, so it exists exactly when the entries do. A key whose request failed unexpectedly, or that has been in
 * flight for longer than {@link #STALE_MINUTES} minutes (a crash), may be claimed again.
 */
@Repository
class SyncRequests {

    static final int STALE_MINUTES = 10;

    sealed interface Claim {}

    record Owned() implements Claim {}

    record Replay(int status, String body) implements Claim {}

    record BodyMismatch() implements Claim {}

    record InFlight() implements Claim {}

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;

    SyncRequests(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Claim claim(UUID accountId, String key, String bodySha256) {
        Claim claim = newTransaction.execute(status -> {
            int inserted = jdbc.sql(
                            """
                            insert into diary.sync_request (account_id, idempotency_key, body_sha256, state)
                            values (:account, :key, :hash, 'IN_FLIGHT')
                            on conflict do nothing""")
                    .param("account", accountId)
                    .param("key", key)
                    .param("hash", bodySha256)
                    .update();
            if (inserted == 1) {
                return new Owned();
            }
            Row row = jdbc.sql(
                            """
                            select body_sha256, state, response_status, response_body,
                                   claimed_at < now() - make_interval(mins => :stale) as stale
                            from diary.sync_request where account_id = :account and idempotency_key = :key""")
                    .param("stale", STALE_MINUTES)
                    .param("account", accountId)
                    .param("key", key)
                    .query(Row.class)
                    .single();
            if (!row.bodySha256().equals(bodySha256)) {
                return new BodyMismatch();
            }
            if ("COMPLETE".equals(row.state()) && row.responseStatus() != null && row.responseBody() != null) {
                return new Replay(row.responseStatus(), row.responseBody());
            }
            if ("FAILED".equals(row.state()) || row.stale()) {
                int taken = jdbc.sql(
                                """
                                update diary.sync_request set state = 'IN_FLIGHT', claimed_at = now()
                                where account_id = :account and idempotency_key = :key and state <> 'COMPLETE'
                                  and (state = 'FAILED' or claimed_at < now() - make_interval(mins => :stale))""")
                        .param("account", accountId)
                        .param("key", key)
                        .param("stale", STALE_MINUTES)
                        .update();
                return taken == 1 ? new Owned() : new InFlight();
            }
            return new InFlight();
        });
        if (claim == null) {
            throw new IllegalStateException("claim");
        }
        return claim;
    }

    record Row(
            String bodySha256,
            String state,
            @Nullable Integer responseStatus,
            @Nullable String responseBody,
            boolean stale) {}

    /** Stores the first response in the current transaction. */
    void complete(UUID accountId, String key, int status, String body) {
        jdbc.sql(
                        """
                        update diary.sync_request
                        set state = 'COMPLETE', response_status = :status, response_body = :body, completed_at = now()
                        where account_id = :account and idempotency_key = :key""")
                .param("status", status)
                .param("body", body)
                .param("account", accountId)
                .param("key", key)
                .update();
    }

    /** Stores the first (refusing) response in a transaction of its own. */
    void completeAlone(UUID accountId, String key, int status, String body) {
        newTransaction.executeWithoutResult(s -> complete(accountId, key, status, body));
    }

    /** Releases a key whose request failed unexpectedly, so that a retry may run it. */
    void fail(UUID accountId, String key) {
        newTransaction.executeWithoutResult(s -> jdbc.sql(
                        """
                        update diary.sync_request set state = 'FAILED'
                        where account_id = :account and idempotency_key = :key and state = 'IN_FLIGHT'""")
                .param("account", accountId)
                .param("key", key)
                .update());
    }
}
