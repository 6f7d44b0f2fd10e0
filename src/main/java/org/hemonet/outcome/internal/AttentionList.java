package org.hemonet.outcome.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.ScheduledDoses;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSearch;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * "Patients needing attention" for centre staff (issue 6): every patient of the actor's centres (and shared care) with
 * the reasons of {@link AttentionRules}. Built as one read model: the patient list, then the diaries, the entry spans
 * and the scheduled doses of all of them in a handful of queries (not one engine run and audit row per patient). The
 * view is audited once, as a list view; patient-level roles other than centre staff are refused (403).
 */
@Service
class AttentionList {

    private final PatientRegistry patients;

    private final BleedDiary diary;
    private final ScheduledDoses schedule;
    private final AuditLog auditLog;
    private final Clock clock;

    AttentionList(PatientRegistry patients, BleedDiary diary, ScheduledDoses schedule, AuditLog auditLog, Clock clock) {
        this.patients = patients;
        this.diary = diary;
        this.schedule = schedule;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    record Row(PatientSummary patient, List<AttentionRules.Reason> reasons) {}

    record Result(int patientsChecked, List<Row> rows) {}

    Result forActor(Actor actor) {
        if (!Role.of(actor.role()).isCentreStaff()) {
            throw new AccessDeniedException("the attention list is for centre staff");
        }
        List<PatientSummary> all = patients.search(
                        actor, new PatientSearch(null, null, null, null, null, 0, Integer.MAX_VALUE))
                .items();
        auditLog.record(AuditEvent.by(actor, AuditAction.SEARCH, null, "AttentionList", null, AuditOutcome.SUCCESS));
        Map<UUID, List<AttentionRules.Reason>> reasons = reasonsFor(
                all.stream().collect(Collectors.toMap(PatientSummary::id, PatientSummary::timeZone)), clock.instant());
        List<Row> rows = new ArrayList<>();
        for (PatientSummary p : all) {
            List<AttentionRules.Reason> r = reasons.getOrDefault(p.id(), List.of());
            if (!r.isEmpty()) {
                rows.add(new Row(p, r));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> -r.reasons().size())
                .thenComparing(r -> r.patient().familyName())
                .thenComparing(r -> r.patient().givenName()));
        return new Result(all.size(), rows);
    }

    /**
     * The reasons of each patient that has any: the diaries, entry spans and scheduled doses of all of them read at
     * once (four queries whatever their number), then {@link AttentionRules} in memory.
     */
    Map<UUID, List<AttentionRules.Reason>> reasonsFor(Map<UUID, ZoneId> zones, Instant now) {
        Set<UUID> ids = zones.keySet();
        Instant since = now.minus(Duration.ofDays(AttentionRules.ADHERENCE_DAYS + 1));
        Map<UUID, BleedDiary.DiaryFacts> entries = diary.factsOf(ids, since);
        Map<UUID, BleedDiary.EntrySpan> spans = diary.entrySpans(ids);
        Map<UUID, List<Instant>> doses = schedule.dosesBetween(ids, since, now);
        Map<UUID, List<AttentionRules.Reason>> result = new java.util.HashMap<>();
        for (UUID id : ids) {
            BleedDiary.DiaryFacts e = entries.get(id);
            BleedDiary.EntrySpan span = spans.get(id);
            List<AttentionRules.Reason> reasons = AttentionRules.reasons(
                    new AttentionRules.PatientDiary(
                            e.bleeds(),
                            e.infusions(),
                            doses.getOrDefault(id, List.of()),
                            span == null ? null : span.first(),
                            span == null ? null : span.last()),
                    zones.get(id),
                    now);
            if (!reasons.isEmpty()) {
                result.put(id, reasons);
            }
        }
        return result;
    }
}
