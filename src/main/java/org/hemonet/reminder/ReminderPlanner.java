package org.hemonet.reminder;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks every {@link ReminderSource} what a patient has due and turns each item into one delivery per account and
 * channel that account chose, moved out of its quiet hours.
 */
@Component
class ReminderPlanner {

    private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);

    /** One delivery to make. */
    record Planned(DueReminder item, UUID accountId, Channel channel, Instant deliverAt) {}

    private final List<ReminderSource> sources;

    ReminderPlanner(List<ReminderSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * Everything due for the patient from {@code from} up to, not including, {@code to}, in time order; a failing
     * source is left out and logged.
     */
    List<DueReminder> due(UUID patientId, ZoneId zone, Instant from, Instant to) {
        List<DueReminder> due = new ArrayList<>();
        for (ReminderSource source : sources) {
            try {
                due.addAll(source.dueBetween(patientId, zone, from, to));
            } catch (RuntimeException e) {
                log.warn(
                        "Reminder source {} failed for a patient: {}",
                        source.getClass().getSimpleName(),
                        e.getClass().getSimpleName());
            }
        }
        due.removeIf(d -> d.dueAt().isBefore(from) || !d.dueAt().isBefore(to));
        due.sort(Comparator.comparing(DueReminder::dueAt).thenComparing(DueReminder::kind));
        return due;
    }

    /** The deliveries of {@code due} for these accounts' choices. */
    static List<Planned> deliveries(List<DueReminder> due, List<ReminderQueries.PreferenceRow> accounts, ZoneId zone) {
        List<Planned> planned = new ArrayList<>();
        for (DueReminder item : due) {
            for (ReminderQueries.PreferenceRow account : accounts) {
                @Nullable QuietHours quiet = account.quietHours();
                Instant deliverAt = quiet == null ? item.dueAt() : quiet.deliveryOf(item.dueAt(), zone);
                for (Channel channel : account.channels()) {
                    planned.add(new Planned(item, account.accountId(), channel, deliverAt));
                }
            }
        }
        return planned;
    }
}
