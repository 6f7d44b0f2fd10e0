package org.hemonet.outcome.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.ScheduledDoses;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientListing;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * "Patients needing attention" for centre staff (issue 6): every patient of the actor's centres (and shared care) with
 * the reasons of {@link AttentionRules}. Built as one read model: the patient list (only what the page shows of each,
 * {@link PatientRegistry#listing}), then each patient's kept reasons,
 * recomputing only the patients whose diary or schedule changed or whose reasons have expired (issue 14, see
 * {@link #reasonsFor}), their diaries, entry spans and scheduled doses read in a handful of queries (not one engine run
 * and audit row per patient). The view is audited once, as a list view; patient-level roles other than centre staff
 * are refused (403).
 */
@Service
class AttentionList {

    private final PatientRegistry patients;

    private final BleedDiary diary;
    private final ScheduledDoses schedule;
    private final Clock clock;

    AttentionList(PatientRegistry patients, BleedDiary diary, ScheduledDoses schedule, Clock clock) {
        this.patients = patients;
        this.diary = diary;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** The resource type of the view's audit event: one search, of this list (not one per patient). */
    static final String AUDITED_AS = "AttentionList";

    record Row(PatientListing patient, List<AttentionRules.Reason> reasons) {}

    record Result(int patientsChecked, List<Row> rows) {}

    Result forActor(Actor actor) {
        if (!Role.of(actor.role()).isCentreStaff()) {
            throw new AccessDeniedException("the attention list is for centre staff");
        }
        List<PatientListing> all = patients.listing(actor, AUDITED_AS);
        Map<UUID, List<AttentionRules.Reason>> reasons = reasonsFor(
                all.stream().collect(Collectors.toMap(PatientListing::id, PatientListing::timeZone)), clock.instant());
        List<Row> rows = new ArrayList<>();
        for (PatientListing p : all) {
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
     * The reasons of each patient that has any. Each patient's reasons are kept with what they were computed from (the
     * diary's change counter, the schedule, the time zone) and until when they hold ({@link AttentionRules#validUntil});
     * a patient is recomputed only when one of these changed or that moment has passed (issue 14: a 600-patient centre
     * is then one lookup of counters and one of plan digests, not three years of diaries nor every plan). The stale ones
     * are computed together: their diaries, entry spans and scheduled doses read at once (four queries whatever their
     * number; only their plans are read whole), then {@link AttentionRules} in memory. The counters and digests are read
     * before the diaries and plans, so a change committed in between makes the kept reasons look stale, never fresh.
     */
    Map<UUID, List<AttentionRules.Reason>> reasonsFor(Map<UUID, ZoneId> zones, Instant now) {
        Map<UUID, Long> versions = diary.changeVersions(zones.keySet());
        Map<UUID, ?> stamps = schedule.scheduleStamps(zones.keySet());
        Map<UUID, List<AttentionRules.Reason>> result = new HashMap<>();
        Map<UUID, ZoneId> stale = new HashMap<>();
        zones.forEach((id, zone) -> {
            Kept k = kept.get(id);
            if (k != null && k.answers(versions.getOrDefault(id, 0L), stamps.get(id), zone, now)) {
                if (!k.reasons().isEmpty()) {
                    result.put(id, k.reasons());
                }
            } else {
                stale.put(id, zone);
            }
        });
        if (stale.isEmpty()) {
            return result;
        }
        if (kept.size() + stale.size() > MAX_KEPT) {
            kept.clear();
        }
        Set<UUID> ids = stale.keySet();
        recomputed.addAndGet(ids.size());
        Instant since = now.minus(Duration.ofDays(AttentionRules.ADHERENCE_DAYS + 1));
        Map<UUID, BleedDiary.DiaryFacts> entries = diary.factsOf(ids, since);
        Map<UUID, BleedDiary.EntrySpan> spans = diary.entrySpans(ids);
        // up to the next local midnight in any zone, for validUntil (the rules ignore doses after now)
        Map<UUID, List<Instant>> doses = schedule.dosesBetween(ids, since, now.plus(DOSES_AHEAD));
        for (UUID id : ids) {
            BleedDiary.DiaryFacts e = entries.get(id);
            BleedDiary.EntrySpan span = spans.get(id);
            AttentionRules.PatientDiary patientDiary = new AttentionRules.PatientDiary(
                    e.bleeds(),
                    e.infusions(),
                    doses.getOrDefault(id, List.of()),
                    span == null ? null : span.first(),
                    span == null ? null : span.last());
            ZoneId zone = stale.get(id);
            List<AttentionRules.Reason> reasons = List.copyOf(AttentionRules.reasons(patientDiary, zone, now));
            kept.put(
                    id,
                    new Kept(
                            versions.getOrDefault(id, 0L),
                            stamps.get(id),
                            zone,
                            now,
                            AttentionRules.validUntil(patientDiary, zone, now),
                            reasons));
            if (!reasons.isEmpty()) {
                result.put(id, reasons);
            }
        }
        return result;
    }

    /** How many patients' reasons are kept at most (a UK network is ~8,000); past it the kept ones are dropped. */
    static final int MAX_KEPT = 100_000;

    /** Scheduled doses read ahead of now: beyond the next local midnight in any zone, even on a 25-hour day. */
    static final Duration DOSES_AHEAD = Duration.ofHours(26);

    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicLong recomputed = new java.util.concurrent.atomic.AtomicLong();

    /** How many patients' reasons were computed (not served as kept) since start: for tests and the timing report. */
    long recomputed() {
        return recomputed.get();
    }

    /** One patient's reasons and what they were computed from. */
    private record Kept(
            long diaryVersion,
            @Nullable Object scheduleStamp,
            ZoneId zone,
            Instant computedAt,
            Instant validUntil,
            List<AttentionRules.Reason> reasons) {

        /** Still the answer at {@code now} (a clock set back, as tests do, makes it stale too). */
        boolean answers(long version, @Nullable Object stamp, ZoneId zone, Instant now) {
            return diaryVersion == version
                    && Objects.equals(scheduleStamp, stamp)
                    && this.zone.equals(zone)
                    && !now.isBefore(computedAt)
                    && now.isBefore(validUntil);
        }
    }
}
