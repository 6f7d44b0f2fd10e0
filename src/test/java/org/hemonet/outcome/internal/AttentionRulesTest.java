package org.hemonet.outcome.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedCause;
import org.hemonet.diary.BleedSite;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionReason;
import org.junit.jupiter.api.Test;

/** The rules of "patients needing attention" (AttentionRules): each fires on its own case and not on its control. */
class AttentionRulesTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final Instant NOW = TODAY.atTime(15, 0).atZone(LONDON).toInstant();
    static final UUID PATIENT = UUID.randomUUID();

    static Instant daysAgo(int days) {
        return TODAY.minusDays(days).atTime(LocalTime.of(8, 0)).atZone(LONDON).toInstant();
    }

    static Bleed bleed(int daysAgo, BleedSite site, BleedCause cause) {
        return new Bleed(
                UUID.randomUUID(),
                PATIENT,
                daysAgo(daysAgo),
                site,
                cause,
                5,
                false,
                0,
                0,
                null,
                NOW,
                "t",
                null,
                null,
                null);
    }

    static Infusion prophylaxis(Instant at) {
        return new Infusion(
                UUID.randomUUID(),
                PATIENT,
                at,
                UUID.randomUUID(),
                null,
                new BigDecimal("2000"),
                DoseUnit.IU,
                InfusionReason.PROPHYLAXIS,
                null,
                null,
                null,
                NOW,
                "t",
                null,
                null,
                null);
    }

    /** A daily 08:00 dose on each of the last {@code days} days (today included). */
    static List<Instant> dailyDoses(int days) {
        List<Instant> doses = new ArrayList<>();
        for (int d = days - 1; d >= 0; d--) {
            doses.add(daysAgo(d));
        }
        return doses;
    }

    static List<AttentionRules.Kind> kinds(List<Bleed> bleeds, List<Infusion> infusions, List<Instant> doses) {
        Instant first = null;
        Instant last = null;
        for (Bleed b : bleeds) {
            first = first == null || b.startedAt().isBefore(first) ? b.startedAt() : first;
            last = last == null || b.startedAt().isAfter(last) ? b.startedAt() : last;
        }
        for (Infusion i : infusions) {
            first = first == null || i.administeredAt().isBefore(first) ? i.administeredAt() : first;
            last = last == null || i.administeredAt().isAfter(last) ? i.administeredAt() : last;
        }
        return AttentionRules.reasons(
                        new AttentionRules.PatientDiary(bleeds, infusions, doses, first, last), LONDON, NOW)
                .stream()
                .map(AttentionRules.Reason::kind)
                .toList();
    }

    @Test
    void threeSpontaneousKneeBleedsInTheLast90DaysMakeANewTargetJoint() {
        List<Bleed> bleeds = List.of(
                bleed(60, BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS),
                bleed(40, BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS),
                bleed(20, BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS));
        var reasons = AttentionRules.reasons(
                new AttentionRules.PatientDiary(bleeds, List.of(), List.of(), daysAgo(60), daysAgo(20)), LONDON, NOW);
        assertThat(reasons).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(AttentionRules.Kind.NEW_TARGET_JOINT);
            assertThat(r.args()).containsExactly("site.LEFT_KNEE", TODAY.minusDays(20));
        });
    }

    @Test
    void aTargetJointOlderThan90DaysOrMadeOfTraumaticBleedsIsNotNew() {
        List<Bleed> old = List.of(
                bleed(150, BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS),
                bleed(130, BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS),
                bleed(100, BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS));
        assertThat(kinds(old, List.of(), List.of())).doesNotContain(AttentionRules.Kind.NEW_TARGET_JOINT);
        List<Bleed> traumatic = List.of(
                bleed(60, BleedSite.RIGHT_ANKLE, BleedCause.TRAUMATIC),
                bleed(40, BleedSite.RIGHT_ANKLE, BleedCause.SPONTANEOUS),
                bleed(20, BleedSite.RIGHT_ANKLE, BleedCause.SPONTANEOUS));
        assertThat(kinds(traumatic, List.of(), List.of())).isEmpty();
    }

    @Test
    void twoMoreEpisodesAndAHigherRateInTheLastSixMonthsIsAbrRising() {
        List<Bleed> bleeds = List.of(
                bleed(300, BleedSite.RIGHT_ELBOW, BleedCause.TRAUMATIC),
                bleed(100, BleedSite.RIGHT_ANKLE, BleedCause.TRAUMATIC),
                bleed(60, BleedSite.NOSE, BleedCause.SPONTANEOUS),
                bleed(30, BleedSite.LEFT_HIP, BleedCause.TRAUMATIC));
        var reasons = AttentionRules.reasons(
                new AttentionRules.PatientDiary(bleeds, List.of(), List.of(), daysAgo(300), daysAgo(30)), LONDON, NOW);
        assertThat(reasons).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(AttentionRules.Kind.ABR_RISING);
            assertThat(r.args()).element(2).isEqualTo(1);
            assertThat(r.args()).element(3).isEqualTo(3);
        });
    }

    @Test
    void oneMoreEpisodeOrNoEarlierDiaryIsNotAbrRising() {
        List<Bleed> oneMore = List.of(
                bleed(340, BleedSite.RIGHT_ELBOW, BleedCause.TRAUMATIC),
                bleed(250, BleedSite.LEFT_ELBOW, BleedCause.TRAUMATIC),
                bleed(100, BleedSite.RIGHT_ANKLE, BleedCause.TRAUMATIC),
                bleed(60, BleedSite.NOSE, BleedCause.SPONTANEOUS),
                bleed(30, BleedSite.LEFT_HIP, BleedCause.TRAUMATIC));
        assertThat(kinds(oneMore, List.of(), List.of())).isEmpty();
        // the diary starts in the last 6 months: the previous half has no observation time, its ABR is undefined
        List<Bleed> recentOnly = List.of(
                bleed(100, BleedSite.RIGHT_ANKLE, BleedCause.TRAUMATIC),
                bleed(60, BleedSite.NOSE, BleedCause.SPONTANEOUS),
                bleed(30, BleedSite.LEFT_HIP, BleedCause.TRAUMATIC));
        assertThat(kinds(recentOnly, List.of(), List.of())).isEmpty();
    }

    @Test
    void onProphylaxisWithNothingLoggedFor14DaysIsSilent() {
        List<Infusion> logged = new ArrayList<>();
        for (int d = 89; d >= 15; d--) {
            logged.add(prophylaxis(daysAgo(d)));
        }
        List<Instant> weekly = new ArrayList<>();
        for (int d = 84; d >= 0; d -= 7) {
            weekly.add(daysAgo(d));
        }
        // logged every day up to 15 days ago against a weekly plan: adherence stays high, only the silence shows
        var reasons = AttentionRules.reasons(
                new AttentionRules.PatientDiary(List.of(), logged, weekly, daysAgo(89), daysAgo(15)), LONDON, NOW);
        assertThat(reasons).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(AttentionRules.Kind.DIARY_SILENT);
            assertThat(r.args()).containsExactly(15);
        });
        // never logged at all while on prophylaxis
        assertThat(AttentionRules.reasons(
                                new AttentionRules.PatientDiary(List.of(), List.of(), weekly, null, null), LONDON, NOW)
                        .stream()
                        .map(AttentionRules.Reason::kind))
                .containsExactly(AttentionRules.Kind.DIARY_SILENT);
    }

    @Test
    void anEntry13DaysAgoOrNoPlanIsNotSilent() {
        List<Instant> weekly = List.of(daysAgo(20), daysAgo(13), daysAgo(6));
        List<Infusion> logged =
                weekly.stream().map(AttentionRulesTest::prophylaxis).toList();
        assertThat(kinds(List.of(), logged.subList(0, 2), weekly)).doesNotContain(AttentionRules.Kind.DIARY_SILENT);
        // on demand: the last bleed 40 days ago and no plan is no reason for concern
        assertThat(kinds(List.of(bleed(40, BleedSite.LEFT_ANKLE, BleedCause.TRAUMATIC)), List.of(), List.of()))
                .isEmpty();
    }

    @Test
    void halfOfTheDailyDosesLoggedIsAdherenceBelow75() {
        List<Instant> doses = dailyDoses(90);
        List<Infusion> logged = new ArrayList<>();
        for (int i = 0; i < doses.size(); i += 2) {
            logged.add(prophylaxis(doses.get(i).plus(Duration.ofHours(1))));
        }
        var reasons = AttentionRules.reasons(
                new AttentionRules.PatientDiary(
                        List.of(),
                        logged,
                        doses,
                        logged.get(0).administeredAt(),
                        logged.get(logged.size() - 1).administeredAt()),
                LONDON,
                NOW);
        assertThat(reasons).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(AttentionRules.Kind.LOW_ADHERENCE);
            assertThat(new BigDecimal((String) r.args().get(0))).isBetween(new BigDecimal("45"), new BigDecimal("55"));
        });
    }

    @Test
    void everyDoseLoggedWithinTheWindowIsNoConcernAndTodaysOpenDoseIsNotMissed() {
        List<Instant> doses = dailyDoses(90);
        // every dose up to yesterday logged 3 hours late (inside 12 h); today's dose (08:00, now 15:00) not yet
        List<Infusion> logged = doses.subList(0, doses.size() - 1).stream()
                .map(t -> prophylaxis(t.plus(Duration.ofHours(3))))
                .toList();
        assertThat(kinds(List.of(), logged, doses)).isEmpty();
        // logged 13 hours late: outside the Florio window, so every dose counts as missed
        List<Infusion> late = doses.subList(0, doses.size() - 1).stream()
                .map(t -> prophylaxis(t.plus(Duration.ofHours(13))))
                .toList();
        assertThat(kinds(List.of(), late, doses)).containsExactly(AttentionRules.Kind.LOW_ADHERENCE);
    }
}
