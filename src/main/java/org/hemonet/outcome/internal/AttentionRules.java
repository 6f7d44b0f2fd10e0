package org.hemonet.outcome.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.hemonet.diary.BleedFacts;
import org.hemonet.diary.InfusionFacts;
import org.hemonet.outcome.BleedEpisode;
import org.hemonet.outcome.OutcomeEngine;
import org.hemonet.outcome.OutcomeReport;
import org.hemonet.outcome.TargetJoint;
import org.jspecify.annotations.Nullable;

/**
 * Why a patient needs the centre's attention (issue 6, "patients needing attention"). Pure: the diary, the scheduled
 * doses and "now" are inputs. The rules, all built on the ISTH definitions of clinical.md §3–§4 as {@link OutcomeEngine}
 * computes them:
 *
 * <ul>
 *   <li><b>New target joint</b>: a target joint (clinical.md §3) that is active today and became one in the last 90
 *       days (its {@code since} date is today or up to 89 days before).
 *   <li><b>ABR rising</b>: the last 6 months run from after today − 6 months up to and including today, the
 *       previous 6 months from after today − 12 months up to and including today − 6 months (half-open intervals,
 *       written in words: the documenter's JSON reader counts brackets even inside text). The ABR of each half is
 *       computed by clinical.md §4 (episodes by the 72-hour rule, observation days from the diary start). It fires
 *       when both halves have observation time, the last half's ABR is higher, and it holds at least 2 bleed episodes more than the previous half (so one extra bleed, or
 *       a higher rate over a short observation, does not raise an alarm).
 *   <li><b>Diary silent</b>: for patients on prophylaxis — at least one dose scheduled by the plan in the last 14 days —
 *       nothing (no bleed, no infusion) was logged with a time in the last 14 days. Patients treated on demand are not
 *       flagged: with no bleed they have nothing to log.
 *   <li><b>Adherence &lt; 75 %</b>: prophylaxis adherence (clinical.md §4, Florio convention) over the last 90 days is
 *       below 75 %. Only doses whose 12-hour window has closed count, so a dose due this morning is not "missed" yet.
 * </ul>
 */
final class AttentionRules {

    static final int TARGET_JOINT_DAYS = 90;
    static final int SILENT_DAYS = 14;
    static final int ADHERENCE_DAYS = 90;
    static final BigDecimal ADHERENCE_THRESHOLD = new BigDecimal("75");
    static final int ABR_MIN_MORE_EPISODES = 2;

    private AttentionRules() {}

    enum Kind {
        NEW_TARGET_JOINT,
        ABR_RISING,
        DIARY_SILENT,
        LOW_ADHERENCE
    }

    /** One reason, with what the list shows about it (message arguments). */
    record Reason(Kind kind, List<Object> args) {}

    /**
     * What the rules need of one patient.
     *
     * @param bleeds the patient's bleeds (voided ones are ignored)
     * @param infusions at least the infusions that treat a bleed and every infusion of the last 90 days
     * @param scheduledDoses prophylaxis doses scheduled in the last 90 days (later ones are ignored by the rules and used
     *     by {@link #validUntil})
     * @param firstEntry the time of the first diary entry (the diary start of clinical.md §4), null without a diary
     * @param lastEntry the time of the latest diary entry, null without a diary
     */
    record PatientDiary(
            List<? extends BleedFacts> bleeds,
            List<? extends InfusionFacts> infusions,
            List<Instant> scheduledDoses,
            @Nullable Instant firstEntry,
            @Nullable Instant lastEntry) {}

    static List<Reason> reasons(PatientDiary d, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Reason> reasons = new ArrayList<>();
        LocalDate diaryStart =
                d.firstEntry() == null ? null : d.firstEntry().atZone(zone).toLocalDate();

        List<BleedEpisode> episodes = OutcomeEngine.episodes(d.bleeds(), d.infusions());
        for (TargetJoint t : OutcomeEngine.targetJoints(episodes, zone, today)) {
            if (t.resolvedOn() == null && !t.since().isBefore(today.minusDays(TARGET_JOINT_DAYS - 1))) {
                reasons.add(new Reason(
                        Kind.NEW_TARGET_JOINT, List.of("site." + t.site().name(), t.since())));
            }
        }

        if (diaryStart != null) {
            LocalDate halfStart = today.minusMonths(6);
            OutcomeReport last = period(d, zone, today, diaryStart, halfStart.plusDays(1), today, List.of());
            OutcomeReport previous =
                    period(d, zone, today, diaryStart, today.minusMonths(12).plusDays(1), halfStart, List.of());
            if (last.abr() != null
                    && previous.abr() != null
                    && last.abr().compareTo(previous.abr()) > 0
                    && last.bleedEpisodes().total() - previous.bleedEpisodes().total() >= ABR_MIN_MORE_EPISODES) {
                reasons.add(new Reason(
                        Kind.ABR_RISING,
                        List.of(
                                previous.abr().toPlainString(),
                                last.abr().toPlainString(),
                                previous.bleedEpisodes().total(),
                                last.bleedEpisodes().total())));
            }
        }

        Instant silentSince = now.minus(Duration.ofDays(SILENT_DAYS));
        boolean onProphylaxis = d.scheduledDoses().stream().anyMatch(t -> !t.isBefore(silentSince) && !t.isAfter(now));
        if (onProphylaxis && (d.lastEntry() == null || d.lastEntry().isBefore(silentSince))) {
            reasons.add(new Reason(
                    Kind.DIARY_SILENT,
                    d.lastEntry() == null
                            ? List.of(-1)
                            : List.of((int) ChronoUnit.DAYS.between(
                                    d.lastEntry().atZone(zone).toLocalDate(), today))));
        }

        if (diaryStart != null) {
            Instant closed = now.minus(OutcomeEngine.AFTER_DOSE);
            List<Instant> due =
                    d.scheduledDoses().stream().filter(t -> !t.isAfter(closed)).toList();
            OutcomeReport recent = period(d, zone, today, diaryStart, today.minusDays(ADHERENCE_DAYS - 1), today, due);
            BigDecimal adherence = recent.prophylaxisAdherencePercent();
            if (adherence != null && adherence.compareTo(ADHERENCE_THRESHOLD) < 0) {
                reasons.add(new Reason(
                        Kind.LOW_ADHERENCE,
                        List.of(adherence.stripTrailingZeros().toPlainString())));
            }
        }
        return reasons;
    }

    /**
     * Until when {@link #reasons} keeps giving the same answer for this diary (issue 14: the list keeps each patient's
     * reasons and recomputes a patient only when the diary or schedule changed or this moment has passed). The rules
     * depend on time only through: today's date (target joints, both ABR halves, the adherence period, the days shown
     * for a silent diary) — until the next local midnight; the last entry leaving the silent window — at last entry +
     * 14 days; and each scheduled dose falling due (prophylaxis in the last 14 days), having its 12-hour window close
     * (adherence counts it) and leaving the 14 days. {@code d.scheduledDoses()} must therefore hold the doses up to the
     * next midnight too: the rules ignore doses after {@code now}, this uses them. The result is after {@code now}.
     */
    static Instant validUntil(PatientDiary d, ZoneId zone, Instant now) {
        // each moment is the first at which a rule's condition reads differently: "now > t" turns at t + 1 ns
        Duration silent = Duration.ofDays(SILENT_DAYS);
        Instant until =
                now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        if (d.lastEntry() != null) {
            until = earlierIfAfter(until, d.lastEntry().plus(silent).plusNanos(1), now);
        }
        for (Instant dose : d.scheduledDoses()) {
            until = earlierIfAfter(until, dose, now);
            until = earlierIfAfter(until, dose.plus(OutcomeEngine.AFTER_DOSE), now);
            until = earlierIfAfter(until, dose.plus(silent).plusNanos(1), now);
        }
        return until;
    }

    /** {@code t} when it lies after {@code now} and before {@code until}, else {@code until}. */
    private static Instant earlierIfAfter(Instant until, Instant t, Instant now) {
        return t.isAfter(now) && t.isBefore(until) ? t : until;
    }

    private static OutcomeReport period(
            PatientDiary d,
            ZoneId zone,
            LocalDate today,
            LocalDate diaryStart,
            LocalDate from,
            LocalDate to,
            List<Instant> doses) {
        // no weights (factor use is not a rule) and no regimens (breakthrough bleeds are not a rule)
        return OutcomeEngine.compute(new OutcomeEngine.Input(
                zone, from, to, today, diaryStart, d.bleeds(), d.infusions(), doses, List.of(), new TreeMap<>()));
    }
}
