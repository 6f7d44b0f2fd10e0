package org.hemonet.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.hemonet.centre.NetworkSettings;
import org.springframework.stereotype.Component;

/**
 * Today, this month and this year in the network's own time zone ({@code hemonet.network.time-zone}, issue 19): the
 * calendar of network reports (months of deliveries, calendar years of comparisons and extracts). Nothing in the
 * reports hard-codes a zone.
 */
@Component
public class NetworkTime {

    private final Clock clock;
    private final ZoneId zone;

    NetworkTime(Clock clock, NetworkSettings network) {
        this.clock = clock;
        this.zone = network.timeZone();
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    /** The default year of every comparison: the last complete calendar year. */
    public int lastCompleteYear() {
        return today().getYear() - 1;
    }
}
