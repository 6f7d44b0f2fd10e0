package org.hemonet.outcome.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.BleedSite;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.RegimenPeriod;
import org.hemonet.diary.ScheduledDoses;
import org.hemonet.outcome.BleedEpisode;
import org.hemonet.outcome.OutcomeEngine;
import org.hemonet.outcome.OutcomeReport;
import org.hemonet.outcome.PatientOutcomes;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What the patient's outcome dashboard and the clinician's diary review show (issue 6), read fresh from the stored diary
 * on every request (no cache: an entry logged a moment ago is there). One audit event per page view; a patient the
 * actor may not see is audited as denied and reported as not found; aggregate roles and administrators are refused.
 */
@Service
class OutcomeViews {

    static final int LAST_BLEEDS = 5;
    static final int QUARTERS = 8;

    private final PatientRegistry patients;
    private final PatientOutcomes outcomes;
    private final AuditLog auditLog;
    private final BleedDiary diary;
    private final ScheduledDoses schedule;
    private final Clock clock;

    OutcomeViews(
            PatientRegistry patients,
            PatientOutcomes outcomes,
            AuditLog auditLog,
            BleedDiary diary,
            ScheduledDoses schedule,
            Clock clock) {
        this.patients = patients;
        this.outcomes = outcomes;
        this.auditLog = auditLog;
        this.diary = diary;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Today where the patient lives (the registry's time zone of the patient). */
    LocalDate today(PatientSummary patient) {
        return LocalDate.now(clock.withZone(patient.timeZone()));
    }

    /** The patient if the actor may see them; else 403 (aggregate roles, admins) or an audited 404. */
    PatientSummary require(Actor actor, UUID patientId, String resourceType) {
        return outcomes.require(actor, patientId, resourceType);
    }

    /** The records a patient or parent account holds (for the child tabs), oldest first; not audited. */
    List<PatientSummary> held(Actor actor) {
        return actor.patientIds().stream()
                .map(id -> patients.find(actor, id))
                .flatMap(java.util.Optional::stream)
                .sorted(Comparator.comparing(PatientSummary::dateOfBirth).reversed())
                .toList();
    }

    record Dashboard(
            PatientSummary patient,
            LocalDate today,
            List<Bleed> lastBleeds,
            List<OutcomeCharts.Month> calendar,
            int calendarBleeds,
            List<OutcomeCharts.Spot> bodyMap,
            List<OutcomeCharts.SiteCount> siteCounts,
            List<OutcomeCharts.SiteCount> otherSites,
            List<OutcomeCharts.QuarterBar> abrTrend,
            OutcomeReport year,
            OutcomeReport last90) {}

    /** The patient's dashboard: last bleeds, 12-month calendar, body map, ABR per quarter and adherence. */
    Dashboard dashboard(Actor actor, PatientSummary patient) {
        ZoneId zone = patient.timeZone();
        LocalDate today = today(patient);
        BleedDiary.DiaryEntries entries = diary.entriesOf(patient.id());
        Sources sources = sources(patient, entries, today.minusYears(2), today);
        LocalDate yearStart = today.minusYears(1).plusDays(1);
        OutcomeReport year = sources.report(yearStart, today, today);
        OutcomeReport last90 = sources.report(today.minusDays(89), today, today);
        List<BleedEpisode> yearEpisodes = OutcomeEngine.episodes(entries.bleeds(), entries.infusions()).stream()
                .filter(e -> !OutcomeEngine.date(e.start(), zone).isBefore(yearStart))
                .toList();
        var counts = OutcomeCharts.countBySite(yearEpisodes);
        List<OutcomeCharts.SiteCount> siteCounts = OutcomeCharts.siteCounts(counts);
        List<Bleed> live = entries.bleeds().stream().filter(b -> !b.isVoided()).toList();
        List<Bleed> lastBleeds = new ArrayList<>(live);
        java.util.Collections.reverse(lastBleeds);
        List<OutcomeCharts.Month> calendar = OutcomeCharts.calendar(live, zone, today);
        auditLog.patientAccess(AuditAction.READ, patient.id(), "OutcomeDashboard", null, AuditOutcome.SUCCESS);
        return new Dashboard(
                patient,
                today,
                lastBleeds.subList(0, Math.min(LAST_BLEEDS, lastBleeds.size())),
                calendar,
                calendar.stream().mapToInt(OutcomeCharts.Month::bleeds).sum(),
                OutcomeCharts.bodyMap(counts),
                siteCounts,
                siteCounts.stream()
                        .filter(c -> !OutcomeCharts.onFigure(c.site()))
                        .toList(),
                OutcomeCharts.abrByQuarter(today, QUARTERS, p -> sources.report(p[0], p[1], today)),
                year,
                last90);
    }

    /** One entry of the review's chronological list (the timeline's text alternative), newest first. */
    record Entry(Instant at, @Nullable Bleed bleed, @Nullable Infusion infusion, boolean target) {

        public boolean isBleed() {
            return bleed != null;
        }
    }

    record Review(
            PatientSummary patient,
            LocalDate from,
            LocalDate to,
            OutcomeReport outcomes,
            OutcomeCharts.Timeline timeline,
            List<Entry> entries,
            int scheduledDoses,
            int coveredDoses,
            Set<BleedSite> targetSites,
            List<RegimenPeriod> regimens) {}

    /** The clinician's review of a patient's diary for [from, to]. */
    Review review(Actor actor, PatientSummary patient, LocalDate from, LocalDate to) {
        ZoneId zone = patient.timeZone();
        LocalDate today = today(patient);
        BleedDiary.DiaryEntries entries = diary.entriesOf(patient.id());
        Sources sources = sources(patient, entries, from, to);
        OutcomeReport outcomes = sources.report(from, to, today);
        Set<BleedSite> targets =
                outcomes.targetJoints().stream().map(OutcomeReport.Target::site).collect(Collectors.toSet());
        OutcomeCharts.Timeline timeline =
                OutcomeCharts.timeline(from, to, zone, entries.bleeds(), entries.infusions(), sources.doses, targets);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Entry> list = new ArrayList<>();
        for (Bleed b : entries.bleeds()) {
            if (!b.startedAt().isBefore(start) && b.startedAt().isBefore(end)) {
                list.add(new Entry(b.startedAt(), b, null, targets.contains(b.site())));
            }
        }
        for (Infusion i : entries.infusions()) {
            if (!i.administeredAt().isBefore(start) && i.administeredAt().isBefore(end)) {
                list.add(new Entry(i.administeredAt(), null, i, false));
            }
        }
        list.sort(Comparator.comparing(Entry::at).reversed());
        auditLog.patientAccess(AuditAction.READ, patient.id(), "DiaryReview", null, AuditOutcome.SUCCESS);
        return new Review(
                patient,
                from,
                to,
                outcomes,
                timeline,
                list,
                timeline.doses().size(),
                (int) timeline.doses().stream()
                        .filter(OutcomeCharts.DoseMark::covered)
                        .count(),
                targets,
                sources.regimens);
    }

    /** The inputs of the engine for one patient, read once per page. */
    private final class Sources {
        final PatientSummary patient;
        final BleedDiary.DiaryEntries entries;
        final List<Instant> doses;
        final List<RegimenPeriod> regimens;
        final NavigableMap<LocalDate, BigDecimal> weights;

        Sources(PatientSummary patient, BleedDiary.DiaryEntries entries, List<Instant> doses, List<RegimenPeriod> r) {
            this.patient = patient;
            this.entries = entries;
            this.doses = doses;
            this.regimens = r;
            this.weights = PatientOutcomes.weightsOf(patient);
        }

        OutcomeReport report(LocalDate from, LocalDate to, LocalDate today) {
            return OutcomeEngine.compute(new OutcomeEngine.Input(
                    patient.timeZone(),
                    from,
                    to,
                    today,
                    null,
                    entries.bleeds(),
                    entries.infusions(),
                    doses,
                    regimens,
                    weights));
        }
    }

    private Sources sources(PatientSummary patient, BleedDiary.DiaryEntries entries, LocalDate from, LocalDate to) {
        Instant start = from.minusMonths(6).atStartOfDay(patient.timeZone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(patient.timeZone()).toInstant();
        return new Sources(
                patient,
                entries,
                schedule.dosesBetween(patient.id(), start, end),
                schedule.prophylaxisPeriods(patient.id()));
    }
}
