package org.hemonet.reminder;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;
import org.hemonet.identity.Account;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.message.ThreadPostForPatient;
import org.hemonet.patient.PatientRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Web Push for a new message from the centre (issue 16: "e-mail and push notifications say only 'You have a new
 * message from your centre'"): when the team writes in a patient's thread, every holder of the record who chose Web
 * Push gets a push without payload (the service worker shows a fixed text that names nothing clinical), unless it is in
 * their quiet hours — the e-mail and the unread count on the home page still say it. A push that fails is not retried
 * (the message waits in the app).
 */
@Component
class MessagePushes {

    private static final Logger log = LoggerFactory.getLogger(MessagePushes.class);

    private final WebPush push;
    private final ReminderQueries queries;
    private final AccountAdministration accounts;
    private final PatientRegistry patients;
    private final Clock clock;

    MessagePushes(
            WebPush push,
            ReminderQueries queries,
            AccountAdministration accounts,
            PatientRegistry patients,
            Clock clock) {
        this.push = push;
        this.queries = queries;
        this.accounts = accounts;
        this.patients = patients;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ThreadPostForPatient post) {
        ZoneId zone = patients.zoneOf(post.patientId()).orElse(ZoneId.of("UTC"));
        java.util.List<UUID> holders =
                accounts.holdersOf(post.patientId()).stream().map(Account::id).toList();
        for (ReminderQueries.PreferenceRow account : queries.preferences(holders)) {
            if (!account.channels().contains(Channel.WEB_PUSH)) {
                continue;
            }
            QuietHours quiet = account.quietHours();
            if (quiet != null && !quiet.deliveryOf(clock.instant(), zone).equals(clock.instant())) {
                continue; // in quiet hours: the e-mail and the app say it
            }
            try {
                push.sendTo(account.accountId());
            } catch (RuntimeException e) {
                log.info("A message push could not be delivered: {}", e.getMessage());
            }
        }
    }
}
