package org.hemonet.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The session's last-access update commits without waiting for the disk, in its own transaction only, on real
 * PostgreSQL; creating and deleting a session (sign-in, sign-out) keep the synchronous commit; a session still moves
 * its last access and is found again.
 */
class SessionWritesTest extends IntegrationTest {

    /** Spring Session's repository inside the {@link SessionRereads} wrapper the application uses. */
    JdbcIndexedSessionRepository repository;

    /** The same, through the interface its sessions are used by. */
    FindByIndexNameSessionRepository<Session> sessions;

    @Autowired
    @SuppressWarnings({"unchecked", "rawtypes"})
    void unwrap(org.springframework.context.ApplicationContext context) {
        Object bean = context.getBean("sessionRepository");
        assertThat(bean).isInstanceOf(SessionRereads.Remembering.class);
        repository = (JdbcIndexedSessionRepository) ReflectionTestUtils.getField(bean, "delegate");
        sessions = (FindByIndexNameSessionRepository) repository;
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private String query(String field) {
        return (String) ReflectionTestUtils.getField(repository, field);
    }

    @Test
    void theRepositoryUpdatesWithTheSettingAndCreatesAndDeletesWithout() {
        assertThat(query("updateSessionQuery"))
                .contains("UPDATE identity.http_session")
                .contains("SET LOCAL synchronous_commit TO OFF");
        assertThat(query("createSessionQuery")).doesNotContainIgnoringCase("synchronous_commit");
        assertThat(query("deleteSessionQuery")).doesNotContainIgnoringCase("synchronous_commit");
        assertThat(query("deleteSessionsByExpiryTimeQuery")).doesNotContainIgnoringCase("synchronous_commit");
    }

    @Test
    void aSavedSessionMovesItsLastAccessAndIsFoundAgain() {
        Session session = sessions.createSession();
        session.setAttribute("x", "1");
        sessions.save(session);
        Instant later = session.getLastAccessedTime().plus(Duration.ofMinutes(5));
        session.setLastAccessedTime(later);
        sessions.save(session);

        var found = sessions.findById(session.getId());
        assertThat(found).isNotNull();
        assertThat(found.getLastAccessedTime()).isEqualTo(later.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat((String) found.getAttribute("x")).isEqualTo("1");
        sessions.deleteById(session.getId());
        assertThat(sessions.findById(session.getId())).isNull();
    }

    @Test
    void theUpdateTurnsSynchronousCommitOffForItsTransactionOnly() {
        Session session = sessions.createSession();
        sessions.save(session);
        String update = query("updateSessionQuery");
        String inside = new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.sql(update)
                    .params(
                            session.getId(),
                            System.currentTimeMillis(),
                            1800,
                            System.currentTimeMillis() + 1_800_000L,
                            null,
                            jdbc.sql("select primary_id from identity.http_session where session_id = ?")
                                    .param(session.getId())
                                    .query(String.class)
                                    .single())
                    .update();
            return jdbc.sql("show synchronous_commit").query(String.class).single();
        });
        assertThat(inside).isEqualTo("off");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single())
                .isEqualTo("on");
        sessions.deleteById(session.getId());
    }
}
