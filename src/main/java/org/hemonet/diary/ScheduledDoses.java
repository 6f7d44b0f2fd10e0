package org.hemonet.diary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The prophylaxis schedule of a patient, for adherence and breakthrough bleeds (clinical.md §3, §4).
 *
 * <p>The default implementation knows no schedule; it is replaced by the product/supply modules (issue #5), which own
 * treatment plans.
 */
public interface ScheduledDoses {

    /** The scheduled prophylaxis doses from {@code from} (inclusive) to {@code to} (exclusive), in time order. */
    List<Instant> dosesBetween(UUID patientId, Instant from, Instant to);

    /** The periods in which a prophylaxis regimen was active, in time order; {@code to} null while still active. */
    List<RegimenPeriod> prophylaxisPeriods(UUID patientId);
}
