package org.hemonet.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttling of sign-in (security.md §10): {@value #LIMIT} or more failed attempts for a username within
 * {@value #WINDOW_MINUTES} minutes and further attempts are refused, right password or not, with the same answer as a
 * wrong password. Unknown usernames are counted the same way, so the answers do not tell them apart.
 */
@Repository
class SignInAttempts {

    static final int LIMIT = 10;
    static final int WINDOW_MINUTES = 15;

    private final JdbcClient jdbc;

    SignInAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    /** Recorded in its own transaction: a failed sign-in must count even though the request fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String username, boolean succeeded, String step) {
        jdbc.sql(
                        """
                        insert into identity.sign_in_attempt (username_key, succeeded, step)
                        values (:key, :ok, :step)
                        """)
                .param("key", key(username))
                .param("ok", succeeded)
                .param("step", step)
                .update();
    }

    // on the primary, not a replica (docs/scaling.md): a replica a moment behind would miss the latest failures
    @Transactional
    public boolean isThrottled(String username, Instant now) {
        long failures = jdbc.sql(
                        """
                        select count(*) from identity.sign_in_attempt
                        where username_key = :key and not succeeded and occurred_at > :since
                        """)
                .param("key", key(username))
                .param("since", java.sql.Timestamp.from(now.minus(Duration.ofMinutes(WINDOW_MINUTES))))
                .query(Long.class)
                .single();
        return failures >= LIMIT;
    }
}
