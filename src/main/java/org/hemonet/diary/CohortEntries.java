package org.hemonet.diary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The living diaries of a cohort within a period, by patient, and when each patient's diary began (absent: no entry at
 * all), for cohort outcomes (issue 6).
 */
public record CohortEntries(
        Map<UUID, List<Bleed>> bleeds, Map<UUID, List<Infusion>> infusions, Map<UUID, Instant> firstEntry) {

    public List<Bleed> bleedsOf(UUID patientId) {
        return bleeds.getOrDefault(patientId, List.of());
    }

    public List<Infusion> infusionsOf(UUID patientId) {
        return infusions.getOrDefault(patientId, List.of());
    }
}
