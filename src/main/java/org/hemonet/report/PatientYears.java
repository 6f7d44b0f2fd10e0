package org.hemonet.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.ScheduledDoses;
import org.hemonet.outcome.CohortOutcomes;
import org.hemonet.patient.PatientSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each patient's outcome figures of a calendar year as the centres compared count them (issue 18, speed: every report
 * endpoint reads incremental read models, not the raw diary): the bleeding of the cohorts ({@link
 * CohortOutcomes#bleedsOf}) and the further measures ({@link CentreMeasures}), computed from the patient's diary by the
 * outcome engine and kept, per patient, with what they were computed from — the diary's change counter ({@code
 * diary.patient_change}, kept by triggers on every writer), the patient's record (time zone, weights), the treatment
 * plans that give the scheduled doses ({@link ScheduledDoses#scheduleStamps}) and today's date in the patient's zone
 * while it falls in the year (the observation time runs to today, clinical.md §4). A year asked again recomputes only
 * the patients for whom one of these changed: on a national network a new view after a day of syncing reads the
 * diaries of the patients who synced, not of all 8,000.
 *
 * <p>Kept in memory and in {@code report.patient_year} ({@link PatientYearRows}) with a digest of those inputs
 * ({@link #inputs}), so that they survive restarts: a national network's ten years are computed once, not at every
 * start. The counters and plans are read before the diaries, so a change committed in between makes the kept figures
 * look stale the next time, never fresh. The figures are the engine's own, so they equal the figures computed straight from
 * the rows ({@code PatientYearsTest}). Off ({@code hemonet.report.patient-years.keep=false}) every year is computed
 * whole.
 */
@Component
class PatientYears {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PatientYears.class);

    /** Patients kept at most (every year of each); beyond it the memory starts again. */
    static final int MAX_KEPT = 100_000;

    /** One patient's figures of one year; either may be null (no diary time in the year: not zero bleeds, §4). */
    record Figures(CohortOutcomes.@Nullable PatientBleeds bleeds, CentreMeasures.@Nullable Measured measured) {}

    /** A patient's kept figures, per year, with what they were computed from. */
    private record Kept(
            long version, PatientSummary summary, @Nullable Object plans, ConcurrentMap<Integer, Dated> years) {

        boolean answers(long version, PatientSummary summary, @Nullable Object plans) {
            return this.version == version && this.summary.equals(summary) && Objects.equals(this.plans, plans);
        }
    }

    /** A year's figures with the day they were computed on, as the observation time saw it. */
    private record Dated(LocalDate today, Figures figures) {}

    private final CohortOutcomes cohorts;
    private final CentreMeasures measures;
    private final BleedDiary diary;
    private final ScheduledDoses schedule;
    private final Clock clock;
    private final PatientYearRows rows;
    private final boolean keep;
    private final ConcurrentMap<UUID, Kept> kept = new ConcurrentHashMap<>();

    /** Patient-years computed from the diary since start (tests and benchmarks). */
    final AtomicLong computed = new AtomicLong();

    /** Patient-years read back from {@code report.patient_year} since start (tests and benchmarks). */
    final AtomicLong loaded = new AtomicLong();

    PatientYears(
            CohortOutcomes cohorts,
            CentreMeasures measures,
            BleedDiary diary,
            ScheduledDoses schedule,
            Clock clock,
            PatientYearRows rows,
            @Value("${hemonet.report.patient-years.keep:true}") boolean keep) {
        this.rows = rows;
        this.cohorts = cohorts;
        this.measures = measures;
        this.diary = diary;
        this.schedule = schedule;
        this.clock = clock;
        this.keep = keep;
    }

    /** The figures of every patient of {@code everyone} with diary time in {@code year}; the others are absent. */
    Map<UUID, Figures> of(int year, List<PatientSummary> everyone) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        List<UUID> ids = everyone.stream().map(PatientSummary::id).toList();
        Map<UUID, Long> versions = keep ? diary.changeVersions(ids) : Map.of();
        Map<UUID, ?> plans = keep ? schedule.scheduleStamps(ids) : Map.of();
        Map<UUID, Figures> figures = new HashMap<>();
        List<PatientSummary> missed = new ArrayList<>();
        for (PatientSummary p : everyone) {
            Kept k = keep ? kept.get(p.id()) : null;
            Dated d = k != null && k.answers(versions.getOrDefault(p.id(), 0L), p, plans.get(p.id()))
                    ? k.years().get(year)
                    : null;
            if (d != null && d.today().equals(today(p, to))) {
                put(figures, p.id(), d.figures());
            } else {
                missed.add(p);
            }
        }
        if (missed.isEmpty()) {
            return figures;
        }
        // not in memory: the stored row if it was computed from the same inputs, else computed now
        Map<UUID, PatientYearRows.Row> stored =
                keep ? rows.of(year, missed.stream().map(PatientSummary::id).toList()) : Map.of();
        List<PatientSummary> stale = new ArrayList<>();
        Map<UUID, String> inputs = new HashMap<>();
        for (PatientSummary p : missed) {
            String digest = keep ? inputs(versions.getOrDefault(p.id(), 0L), p, plans.get(p.id()), today(p, to)) : "";
            PatientYearRows.Row row = stored.get(p.id());
            if (row != null && row.inputs().equals(digest)) {
                loaded.incrementAndGet();
                put(figures, p.id(), row.figures());
                remember(p, year, versions, plans, to, row.figures());
            } else {
                stale.add(p);
                inputs.put(p.id(), digest);
            }
        }
        if (stale.isEmpty()) {
            return figures;
        }
        computed.addAndGet(stale.size());
        Map<UUID, CohortOutcomes.PatientBleeds> bleeds = cohorts.bleedsOf(stale, from, to);
        Map<UUID, CentreMeasures.Measured> measured = measures.measure(stale, from, to);
        List<Map.Entry<UUID, PatientYearRows.Row>> toStore = new ArrayList<>();
        for (PatientSummary p : stale) {
            Figures f = new Figures(bleeds.get(p.id()), measured.get(p.id()));
            put(figures, p.id(), f);
            if (keep) {
                remember(p, year, versions, plans, to, f);
                toStore.add(Map.entry(p.id(), new PatientYearRows.Row(inputs.get(p.id()), f)));
            }
        }
        try {
            rows.store(year, toStore);
        } catch (RuntimeException e) {
            // the figures are right; only their keeping failed (they are computed again next time)
            log.warn("Keeping {} patients' figures of {} failed: {}", toStore.size(), year, e.toString());
        }
        return figures;
    }

    private void remember(
            PatientSummary p, int year, Map<UUID, Long> versions, Map<UUID, ?> plans, LocalDate to, Figures f) {
        if (!keep) {
            return;
        }
        if (kept.size() >= MAX_KEPT && !kept.containsKey(p.id())) {
            kept.clear();
        }
        long version = versions.getOrDefault(p.id(), 0L);
        Object plan = plans.get(p.id());
        kept.compute(
                        p.id(),
                        (id, old) -> old != null && old.answers(version, p, plan)
                                ? old
                                : new Kept(version, p, plan, new ConcurrentHashMap<>()))
                .years()
                .put(year, new Dated(today(p, to), f));
    }

    /**
     * The digest of what a patient's figures of a year are computed from, stable across restarts: the diary's change
     * counter, the patient's record and treatment plans as their records print (values only: ids, dates, decimals,
     * enum names), and the day as it bears on the year.
     */
    static String inputs(long version, PatientSummary p, @Nullable Object plans, LocalDate today) {
        String planText = plans instanceof java.util.Collection<?> list
                ? list.stream().map(String::valueOf).sorted().toList().toString()
                : String.valueOf(plans);
        String text = version + "\n" + p + "\n" + planText + "\n" + today;
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(Map<UUID, Figures> figures, UUID id, Figures f) {
        if (f.bleeds() != null || f.measured() != null) {
            figures.put(id, f);
        }
    }

    /** Today in the patient's zone, as far as it bears on the year: any day after the year's end is the same. */
    private LocalDate today(PatientSummary p, LocalDate lastDayOfYear) {
        LocalDate today = LocalDate.now(clock.withZone(p.timeZone()));
        return today.isAfter(lastDayOfYear) ? lastDayOfYear.plusDays(1) : today;
    }
}
