package org.hemonet.reminder;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A module that knows when a patient has something to do (a dose, a visit, a survey, a delivery to book) implements
 * this as a Spring bean; the reminder module asks every such bean and delivers what is due. The SPI lets modules that
 * the reminder module does not know (surveys, annual reviews) add reminders without a dependency from here to there.
 *
 * <p>Implementations answer without an actor (a background job asks) and must be cheap for one patient. The due
 * instant of an item is its identity: the same item asked for twice must come back with the same {@code dueAt}, or it
 * is a new reminder.
 */
public interface ReminderSource {

    /**
     * The patient's items due from {@code from} (inclusive) to {@code to} (exclusive), in any order.
     *
     * @param zone the patient's own time zone (their local times are counted in it)
     */
    List<DueReminder> dueBetween(UUID patientId, ZoneId zone, Instant from, Instant to);
}
