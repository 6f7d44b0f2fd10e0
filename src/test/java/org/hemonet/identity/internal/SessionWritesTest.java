package org.hemonet.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A session's last-access touch commits without waiting for the WAL flush, and nothing else does (migration
 * V20261211_0100, security.md §22): on real PostgreSQL, the transaction of an update that moves only the session's
 * times runs with synchronous_commit off; one that changes the session id or principal (sign-in), or writes a session
 * attribute before or after the touch, stays synchronous; and the setting ends with its transaction. Through the
 * application's session repository a touched session is found again with its new time.
 */
class SessionWritesTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    org.springframework.context.ApplicationContext context;

    private String insertSession() {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.sql(
                        """
                        insert into identity.http_session (primary_id, session_id, creation_time, last_access_time,
                            max_inactive_interval, expiry_time, principal_name)
                        values (:id, :id, 1, 1, 1800, 1801, 'someone')""")
                .param("id", id)
                .update();
        return id;
    }

    /** The synchronous_commit setting at the end of a transaction that ran {@code work} on the session. */
    private String settingAfter(String id, Consumer<String> work) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            work.accept(id);
            return jdbc.sql("show synchronous_commit").query(String.class).single();
        });
    }

    private void touch(String id) {
        jdbc.sql("update identity.http_session set last_access_time = 2, expiry_time = 1802 where primary_id = :id")
                .param("id", id)
                .update();
    }

    private void writeAttribute(String id) {
        jdbc.sql(
                        """
                        insert into identity.http_session_attributes (session_primary_id, attribute_name, attribute_bytes)
                        values (:id, 'x', '\\x00')""")
                .param("id", id)
                .update();
    }

    @Test
    void onlyATouchCommitsWithoutWaitingForTheDisk() {
        assertThat(settingAfter(insertSession(), this::touch)).isEqualTo("off");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single())
                .as("the setting ends with the transaction")
                .isEqualTo("on");

        assertThat(settingAfter(insertSession(), id -> jdbc.sql(
                                "update identity.http_session set session_id = :new, last_access_time = 2 where primary_id = :id")
                        .param("new", java.util.UUID.randomUUID().toString())
                        .param("id", id)
                        .update()))
                .as("a new session id, as at sign-in")
                .isEqualTo("on");
        assertThat(settingAfter(insertSession(), id -> jdbc.sql(
                                "update identity.http_session set principal_name = 'another' where primary_id = :id")
                        .param("id", id)
                        .update()))
                .as("a new principal")
                .isEqualTo("on");
        assertThat(settingAfter(insertSession(), id -> {
                    touch(id);
                    writeAttribute(id);
                }))
                .as("a touch, then an attribute")
                .isEqualTo("on");
        assertThat(settingAfter(insertSession(), id -> {
                    writeAttribute(id);
                    touch(id);
                }))
                .as("an attribute, then a touch")
                .isEqualTo("on");
        assertThat(settingAfter(
                        insertSession(), id -> jdbc.sql("delete from identity.http_session where primary_id = :id")
                                .param("id", id)
                                .update()))
                .as("a sign-out")
                .isEqualTo("on");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aTouchedSessionIsFoundAgainWithItsNewTime() {
        FindByIndexNameSessionRepository<Session> sessions =
                (FindByIndexNameSessionRepository) context.getBean("sessionRepository");
        Session session = sessions.createSession();
        session.setAttribute("x", "1");
        sessions.save(session);
        Instant later = session.getLastAccessedTime().plus(Duration.ofMinutes(5));
        session.setLastAccessedTime(later);
        sessions.save(session);

        // read from the table, not from the repository's memo of the session this thread just saved
        assertThat(jdbc.sql("select last_access_time from identity.http_session where session_id = :id")
                        .param("id", session.getId())
                        .query(Long.class)
                        .single())
                .isEqualTo(later.toEpochMilli());
        assertThat(jdbc.sql(
                                """
                        select count(*) from identity.http_session_attributes a
                        join identity.http_session s on s.primary_id = a.session_primary_id
                        where s.session_id = :id and a.attribute_name = 'x'""")
                        .param("id", session.getId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        sessions.deleteById(session.getId());
        assertThat(sessions.findById(session.getId())).isNull();
    }
}
