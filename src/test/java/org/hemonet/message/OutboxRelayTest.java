package org.hemonet.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outbox relay (off by default: {@code hemonet.mail.enabled}) sends queued e-mails and marks them SENT; a failing
 * mail server leaves them PENDING with the error and the attempt counted, and FAILED after the last attempt.
 */
class OutboxRelayTest extends IntegrationTest {

    @Autowired
    Messages messages;

    @Autowired
    MessageQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Autowired(required = false)
    OutboxRelay relayBean;

    @Test
    void relayIsOffByDefault() {
        assertThat(relayBean).isNull();
    }

    @Test
    void sendsQueuedMailAndMarksItSent() {
        UUID centre = UUID.randomUUID();
        messages.setCentreMailAddress(centre, "team-" + centre.toString().substring(0, 8) + "@example.org");
        UUID messageId = messages.send(new NewMessage(
                        Recipient.centre(centre),
                        MessageKind.GENERAL,
                        "relay-" + centre,
                        "Clinic moved",
                        "Room 4",
                        null))
                .orElseThrow();
        List<String> sent = new ArrayList<>();
        OutboxRelay relay = new OutboxRelay(queries, (to, subject, body) -> sent.add(to), transactions, clock, 5);

        assertThat(relay.drain()).isGreaterThanOrEqualTo(1);

        assertThat(sent).contains("team-" + centre.toString().substring(0, 8) + "@example.org");
        assertThat(status(messageId)).isEqualTo("SENT/1");
        assertThat(relay.drain()).isZero();
    }

    @Test
    void keepsFailedMailForAnotherAttemptAndGivesUpAfterTheLast() {
        UUID centre = UUID.randomUUID();
        messages.setCentreMailAddress(centre, "down-" + centre.toString().substring(0, 8) + "@example.org");
        UUID messageId = messages.send(new NewMessage(
                        Recipient.centre(centre), MessageKind.GENERAL, "down-" + centre, "Subject", "Body", null))
                .orElseThrow();
        OutboxRelay failing = new OutboxRelay(
                queries,
                (to, subject, body) -> {
                    throw new IllegalStateException("mail server unreachable");
                },
                transactions,
                clock,
                2);

        failing.drain();
        assertThat(status(messageId)).isEqualTo("PENDING/1");
        assertThat(lastError(messageId)).contains("mail server unreachable");

        jdbc.sql("update message.outbox set next_attempt_at = now() where message_id = :m")
                .param("m", messageId)
                .update();
        failing.drain();
        assertThat(status(messageId)).isEqualTo("FAILED/2");
    }

    private String status(UUID messageId) {
        return jdbc.sql("select status || '/' || attempts from message.outbox where message_id = :m")
                .param("m", messageId)
                .query(String.class)
                .single();
    }

    private String lastError(UUID messageId) {
        return jdbc.sql("select last_error from message.outbox where message_id = :m")
                .param("m", messageId)
                .query(String.class)
                .single();
    }
}
