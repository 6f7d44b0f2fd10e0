package org.hemonet.diary;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The diaries of a cohort within a period, and when each patient's diary began (absent: no entry at all), for cohort
 * outcomes (issue 6).
 */
public record CohortEntries(Map<UUID, BleedDiary.DiaryEntries> entries, Map<UUID, Instant> firstEntry) {}
