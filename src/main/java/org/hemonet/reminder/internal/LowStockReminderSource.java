package org.hemonet.reminder.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hemonet.reminder.DueReminder;
import org.hemonet.reminder.ReminderKind;
import org.hemonet.reminder.ReminderSource;
import org.hemonet.supply.HomeStock;
import org.hemonet.supply.StockReport;
import org.springframework.stereotype.Component;

/**
 * Stock running low: while the home-stock forecast says the active prophylaxis product lasts fewer than the alert days
 * (supply's {@link StockReport#lowStock()}), one reminder a day at 09:00 the patient's time, today's and tomorrow's,
 * linking to the patient's treatment page (home stock and deliveries).
 */
@Component
class LowStockReminderSource implements ReminderSource {

    static final LocalTime AT = LocalTime.of(9, 0);

    private final HomeStock homeStock;

    LowStockReminderSource(HomeStock homeStock) {
        this.homeStock = homeStock;
    }

    @Override
    public List<DueReminder> dueBetween(UUID patientId, ZoneId zone, Instant from, Instant to) {
        StockReport stock = homeStock.stockOf(patientId);
        if (!stock.lowStock() || stock.daysOfStockLeft() == null) {
            return List.of();
        }
        List<DueReminder> due = new ArrayList<>();
        LocalDate today = stock.asOf();
        for (LocalDate day : List.of(today.minusDays(1), today, today.plusDays(1))) {
            Instant at = day.atTime(AT).atZone(zone).toInstant();
            if (!at.isBefore(from) && at.isBefore(to)) {
                due.add(new DueReminder(
                        ReminderKind.LOW_STOCK,
                        at,
                        "/patients/" + patientId + "/treatment",
                        String.valueOf(stock.daysOfStockLeft())));
            }
        }
        return due;
    }
}
