package org.hemonet.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.CohortEntries;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionReason;
import org.hemonet.diary.ScheduledDoses;
import org.hemonet.outcome.OutcomeEngine;
import org.hemonet.outcome.OutcomeReport;
import org.hemonet.outcome.PatientOutcomes;
import org.hemonet.patient.PatientSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The patient-level outcome measures behind the further columns of the centres compared (issue 18), each computed by
 * the outcome module's {@link OutcomeEngine} exactly as for one patient (clinical.md §3–§4): AJBR, joint-immobilising
 * bleeds, target joints active in the year, mean pain, days lost from school or work, adherence to prophylaxis (Florio
 * window) and diary completeness (logged prophylactic infusions ÷ doses expected by the regimen). Raw figures, no access
 * check: {@link CentreComparison} decides who sees them and passes them through {@link DisclosureControl}.
 *
 * <p>The diary is read in a fixed number of queries whatever the cohort's size: entries from {@link #LOOK_BACK_MONTHS}
 * months before the year (a target joint active in the year is made by three spontaneous episodes within six months and
 * stays active while the joint keeps bleeding, clinical.md §3, so the two years before hold what made it or kept it),
 * first entries (the diary's start, as the cohorts count it), and the scheduled doses of every patient at once.
 */
@Component
class CentreMeasures {

    /** How far before the period entries are read, for target joints. */
    static final int LOOK_BACK_MONTHS = 24;

    /**
     * One patient's measures in the period; null where undefined (no prophylaxis schedule: no adherence).
     *
     * @param observationDays the days of diary time in the period (clinical.md §4)
     * @param painMean the mean pain of the bleed episodes in the period that recorded one; null when none did
     * @param daysLost days lost from school and work over the period's episodes
     * @param completenessPercent logged prophylactic infusions ÷ scheduled doses in the observation time × 100
     */
    record Measured(
            UUID patientId,
            int observationDays,
            @Nullable BigDecimal ajbr,
            int jointImmobilising,
            boolean targetJoint,
            @Nullable BigDecimal painMean,
            int daysLost,
            @Nullable BigDecimal adherencePercent,
            @Nullable BigDecimal completenessPercent) {}

    private final BleedDiary diary;
    private final ScheduledDoses schedule;
    private final Clock clock;

    CentreMeasures(BleedDiary diary, ScheduledDoses schedule, Clock clock) {
        this.diary = diary;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** The measures of every patient of {@code cohort} with diary time in [from, to]; the others are left out. */
    Map<UUID, Measured> measure(List<PatientSummary> cohort, LocalDate from, LocalDate to) {
        Map<UUID, Measured> measured = new HashMap<>();
        if (cohort.isEmpty()) {
            return measured;
        }
        // a day more on each side: each patient's days are counted in the patient's own time zone
        Instant start = from.minusMonths(LOOK_BACK_MONTHS)
                .minusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant periodStart = from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        // a piece of the cohort at a time: a national cohort's diaries at once would not fit the heap (Chunks)
        for (List<PatientSummary> piece : org.hemonet.shared.Chunks.of(cohort, org.hemonet.shared.Chunks.PATIENTS)) {
            List<UUID> pieceIds = piece.stream().map(PatientSummary::id).toList();
            measurePiece(
                    piece,
                    diary.entriesOfPatients(pieceIds, start, end),
                    schedule.dosesBetween(pieceIds, periodStart, end),
                    from,
                    to,
                    measured);
        }
        return measured;
    }

    private void measurePiece(
            List<PatientSummary> piece,
            CohortEntries entries,
            Map<UUID, List<Instant>> doses,
            LocalDate from,
            LocalDate to,
            Map<UUID, Measured> measured) {
        for (PatientSummary p : piece) {
            Instant first = entries.firstEntry().get(p.id());
            if (first == null) {
                continue;
            }
            List<Instant> scheduled = doses.getOrDefault(p.id(), List.of());
            OutcomeEngine.Input input = new OutcomeEngine.Input(
                    p.timeZone(),
                    from,
                    to,
                    LocalDate.now(clock.withZone(p.timeZone())),
                    OutcomeEngine.date(first, p.timeZone()),
                    entries.bleedsOf(p.id()),
                    entries.infusionsOf(p.id()),
                    scheduled,
                    List.of(),
                    PatientOutcomes.weightsOf(p));
            OutcomeEngine.Window window = OutcomeEngine.observationWindow(input);
            if (window == null) {
                continue; // no diary time in the period: not zero bleeds (clinical.md §4)
            }
            OutcomeReport r = OutcomeEngine.compute(input);
            if (r.observationDays() == null) {
                continue;
            }
            measured.put(
                    p.id(),
                    new Measured(
                            p.id(),
                            r.observationDays(),
                            r.ajbr(),
                            r.jointImmobilisingBleeds() == null ? 0 : r.jointImmobilisingBleeds(),
                            !r.targetJoints().isEmpty(),
                            r.meanPain(),
                            nz(r.daysLostSchool()) + nz(r.daysLostWork()),
                            r.prophylaxisAdherencePercent(),
                            completeness(p, window, scheduled, entries.infusionsOf(p.id()))));
        }
    }

    /**
     * Diary completeness (clinical.md §4): prophylactic infusions logged in the observation time ÷ the doses the regimen
     * expected in it, in percent (1 decimal); null when no dose was expected. Above 100 % when more were logged.
     */
    static @Nullable BigDecimal completeness(
            PatientSummary p, OutcomeEngine.Window window, List<Instant> scheduled, List<Infusion> infusions) {
        Instant from = window.first().atStartOfDay(p.timeZone()).toInstant();
        Instant to = window.last().plusDays(1).atStartOfDay(p.timeZone()).toInstant();
        long expected = scheduled.stream()
                .filter(d -> !d.isBefore(from) && d.isBefore(to))
                .count();
        if (expected == 0) {
            return null;
        }
        long logged = infusions.stream()
                .filter(i -> !i.isVoided() && i.reason() == InfusionReason.PROPHYLAXIS)
                .filter(i ->
                        !i.administeredAt().isBefore(from) && i.administeredAt().isBefore(to))
                .count();
        return BigDecimal.valueOf(logged * 100L)
                .divide(BigDecimal.valueOf(expected), 1, java.math.RoundingMode.HALF_UP);
    }

    private static int nz(@Nullable Integer value) {
        return value == null ? 0 : value;
    }
}
