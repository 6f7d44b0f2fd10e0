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
 * Each patient's outcome figures of a calendar year as the centres compared count them (issue 18, speed: "every report
 * endpoint reads incremental read models, not the raw diary"): the bleeding of the cohorts ({@link
 * CohortOutcomes#bleedsOf}) and the further measures ({@link CentreMeasures}), computed from the patient's diary by the
 * outcome engine and kept, per patient, with what they were computed from — the diary's change counter ({@code
 * diary.patient_change}, kept by triggers on every writer), the patient's record (time zone, weights), the treatment
 * plans that give the scheduled doses ({@link ScheduledDoses#scheduleStamps}) and today's date in the patient's zone
 * while it falls in the year (the observation time runs to today, clinical.md §4). A year asked again recomputes only
 * the patients for whom one of these changed: on a national network a new view after a day of syncing reads the
 * diaries of the patients who synced, not of all 8,000.
 *
 * <p>The counters and plans are read before the diaries, so a change committed in between makes the kept figures look
 * stale the next time, never fresh. The figures are the engine's own, so they equal the figures computed straight from
 * the rows ({@code PatientYearsTest}). Off ({@code hemonet.report.patient-years.keep=false}) every year is computed
 * whole.
 */
@Component
class PatientYears {

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
    private final boolean keep;
    private final ConcurrentMap<UUID, Kept> kept = new ConcurrentHashMap<>();

    /** Patient-years computed from the diary since start (tests and benchmarks). */
    final AtomicLong computed = new AtomicLong();

    PatientYears(
            CohortOutcomes cohorts,
            CentreMeasures measures,
            BleedDiary diary,
            ScheduledDoses schedule,
            Clock clock,
            @Value("${hemonet.report.patient-years.keep:true}") boolean keep) {
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
        List<PatientSummary> stale = new ArrayList<>();
        for (PatientSummary p : everyone) {
            Kept k = keep ? kept.get(p.id()) : null;
            Dated d = k != null && k.answers(versions.getOrDefault(p.id(), 0L), p, plans.get(p.id()))
                    ? k.years().get(year)
                    : null;
            if (d != null && d.today().equals(today(p, to))) {
                put(figures, p.id(), d.figures());
            } else {
                stale.add(p);
            }
        }
        if (stale.isEmpty()) {
            return figures;
        }
        computed.addAndGet(stale.size());
        Map<UUID, CohortOutcomes.PatientBleeds> bleeds = cohorts.bleedsOf(stale, from, to);
        Map<UUID, CentreMeasures.Measured> measured = measures.measure(stale, from, to);
        if (keep && kept.size() + stale.size() > MAX_KEPT) {
            kept.clear();
        }
        for (PatientSummary p : stale) {
            Figures f = new Figures(bleeds.get(p.id()), measured.get(p.id()));
            put(figures, p.id(), f);
            if (keep) {
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
        }
        return figures;
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

    /** Forgets every kept figure (tests). */
    void forget() {
        kept.clear();
    }
}
