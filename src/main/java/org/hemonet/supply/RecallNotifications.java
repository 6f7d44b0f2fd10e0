package org.hemonet.supply;

import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.hemonet.message.MessageAcknowledged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the people a recall reaches, through the message module (issue 5): on {@link BatchRecalled} and
 * {@link RecallReached}, after the recall's transaction committed, every reached patient and centre not yet notified
 * gets one in-app message and one e-mail. A repeated event changes nothing (notified rows are skipped, and the message
 * module sends one message per recipient and recall).
 *
 * <p>The listener lives in supply, not in message: the message module stays a general inbox that depends on nothing
 * domain-specific (shared, identity, patient, centre, audit), and supply depends on it. A patient's acknowledgement in
 * the inbox comes back as {@link MessageAcknowledged}, recorded on the recall in the same transaction.
 *
 * <p>The periodic refresh keeps recalls live when nobody reads them: a delivery or infusion from a recalled batch after
 * the recall reaches its patient within {@code hemonet.recall.refresh-interval} (one minute by default).
 */
@Component
class RecallNotifications {

    private static final Logger log = LoggerFactory.getLogger(RecallNotifications.class);

    private final BatchRecalls recalls;

    RecallNotifications(BatchRecalls recalls) {
        this.recalls = recalls;
    }

    @ApplicationModuleListener
    void on(BatchRecalled recalled) {
        recalls.notifyOutstanding(recalled.recallId());
    }

    @ApplicationModuleListener
    void on(RecallReached reached) {
        recalls.notifyOutstanding(reached.recallId());
    }

    @EventListener
    void on(MessageAcknowledged acknowledged) {
        recalls.recordAcknowledgement(acknowledged);
    }

    @Scheduled(
            fixedDelayString = "${hemonet.recall.refresh-interval:PT1M}",
            initialDelayString = "${hemonet.recall.refresh-interval:PT1M}")
    @SchedulerLock(name = "recall-refresh", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    void refreshLiveRecalls() {
        for (UUID recallId : recalls.liveRecalls()) {
            try {
                recalls.refresh(recallId);
                recalls.notifyOutstanding(recallId);
            } catch (RuntimeException e) {
                log.warn(
                        "A recall could not be refreshed; it is tried again: {}",
                        e.getClass().getSimpleName());
            }
        }
    }
}
