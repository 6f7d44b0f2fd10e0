package org.hemonet.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The session's last-access write does not wait for the disk (issue 14 and 18, the per-request cost). Every request
 * moves the session's last-access and expiry time, which Spring Session writes with an {@code UPDATE} in its own
 * transaction; with PostgreSQL's default synchronous commit that transaction waits for its WAL to be flushed, about a
 * millisecond on this machine and the largest single part of a signed-in request's database time. Here that update
 * sets {@code synchronous_commit} off for its own transaction only ({@code SET LOCAL}). The write is visible to every
 * other node at once, as before; only a crash of PostgreSQL itself within a fraction of a second (three times
 * {@code wal_writer_delay}) can lose it, and what is lost is then a later last-access time (the session ends a little
 * sooner than it would have) or a sign-in's new session id (the person signs in again). Nothing that ends a session is
 * affected: deleting a session (sign-out, expiry, a disabled account) and creating one keep the synchronous commit,
 * and so does every clinical write and audit event, which run in other transactions (security.md section 11 and 13).
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

    /** Spring Session's own update, then the setting for the rest of its transaction. */
    static final String UPDATE_SESSION_QUERY =
            """
            UPDATE %TABLE_NAME%
            SET SESSION_ID = ?, LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?, PRINCIPAL_NAME = ?
            WHERE PRIMARY_ID = ?;
            SET LOCAL synchronous_commit TO OFF
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> asynchronousLastAccess() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
    }
}
