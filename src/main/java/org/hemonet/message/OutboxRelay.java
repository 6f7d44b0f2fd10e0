package org.hemonet.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the e-mail outbox when {@code hemonet.mail.enabled=true} (off by default): sends each due e-mail through the
 * {@link MailGateway}, marks it SENT, or counts the failure and tries again later with a growing pause, up to
 * {@code hemonet.mail.max-attempts} before it is marked FAILED. Rows are claimed with {@code for update skip locked},
 * so several application nodes never send one e-mail twice. Logs carry no address or text (security.md §16).
 */
@Component
@ConditionalOnProperty(name = "hemonet.mail.enabled", havingValue = "true")
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 20;

    private final MessageQueries queries;
    private final MailGateway gateway;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int maxAttempts;

    OutboxRelay(
            MessageQueries queries,
            MailGateway gateway,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${hemonet.mail.max-attempts:5}") int maxAttempts) {
        this.queries = queries;
        this.gateway = gateway;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(
            fixedDelayString = "${hemonet.mail.relay-interval:PT30S}",
            initialDelayString = "${hemonet.mail.relay-interval:PT30S}")
    @SchedulerLock(name = "mail-outbox-relay", lockAtMostFor = "PT10M", lockAtLeastFor = "PT15S")
    void onSchedule() {
        try {
            int sent = drain();
            if (sent > 0) {
                log.info("Outbox: {} e-mails sent", sent);
            }
        } catch (DataAccessException e) {
            log.warn(
                    "Outbox relay failed; it runs again on schedule: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** Sends what is due now, batch by batch; returns how many e-mails were sent. */
    int drain() {
        int sent = 0;
        while (true) {
            Integer batch = transaction.execute(status -> sendBatch());
            if (batch == null || batch < 0) {
                return sent;
            }
            sent += batch;
        }
    }

    /** Sends one batch; -1 when nothing was due. */
    private int sendBatch() {
        List<MessageQueries.OutboxMail> due = queries.claimDue(clock.instant(), BATCH);
        if (due.isEmpty()) {
            return -1;
        }
        int sent = 0;
        for (MessageQueries.OutboxMail mail : due) {
            try {
                gateway.send(mail.to(), mail.subject(), mail.body());
                queries.markSent(mail.id(), clock.instant());
                sent++;
            } catch (RuntimeException e) {
                int attempts = mail.attempts() + 1;
                Instant retryAt = clock.instant().plus(Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts, 6))));
                queries.markFailed(
                        mail.id(),
                        e.getClass().getSimpleName() + ": " + e.getMessage(),
                        attempts >= maxAttempts,
                        retryAt);
                log.warn(
                        "Outbox e-mail {} not sent (attempt {}): {}",
                        mail.id(),
                        attempts,
                        e.getClass().getSimpleName());
            }
        }
        return sent;
    }
}
