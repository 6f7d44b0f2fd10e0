package org.hemonet.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.hemonet.identity.Account;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.message.Messages;
import org.hemonet.patient.PatientRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers reminders once a minute, on one application node at a time (a ShedLock named {@code reminder-dispatch}; the
 * claims below keep a delivery single even without it).
 *
 * <p>First it queues what became due: for each patient whose reminders are on, every item due in the last
 * {@code hemonet.reminders.lookback} (and not before the switch-on) becomes one outbox row per account and channel,
 * with its delivery moved out of that account's quiet hours. The row's unique key (patient, kind, due instant,
 * channel, account) makes queueing idempotent: a restart, a second run or a second node queues nothing new. Then it
 * delivers the rows whose time has come, claimed with {@code for update skip locked} so that two nodes never deliver
 * one row, each in the same transaction as the row's SENT mark: an e-mail is put in the message module's outbox (whose
 * relay sends it), an in-app reminder is listed on the reminders page, a push goes to the account's browsers. A failed
 * push is tried again later with a growing pause, up to five times. Logs carry no patient, address or text.
 */
@Component
class ReminderDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ReminderDispatcher.class);
    private static final int BATCH = 50;
    private static final int MAX_ATTEMPTS = 5;

    private final ReminderQueries queries;
    private final ReminderPlanner planner;
    private final PatientRegistry patients;
    private final AccountAdministration accounts;
    private final Messages messages;
    private final WebPush push;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration lookback;
    private final String baseUrl;
    private final String node;
    private final boolean scheduled;

    ReminderDispatcher(
            ReminderQueries queries,
            ReminderPlanner planner,
            PatientRegistry patients,
            AccountAdministration accounts,
            Messages messages,
            WebPush push,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${hemonet.reminders.lookback:P1D}") Duration lookback,
            @Value("${hemonet.mail.base-url:http://localhost:8080}") String baseUrl,
            @Value("${hemonet.reminders.node:${hemonet.node-name:}}") String node,
            @Value("${hemonet.reminders.enabled:true}") boolean scheduled) {
        this.queries = queries;
        this.planner = planner;
        this.patients = patients;
        this.accounts = accounts;
        this.messages = messages;
        this.push = push;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.lookback = lookback;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.node = node.isBlank()
                ? java.lang.management.ManagementFactory.getRuntimeMXBean().getName()
                : node;
        this.scheduled = scheduled;
    }

    @Scheduled(
            fixedDelayString = "${hemonet.reminders.interval:PT1M}",
            initialDelayString = "${hemonet.reminders.interval:PT1M}")
    @SchedulerLock(name = "reminder-dispatch", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    void onSchedule() {
        if (!scheduled) {
            return;
        }
        try {
            int delivered = dispatch();
            if (delivered > 0) {
                log.info("Reminders: {} delivered", delivered);
            }
        } catch (DataAccessException e) {
            log.warn(
                    "Reminder dispatch failed; it runs again on schedule: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** Queues what is due and delivers what may go now; returns how many deliveries this node made. */
    int dispatch() {
        queueDue();
        return deliver();
    }

    /** This node's name, written on each row it delivers. */
    String node() {
        return node;
    }

    /** Queues every patient's items that fell due in the look-back window; returns how many rows were new. */
    int queueDue() {
        Instant now = clock.instant();
        int queued = 0;
        for (UUID patientId : queries.switchedOnPatients()) {
            ZoneId zone = patients.zoneOf(patientId).orElse(null);
            Instant switchedOn = queries.switchedOn(patientId).orElse(null);
            if (zone == null || switchedOn == null) {
                continue;
            }
            List<ReminderQueries.PreferenceRow> choices = queries.preferences(
                    accounts.holdersOf(patientId).stream().map(Account::id).toList());
            if (choices.stream().allMatch(c -> c.channels().isEmpty())) {
                continue;
            }
            Instant from = now.minus(lookback);
            if (from.isBefore(switchedOn)) {
                from = switchedOn;
            }
            List<DueReminder> due = planner.due(patientId, zone, from, now.plusNanos(1));
            for (ReminderPlanner.Planned p : ReminderPlanner.deliveries(due, choices, zone)) {
                if (queries.enqueue(
                        patientId,
                        p.accountId(),
                        p.item().kind(),
                        p.item().dueAt(),
                        p.channel(),
                        p.deliverAt(),
                        p.item().link(),
                        now)) {
                    queued++;
                }
            }
        }
        return queued;
    }

    /** Delivers the queued rows whose time has come, batch by batch. */
    int deliver() {
        int delivered = 0;
        while (true) {
            Integer batch = transaction.execute(status -> deliverBatch());
            if (batch == null || batch < 0) {
                return delivered;
            }
            delivered += batch;
        }
    }

    private int deliverBatch() {
        Instant now = clock.instant();
        List<ReminderQueries.Delivery> due = queries.claimDue(now, BATCH);
        if (due.isEmpty()) {
            return -1;
        }
        int delivered = 0;
        for (ReminderQueries.Delivery d : due) {
            boolean stillChosen = queries.preference(d.accountId())
                    .map(p -> p.channels().contains(d.channel()))
                    .orElse(false);
            if (!stillChosen) {
                // the person switched this channel off while the reminder waited (e.g. for quiet hours to end)
                queries.markFailed(d.id(), "channel switched off", true, now);
                continue;
            }
            try {
                switch (d.channel()) {
                    case IN_APP -> queries.markSent(d.id(), now, node);
                    case EMAIL -> {
                        if (messages.queueNotice(
                                d.accountId(), ReminderTexts.SUBJECT, ReminderTexts.mailBody(baseUrl))) {
                            queries.markSent(d.id(), now, node);
                        } else {
                            queries.markFailed(d.id(), "no e-mail address", true, now);
                            continue;
                        }
                    }
                    case WEB_PUSH -> {
                        if (push.sendTo(d.accountId()) > 0) {
                            queries.markSent(d.id(), now, node);
                        } else {
                            queries.markFailed(d.id(), "no push subscription", true, now);
                            continue;
                        }
                    }
                }
                delivered++;
            } catch (RuntimeException e) {
                int attempts = d.attempts() + 1;
                Instant retryAt = now.plus(Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts, 6))));
                queries.markFailed(d.id(), e.getClass().getSimpleName(), attempts >= MAX_ATTEMPTS, retryAt);
                log.warn(
                        "Reminder {} not delivered (attempt {}): {}",
                        d.id(),
                        attempts,
                        e.getClass().getSimpleName());
            }
        }
        return delivered;
    }
}
