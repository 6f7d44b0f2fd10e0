package org.hemonet.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the centres compared's facts of the last complete year, the current one and the eight before (a ten-year trend)
 * in the background once the application has started (issue 18, speed: on a national network the first reading of a year passes over every
 * patient's diary, ≈ 15–30 s a year on this 2-core machine, and once stored in {@code report.patient_year} ≈ 2–5 s to
 * read back after a restart; after it, a filter costs milliseconds and a change only the changed patients). Only while
 * dashboards are kept ({@link ReportSnapshots#enabled}); {@code hemonet.report.warm-up=false} turns it off. A view
 * that arrives during the warm-up waits for it rather than reading the year a second time.
 */
@Component
class ComparisonWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ComparisonWarmUp.class);

    private final CentreComparison comparison;
    private final ReportSnapshots snapshots;
    private final NetworkTime networkTime;
    private final boolean enabled;

    /** Years before the current one read in advance: a ten-year trend to the last complete year. */
    static final int TREND_YEARS = 10;

    ComparisonWarmUp(
            CentreComparison comparison,
            ReportSnapshots snapshots,
            NetworkTime networkTime,
            @Value("${hemonet.report.warm-up:true}") boolean enabled) {
        this.comparison = comparison;
        this.snapshots = snapshots;
        this.networkTime = networkTime;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!enabled || !snapshots.enabled()) {
            return;
        }
        Thread thread = new Thread(this::readYears, "report-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    void readYears() {
        long start = System.nanoTime();
        int current = networkTime.lastCompleteYear() + 1;
        try {
            // the years a view opens first (the last complete one, the current one), then the rest of a ten-year trend
            comparison.facts(current - 1);
            comparison.facts(current);
            for (int year = current - 2; year >= current - TREND_YEARS; year--) {
                comparison.facts(year);
            }
            log.info(
                    "Centres compared ready for {} to {} in {} ms",
                    current - TREND_YEARS,
                    current,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn(
                    "Reading the centres compared's years in advance failed; the first view reads them: {}",
                    e.toString());
        }
    }
}
