package org.hemonet.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedCause;
import org.hemonet.diary.BleedSite;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionReason;
import org.hemonet.diary.RegimenPeriod;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Reference diaries built by hand, each checked against the definitions of clinical.md §3 (ISTH SSC, Blanchette et al.,
 * J Thromb Haemost 2014;12:1935) and §4.
 */
class OutcomeEngineTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final UUID PATIENT = UUID.randomUUID();
    static final UUID PRODUCT = UUID.randomUUID();

    /** A diary under construction; times are London local times. */
    static final class Diary {
        final List<Bleed> bleeds = new ArrayList<>();
        final List<Infusion> infusions = new ArrayList<>();
        final List<Instant> doses = new ArrayList<>();
        final List<RegimenPeriod> regimens = new ArrayList<>();
        final NavigableMap<LocalDate, BigDecimal> weights = new TreeMap<>();
        LocalDate diaryStart;

        Bleed bleed(String at, BleedSite site, BleedCause cause) {
            return bleed(at, site, cause, null, false, 0, 0);
        }

        Bleed bleed(
                String at, BleedSite site, BleedCause cause, Integer pain, boolean immobilising, int school, int work) {
            Bleed b = new Bleed(
                    UUID.randomUUID(),
                    PATIENT,
                    t(at),
                    site,
                    cause,
                    pain,
                    immobilising,
                    school,
                    work,
                    null,
                    t(at),
                    "test",
                    null,
                    null,
                    null);
            bleeds.add(b);
            return b;
        }

        Infusion infusion(String at, InfusionReason reason, Bleed forBleed, String iu) {
            return infusion(at, reason, forBleed, iu, DoseUnit.IU);
        }

        Infusion infusion(String at, InfusionReason reason, Bleed forBleed, String dose, DoseUnit unit) {
            Infusion i = new Infusion(
                    UUID.randomUUID(),
                    PATIENT,
                    t(at),
                    PRODUCT,
                    "B1",
                    new BigDecimal(dose),
                    unit,
                    reason,
                    forBleed == null ? null : forBleed.id(),
                    null,
                    null,
                    t(at),
                    "test",
                    null,
                    null,
                    null);
            infusions.add(i);
            return i;
        }

        OutcomeReport report(String from, String to, String today) {
            return OutcomeEngine.compute(input(from, to, today));
        }

        OutcomeEngine.Input input(String from, String to, String today) {
            return new OutcomeEngine.Input(
                    LONDON,
                    LocalDate.parse(from),
                    LocalDate.parse(to),
                    LocalDate.parse(today),
                    diaryStart,
                    bleeds,
                    infusions,
                    doses,
                    regimens,
                    weights);
        }

        List<BleedEpisode> episodes() {
            return OutcomeEngine.episodes(bleeds, infusions);
        }
    }

    static Instant t(String londonLocal) {
        return LocalDateTime.parse(londonLocal).atZone(LONDON).toInstant();
    }

    @Nested
    class EpisodeRule {

        @Test
        void sameSiteBleedExactly72HoursAfterUntreatedStartIsTheSameEpisode() {
            // clinical.md §3: "no later than 72 h after ... its start if untreated — is the same episode"
            Diary d = new Diary();
            d.bleed("2026-03-01T08:00", BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS, 4, false, 1, 0);
            d.bleed("2026-03-04T08:00", BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS, 7, true, 1, 0);
            List<BleedEpisode> episodes = d.episodes();
            assertThat(episodes).hasSize(1);
            assertThat(episodes.get(0).pain()).isEqualTo(7);
            assertThat(episodes.get(0).jointImmobilising()).isTrue();
            assertThat(episodes.get(0).daysLostSchool()).isEqualTo(2);
        }

        @Test
        void sameSiteBleedOneMinuteAfter72HoursIsANewEpisode() {
            Diary d = new Diary();
            d.bleed("2026-03-01T08:00", BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS);
            d.bleed("2026-03-04T08:01", BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS);
            assertThat(d.episodes()).hasSize(2);
        }

        @Test
        void differentSiteWithinAnHourIsAlwaysANewEpisode() {
            // clinical.md §3: "A bleed at a different site is always a new episode."
            Diary d = new Diary();
            d.bleed("2026-03-01T08:00", BleedSite.LEFT_KNEE, BleedCause.TRAUMATIC);
            d.bleed("2026-03-01T09:00", BleedSite.RIGHT_KNEE, BleedCause.TRAUMATIC);
            assertThat(d.episodes()).hasSize(2);
        }

        @Test
        void episodeEndIsItsLastTreatmentInjection() {
            // bleed day 0, injections day 0, 2, 4 (each ≤ 72 h apart); a re-bleed 70 h after the last injection merges
            Diary d = new Diary();
            Bleed b = d.bleed("2026-03-01T08:00", BleedSite.RIGHT_ANKLE, BleedCause.SPONTANEOUS);
            d.infusion("2026-03-01T09:00", InfusionReason.BLEED, b, "2000");
            d.infusion("2026-03-03T09:00", InfusionReason.BLEED, b, "2000");
            d.infusion("2026-03-05T09:00", InfusionReason.BLEED, b, "2000");
            d.bleed("2026-03-08T07:00", BleedSite.RIGHT_ANKLE, BleedCause.SPONTANEOUS);
            List<BleedEpisode> episodes = d.episodes();
            assertThat(episodes).hasSize(1);
            assertThat(episodes.get(0).treated()).isTrue();
            assertThat(episodes.get(0).bleedIds()).hasSize(2);
        }

        @Test
        void injectionMoreThan72HoursAfterThePreviousStartsANewEpisode() {
            // clinical.md §3: "An injection for that site > 72 h after the previous one starts a new episode."
            Diary d = new Diary();
            Bleed b = d.bleed("2026-03-01T08:00", BleedSite.LEFT_ELBOW, BleedCause.TRAUMATIC);
            d.infusion("2026-03-01T09:00", InfusionReason.BLEED, b, "1000");
            d.infusion("2026-03-05T10:00", InfusionReason.BLEED, b, "1000");
            List<BleedEpisode> episodes = d.episodes();
            assertThat(episodes).hasSize(2);
            assertThat(episodes.get(1).treated()).isTrue();
            assertThat(episodes.get(1).start()).isEqualTo(t("2026-03-05T10:00"));
        }

        @Test
        void prophylacticInfusionsDoNotExtendAnEpisode() {
            Diary d = new Diary();
            d.bleed("2026-03-01T08:00", BleedSite.LEFT_HIP, BleedCause.SPONTANEOUS);
            d.infusion("2026-03-03T08:00", InfusionReason.PROPHYLAXIS, null, "1000");
            d.bleed("2026-03-05T08:00", BleedSite.LEFT_HIP, BleedCause.SPONTANEOUS);
            assertThat(d.episodes()).hasSize(2);
        }

        @Test
        void voidedBleedsAreIgnored() {
            Diary d = new Diary();
            Bleed b = d.bleed("2026-03-01T08:00", BleedSite.NOSE, BleedCause.SPONTANEOUS);
            d.bleeds.set(
                    0,
                    new Bleed(
                            b.id(),
                            PATIENT,
                            b.startedAt(),
                            b.site(),
                            b.cause(),
                            null,
                            false,
                            0,
                            0,
                            null,
                            b.recordedAt(),
                            "test",
                            Instant.now(),
                            "test",
                            "entered twice"));
            d.bleed("2026-03-10T08:00", BleedSite.NOSE, BleedCause.SPONTANEOUS);
            assertThat(d.report("2026-03-01", "2026-03-31", "2026-04-01")
                            .bleedEpisodes()
                            .total())
                    .isEqualTo(1);
        }
    }

    @Nested
    class RatesAndObservation {

        @Test
        void abrOverAFullYearOfObservation() {
            // clinical.md §4: ABR = episodes / observationDays × 365.25; 4 episodes over 365 days → 4.0027 → 4.00
            Diary d = new Diary();
            d.diaryStart = LocalDate.parse("2025-01-01");
            d.bleed("2025-02-01T10:00", BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS, 5, true, 0, 0);
            d.bleed("2025-05-01T10:00", BleedSite.LEFT_KNEE, BleedCause.TRAUMATIC, 3, false, 0, 2);
            d.bleed("2025-08-01T10:00", BleedSite.MOUTH, BleedCause.SPONTANEOUS);
            d.bleed("2025-11-01T10:00", BleedSite.LEFT_ILIOPSOAS, BleedCause.UNKNOWN);
            OutcomeReport r = d.report("2025-01-01", "2025-12-31", "2026-06-01");
            assertThat(r.observationDays()).isEqualTo(365);
            assertThat(r.bleedEpisodes().total()).isEqualTo(4);
            assertThat(r.abr()).isEqualByComparingTo("4.00");
            assertThat(r.ajbr()).isEqualByComparingTo("2.00");
            assertThat(r.spontaneousAbr()).isEqualByComparingTo("2.00");
            assertThat(r.bleedEpisodes().traumatic()).isEqualTo(1);
            assertThat(r.bleedEpisodes().joint()).isEqualTo(2);
            assertThat(r.jointImmobilisingBleeds()).isEqualTo(1);
            assertThat(r.meanPain()).isEqualByComparingTo("4.00");
            assertThat(r.daysLostWork()).isEqualTo(2);
        }

        @Test
        void noDiaryMeansNullRatesNotZero() {
            // clinical.md §4: "A period with no diary at all is not zero bleeds: the rates are null."
            OutcomeReport r = new Diary().report("2026-01-01", "2026-06-30", "2026-11-27");
            assertThat(r.observationDays()).isNull();
            assertThat(r.abr()).isNull();
            assertThat(r.bleedEpisodes().total()).isNull();
            assertThat(r.exposureDays()).isNull();
            assertThat(r.targetJoints()).isEmpty();
        }

        @Test
        void observationStartsAtTheFirstDiaryEntryBothEndsIncluded() {
            // first entry 2026-03-10; period Jan–Mar → 10..31 March = 22 days
            Diary d = new Diary();
            d.bleed("2026-03-10T20:00", BleedSite.NOSE, BleedCause.SPONTANEOUS);
            OutcomeReport r = d.report("2026-01-01", "2026-03-31", "2026-11-27");
            assertThat(r.observationDays()).isEqualTo(22);
            assertThat(r.abr()).isEqualByComparingTo("16.60");
        }

        @Test
        void observationEndsToday() {
            Diary d = new Diary();
            d.diaryStart = LocalDate.parse("2026-01-01");
            OutcomeReport r = d.report("2026-11-01", "2026-12-31", "2026-11-27");
            assertThat(r.observationDays()).isEqualTo(27);
            assertThat(r.abr()).isEqualByComparingTo("0.00");
            assertThat(r.bleedEpisodes().total()).isZero();
        }

        @Test
        void periodEntirelyInTheFutureHasNoObservationTime() {
            Diary d = new Diary();
            d.diaryStart = LocalDate.parse("2026-01-01");
            assertThat(d.report("2027-01-01", "2027-12-31", "2026-11-27").abr()).isNull();
        }

        @Test
        void episodeIsCountedOnItsStartDateInLondonNotUtc() {
            // 00:30 BST on 1 July is 23:30 UTC on 30 June: it belongs to July
            Diary d = new Diary();
            d.diaryStart = LocalDate.parse("2026-01-01");
            d.bleed("2026-07-01T00:30", BleedSite.LEFT_WRIST, BleedCause.TRAUMATIC);
            assertThat(d.report("2026-06-01", "2026-06-30", "2026-11-27")
                            .bleedEpisodes()
                            .total())
                    .isZero();
            assertThat(d.report("2026-07-01", "2026-07-31", "2026-11-27")
                            .bleedEpisodes()
                            .total())
                    .isEqualTo(1);
        }

        @Test
        void episodeStartedBeforeThePeriodIsNotCountedAgainForALaterMergedBleed() {
            Diary d = new Diary();
            d.diaryStart = LocalDate.parse("2026-01-01");
            d.bleed("2026-03-31T20:00", BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS);
            d.bleed("2026-04-02T08:00", BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS);
            assertThat(d.report("2026-04-01", "2026-04-30", "2026-11-27")
                            .bleedEpisodes()
                            .total())
                    .isZero();
        }

        @Test
        void breakthroughOnlyWhileARegimenIsActive() {
            // clinical.md §3: a breakthrough bleed starts while a prophylaxis regimen is active
            Diary d = new Diary();
            d.diaryStart = LocalDate.parse("2026-01-01");
            d.regimens.add(new RegimenPeriod(t("2026-03-01T00:00"), t("2026-06-01T00:00")));
            Bleed treated = d.bleed("2026-02-10T10:00", BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS);
            d.infusion("2026-02-10T11:00", InfusionReason.BLEED, treated, "2000");
            d.bleed("2026-04-10T10:00", BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS);
            d.bleed("2026-07-10T10:00", BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS);
            OutcomeReport r = d.report("2026-01-01", "2026-12-31", "2026-11-27");
            assertThat(r.bleedEpisodes().breakthrough()).isEqualTo(1);
            assertThat(r.bleedEpisodes().treated()).isEqualTo(1);
        }
    }

    @Nested
    class TargetJoints {

        @Test
        void threeSpontaneousEpisodesWithinSixMonthsMakeATargetJointSinceTheThird() {
            Diary d = new Diary();
            d.bleed("2025-01-10T10:00", BleedSite.RIGHT_KNEE, BleedCause.SPONTANEOUS);
            d.bleed("2025-03-10T10:00", BleedSite.RIGHT_KNEE, BleedCause.SPONTANEOUS);
            d.bleed("2025-07-09T10:00", BleedSite.RIGHT_KNEE, BleedCause.SPONTANEOUS);
            OutcomeReport r = d.report("2025-01-01", "2025-12-31", "2025-12-31");
            assertThat(r.targetJoints())
                    .containsExactly(
                            new OutcomeReport.Target(BleedSite.RIGHT_KNEE, LocalDate.parse("2025-07-09"), null));
        }

        @Test
        void thirdEpisodeSixMonthsOrMoreAfterTheFirstIsNoTargetJoint() {
            Diary d = new Diary();
            d.bleed("2025-01-10T10:00", BleedSite.RIGHT_KNEE, BleedCause.SPONTANEOUS);
            d.bleed("2025-03-10T10:00", BleedSite.RIGHT_KNEE, BleedCause.SPONTANEOUS);
            d.bleed("2025-07-10T10:00", BleedSite.RIGHT_KNEE, BleedCause.SPONTANEOUS);
            assertThat(d.report("2025-01-01", "2025-12-31", "2025-12-31").targetJoints())
                    .isEmpty();
        }

        @Test
        void traumaticBleedsDoNotMakeATargetJoint() {
            Diary d = new Diary();
            d.bleed("2025-01-10T10:00", BleedSite.LEFT_ANKLE, BleedCause.SPONTANEOUS);
            d.bleed("2025-02-10T10:00", BleedSite.LEFT_ANKLE, BleedCause.TRAUMATIC);
            d.bleed("2025-03-10T10:00", BleedSite.LEFT_ANKLE, BleedCause.SPONTANEOUS);
            assertThat(d.report("2025-01-01", "2025-12-31", "2025-12-31").targetJoints())
                    .isEmpty();
        }

        @Test
        void muscleBleedsNeverMakeATargetJoint() {
            Diary d = new Diary();
            d.bleed("2025-01-10T10:00", BleedSite.LEFT_ILIOPSOAS, BleedCause.SPONTANEOUS);
            d.bleed("2025-02-10T10:00", BleedSite.LEFT_ILIOPSOAS, BleedCause.SPONTANEOUS);
            d.bleed("2025-03-10T10:00", BleedSite.LEFT_ILIOPSOAS, BleedCause.SPONTANEOUS);
            assertThat(d.report("2025-01-01", "2025-12-31", "2025-12-31").targetJoints())
                    .isEmpty();
        }

        @Test
        void withNoFurtherBleedsItResolvesTwelveMonthsAfterSince() {
            // clinical.md §3: "so with no further bleeds, R = since + 12 months"
            Diary d = new Diary();
            d.bleed("2025-01-10T10:00", BleedSite.LEFT_ELBOW, BleedCause.SPONTANEOUS);
            d.bleed("2025-02-10T10:00", BleedSite.LEFT_ELBOW, BleedCause.SPONTANEOUS);
            d.bleed("2025-03-10T10:00", BleedSite.LEFT_ELBOW, BleedCause.SPONTANEOUS);
            OutcomeReport r = d.report("2025-01-01", "2026-12-31", "2026-11-27");
            assertThat(r.targetJoints())
                    .containsExactly(new OutcomeReport.Target(
                            BleedSite.LEFT_ELBOW, LocalDate.parse("2025-03-10"), LocalDate.parse("2026-03-10")));
        }

        @Test
        void notYetResolvedWhenThePeriodEndsBeforeTwelveMonths() {
            Diary d = new Diary();
            d.bleed("2025-01-10T10:00", BleedSite.LEFT_ELBOW, BleedCause.SPONTANEOUS);
            d.bleed("2025-02-10T10:00", BleedSite.LEFT_ELBOW, BleedCause.SPONTANEOUS);
            d.bleed("2025-03-10T10:00", BleedSite.LEFT_ELBOW, BleedCause.SPONTANEOUS);
            assertThat(d.report("2025-01-01", "2026-03-09", "2026-11-27")
                            .targetJoints()
                            .get(0)
                            .resolvedOn())
                    .isNull();
        }

        @Test
        void furtherBleedsDelayTheResolution() {
            // since 2025-03-10; bleeds 2025-09-01, 2025-12-01, 2026-02-01 → at R = 2026-03-10 the 12 months hold 3;
            // R moves to 2026-09-01, when (2025-09-01, 2026-09-01] holds 2 → resolved 2026-09-01
            Diary d = new Diary();
            d.bleed("2025-01-10T10:00", BleedSite.RIGHT_SHOULDER, BleedCause.SPONTANEOUS);
            d.bleed("2025-02-10T10:00", BleedSite.RIGHT_SHOULDER, BleedCause.SPONTANEOUS);
            d.bleed("2025-03-10T10:00", BleedSite.RIGHT_SHOULDER, BleedCause.SPONTANEOUS);
            d.bleed("2025-09-01T10:00", BleedSite.RIGHT_SHOULDER, BleedCause.TRAUMATIC);
            d.bleed("2025-12-01T10:00", BleedSite.RIGHT_SHOULDER, BleedCause.TRAUMATIC);
            d.bleed("2026-02-01T10:00", BleedSite.RIGHT_SHOULDER, BleedCause.TRAUMATIC);
            OutcomeReport r = d.report("2025-01-01", "2026-11-27", "2026-11-27");
            assertThat(r.targetJoints())
                    .containsExactly(new OutcomeReport.Target(
                            BleedSite.RIGHT_SHOULDER, LocalDate.parse("2025-03-10"), LocalDate.parse("2026-09-01")));
        }

        @Test
        void canBecomeATargetJointAgainAfterResolution() {
            Diary d = new Diary();
            for (String day :
                    List.of("2023-01-10", "2023-02-10", "2023-03-10", "2025-01-05", "2025-02-05", "2025-03-05")) {
                d.bleed(day + "T10:00", BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS);
            }
            OutcomeReport r = d.report("2023-01-01", "2025-12-31", "2025-12-31");
            assertThat(r.targetJoints())
                    .containsExactly(
                            new OutcomeReport.Target(
                                    BleedSite.LEFT_KNEE, LocalDate.parse("2023-03-10"), LocalDate.parse("2024-03-10")),
                            new OutcomeReport.Target(BleedSite.LEFT_KNEE, LocalDate.parse("2025-03-05"), null));
        }

        @Test
        void targetJointResolvedBeforeThePeriodIsNotReported() {
            Diary d = new Diary();
            d.bleed("2023-01-10T10:00", BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS);
            d.bleed("2023-02-10T10:00", BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS);
            d.bleed("2023-03-10T10:00", BleedSite.LEFT_KNEE, BleedCause.SPONTANEOUS);
            assertThat(d.report("2025-01-01", "2025-12-31", "2025-12-31").targetJoints())
                    .isEmpty();
        }
    }

    @Nested
    class ProphylaxisAndFactor {

        @Test
        void adherenceCountsInfusionsFrom4HoursBeforeTo12HoursAfter() {
            // clinical.md §4 (Florio): 4 doses; infusions at −4 h (in), +12 h (in), +12 h 1 min (out), none → 50 %
            Diary d = new Diary();
            d.diaryStart = LocalDate.parse("2026-01-01");
            d.doses.addAll(List.of(
                    t("2026-02-02T08:00"), t("2026-02-04T08:00"), t("2026-02-06T08:00"), t("2026-02-09T08:00")));
            d.infusion("2026-02-02T04:00", InfusionReason.PROPHYLAXIS, null, "1000");
            d.infusion("2026-02-04T20:00", InfusionReason.PROPHYLAXIS, null, "1000");
            d.infusion("2026-02-06T20:01", InfusionReason.PROPHYLAXIS, null, "1000");
            OutcomeReport r = d.report("2026-02-01", "2026-02-28", "2026-11-27");
            assertThat(r.prophylaxisAdherencePercent()).isEqualByComparingTo("50.00");
        }

        @Test
        void oneInfusionCoversOnlyOneScheduledDose() {
            Diary d = new Diary();
            d.diaryStart = LocalDate.parse("2026-01-01");
            d.doses.addAll(List.of(t("2026-02-02T08:00"), t("2026-02-02T18:00"), t("2026-02-03T08:00")));
            d.infusion("2026-02-02T10:00", InfusionReason.PROPHYLAXIS, null, "1000");
            assertThat(d.report("2026-02-01", "2026-02-28", "2026-11-27").prophylaxisAdherencePercent())
                    .isEqualByComparingTo("33.33");
        }

        @Test
        void noScheduleMeansNoAdherenceFigure() {
            Diary d = new Diary();
            d.infusion("2026-02-02T10:00", InfusionReason.PROPHYLAXIS, null, "1000");
            assertThat(d.report("2026-02-01", "2026-02-28", "2026-11-27").prophylaxisAdherencePercent())
                    .isNull();
        }

        @Test
        void factorUseDividesEachDoseByTheWeightOnItsDate() {
            // 2026: 2000 IU at 40 kg (50 IU/kg) in January, 2000 IU at 50 kg (40 IU/kg) in July → 90 IU/kg over 365
            // days
            Diary d = new Diary();
            d.diaryStart = LocalDate.parse("2026-01-01");
            d.weights.put(LocalDate.parse("2025-06-01"), new BigDecimal("40"));
            d.weights.put(LocalDate.parse("2026-06-01"), new BigDecimal("50"));
            d.infusion("2026-01-15T08:00", InfusionReason.PROPHYLAXIS, null, "2000");
            d.infusion("2026-07-15T08:00", InfusionReason.OTHER, null, "2000");
            d.infusion("2026-07-16T08:00", InfusionReason.PROPHYLAXIS, null, "150", DoseUnit.MG);
            OutcomeReport r = d.report("2026-01-01", "2026-12-31", "2027-06-01");
            assertThat(r.factorUseIuPerKgPerYear()).isEqualByComparingTo("90.06");
            assertThat(r.exposureDays()).isEqualTo(2);
        }

        @Test
        void factorUseIsNullWithoutAWeight() {
            Diary d = new Diary();
            d.infusion("2026-01-15T08:00", InfusionReason.PROPHYLAXIS, null, "2000");
            assertThat(d.report("2026-01-01", "2026-12-31", "2027-06-01").factorUseIuPerKgPerYear())
                    .isNull();
        }

        @Test
        void exposureDaysAreLondonCalendarDaysAcrossTheClocksGoingBack() {
            // clocks go back at 02:00 BST on 25 Oct 2026. 00:30 and 23:30 on the 25th (London) are one ED although
            // 25 hours apart; 23:30 UTC on 24 Oct is 00:30 BST on 25 Oct — the same London day again.
            Diary d = new Diary();
            d.diaryStart = LocalDate.parse("2026-01-01");
            d.infusion("2026-10-25T00:30", InfusionReason.PROPHYLAXIS, null, "1000");
            d.infusion("2026-10-25T23:30", InfusionReason.BLEED, null, "1000");
            Infusion utcLate = new Infusion(
                    UUID.randomUUID(),
                    PATIENT,
                    Instant.parse("2026-10-24T23:45:00Z"),
                    PRODUCT,
                    "B1",
                    new BigDecimal("500"),
                    DoseUnit.IU,
                    InfusionReason.OTHER,
                    null,
                    null,
                    null,
                    Instant.now(),
                    "test",
                    null,
                    null,
                    null);
            d.infusions.add(utcLate);
            d.infusion("2026-10-26T00:10", InfusionReason.PROPHYLAXIS, null, "1000");
            OutcomeReport r = d.report("2026-10-01", "2026-10-31", "2026-11-27");
            assertThat(r.exposureDays()).isEqualTo(2);
        }

        @Test
        void exposureDaysAcrossTheClocksGoingForward() {
            // 29 Mar 2026 has 23 hours in London: 00:30 GMT and 23:30 BST are one ED; 00:30 on the 30th is another
            Diary d = new Diary();
            d.diaryStart = LocalDate.parse("2026-01-01");
            d.infusion("2026-03-29T00:30", InfusionReason.PROPHYLAXIS, null, "1000");
            d.infusion("2026-03-29T23:30", InfusionReason.PROPHYLAXIS, null, "1000");
            d.infusion("2026-03-30T00:30", InfusionReason.PROPHYLAXIS, null, "1000");
            assertThat(d.report("2026-03-01", "2026-03-31", "2026-11-27").exposureDays())
                    .isEqualTo(2);
        }

        @Test
        void emicizumabAloneGivesNoExposureDay() {
            Diary d = new Diary();
            d.infusion("2026-03-02T08:00", InfusionReason.PROPHYLAXIS, null, "120", DoseUnit.MG);
            OutcomeReport r = d.report("2026-03-01", "2026-03-31", "2026-11-27");
            assertThat(r.exposureDays()).isZero();
            assertThat(r.observationDays()).isEqualTo(30);
        }
    }
}
