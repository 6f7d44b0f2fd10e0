package org.hemonet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hemonet.demo.DemoDiaryHistory.BatchUse;
import org.hemonet.demo.DemoDiaryHistory.History;
import org.hemonet.demo.DemoDiaryHistory.Persona;
import org.hemonet.demo.DemoDiaryHistory.Profile;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedCause;
import org.hemonet.diary.BleedSite;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionReason;
import org.hemonet.patient.Severity;
import org.hemonet.supply.Schedule;
import org.junit.jupiter.api.Test;

/** The demo diary history generator on its own: deterministic, plausible and shaped by the persona. */
class DemoDiaryHistoryTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final UUID OCTAVIA = DemoCatalogue.OCTAVIA;
    static final Schedule MON_WED_FRI = Schedule.onWeekdays(
            Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 30), LONDON);
    static final LocalDate PLAN_FROM = TODAY.minusDays(200);
    static final List<BatchUse> BATCHES = List.of(
            new BatchUse(OCTAVIA, "OCT-26A001", TODAY.minusDays(300), TODAY.plusYears(2)),
            new BatchUse(OCTAVIA, "OCT-26B002", TODAY.minusDays(100), TODAY.plusYears(2)));

    static Profile severe(UUID id, Persona persona) {
        return new Profile(
                id,
                Severity.SEVERE,
                30,
                OCTAVIA,
                DoseUnit.IU,
                new BigDecimal("2000"),
                MON_WED_FRI,
                PLAN_FROM,
                OCTAVIA,
                new BigDecimal("2000"),
                persona);
    }

    static History history(Profile p) {
        return DemoDiaryHistory.generate(20261127L, p, BATCHES, NOW, LONDON);
    }

    static List<UUID> patients(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> UUID.nameUUIDFromBytes(("demo-diary-test-" + i).getBytes()))
                .toList();
    }

    @Test
    void theDiaryStartsOnTheFirstDayAndAWholeYearBackEvenWithPoorAdherenceOrAFourWeeklySchedule() {
        Schedule fourWeekly = Schedule.everyNWeeks(4, LocalTime.of(8, 0), LONDON);
        for (UUID id : patients(60)) {
            for (Profile p : List.of(
                    severe(id, Persona.POOR_ADHERENCE),
                    severe(id, Persona.TYPICAL),
                    new Profile(
                            id,
                            Severity.SEVERE,
                            30,
                            OCTAVIA,
                            DoseUnit.IU,
                            new BigDecimal("2000"),
                            fourWeekly,
                            PLAN_FROM,
                            OCTAVIA,
                            new BigDecimal("2000"),
                            Persona.TYPICAL))) {
                History h = history(p);
                LocalDate first =
                        h.infusions().get(0).administeredAt().atZone(LONDON).toLocalDate();
                assertThat(first)
                        .as(p.persona() + " " + id)
                        .isBeforeOrEqualTo(TODAY.minusYears(1).plusDays(1));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameHistoryIdsIncludedAndAnotherSeedAnother() {
        Profile p = severe(patients(1).get(0), Persona.TYPICAL);
        assertThat(history(p)).isEqualTo(history(p));
        History other = DemoDiaryHistory.generate(42L, p, BATCHES, NOW, LONDON);
        assertThat(other.infusions()).isNotEqualTo(history(p).infusions());
    }

    @Test
    void historiesRunThirteenToTwentyFourMonthsUpToYesterdayAndNothingIsInTheFuture() {
        for (UUID id : patients(20)) {
            History h = history(severe(id, Persona.TYPICAL));
            assertThat(h.firstDay())
                    .isBetween(
                            TODAY.minusMonths(24).minusDays(1),
                            TODAY.minusMonths(13).minusDays(1));
            assertThat(h.lastDay()).isEqualTo(TODAY.minusDays(1));
            Instant startOfToday = TODAY.atStartOfDay(LONDON).toInstant();
            assertThat(h.infusions()).allSatisfy(i -> {
                assertThat(i.administeredAt()).isBefore(startOfToday);
                assertThat(i.recordedAt()).isAfterOrEqualTo(i.administeredAt()).isBeforeOrEqualTo(NOW);
            });
            assertThat(h.bleeds()).allSatisfy(b -> {
                assertThat(b.startedAt()).isBefore(startOfToday);
                assertThat(b.recordedAt()).isBeforeOrEqualTo(NOW);
            });
        }
    }

    @Test
    void typicalAdherenceStaysAbove82PercentAndPoorBelow72InTheLast90Days() {
        for (UUID id : patients(25)) {
            assertThat(adherence(history(severe(id, Persona.TYPICAL)), PLAN_FROM))
                    .as("typical, whole plan")
                    .isBetween(0.82, 1.0);
            assertThat(adherence(history(severe(id, Persona.TYPICAL)), TODAY.minusDays(89)))
                    .as("typical, 90 days")
                    .isBetween(0.82, 1.0);
            assertThat(adherence(history(severe(id, Persona.POOR_ADHERENCE)), TODAY.minusDays(89)))
                    .as("poor, 90 days")
                    .isBetween(0.55, 0.72);
        }
    }

    @Test
    void everyBleedInfusionNamesABleedOfTheHistoryAndEachTreatedBleedHasOneToThree() {
        int treated = 0;
        for (UUID id : patients(20)) {
            History h = history(severe(id, Persona.POOR_ADHERENCE));
            Map<UUID, Bleed> bleeds = new HashMap<>();
            h.bleeds().forEach(b -> bleeds.put(b.id(), b));
            Map<UUID, Integer> perBleed = new HashMap<>();
            for (Infusion i : h.infusions()) {
                if (i.reason() == InfusionReason.BLEED) {
                    assertThat(bleeds).containsKey(i.bleedId());
                    assertThat(i.administeredAt())
                            .isAfter(bleeds.get(i.bleedId()).startedAt());
                    perBleed.merge(i.bleedId(), 1, Integer::sum);
                } else {
                    assertThat(i.reason()).isEqualTo(InfusionReason.PROPHYLAXIS);
                    assertThat(i.bleedId()).isNull();
                }
            }
            assertThat(perBleed.values()).allSatisfy(n -> assertThat(n).isBetween(1, 3));
            treated += perBleed.size();
            // every joint and muscle bleed is treated
            assertThat(h.bleeds().stream()
                            .filter(b -> b.site().kind() != org.hemonet.diary.SiteKind.OTHER)
                            .filter(b -> b.startedAt().isBefore(NOW.minus(Duration.ofDays(1))))
                            .map(Bleed::id))
                    .allSatisfy(b -> assertThat(perBleed).containsKey(b));
        }
        assertThat(treated).isGreaterThan(20);
    }

    @Test
    void bleedsAreZeroToSixAYearMostlyInJointsWithPainZeroToTen() {
        List<Bleed> all = new ArrayList<>();
        for (UUID id : patients(30)) {
            History h = history(severe(id, Persona.TYPICAL));
            double years = (h.lastDay().toEpochDay() - h.firstDay().toEpochDay() + 1) / 365.25;
            assertThat(h.bleeds().size() / years).isLessThanOrEqualTo(6.0);
            all.addAll(h.bleeds());
        }
        assertThat(all).allSatisfy(b -> assertThat(b.pain()).isBetween(0, 10));
        long joints = all.stream().filter(b -> b.site().isJoint()).count();
        assertThat(joints).isGreaterThan(all.size() / 2);
        assertThat(all).anyMatch(Bleed::jointImmobilising);
        assertThat(all).anyMatch(b -> b.daysLostWork() > 0);
    }

    @Test
    void prophylaxisIsLoggedAtLocalMorningOrEveningTimesAcrossTheClockChanges() {
        History h = history(severe(patients(1).get(0), Persona.TYPICAL));
        List<Infusion> doses = h.infusions().stream()
                .filter(i -> i.reason() == InfusionReason.PROPHYLAXIS)
                .toList();
        assertThat(doses).allSatisfy(i -> {
            LocalTime local = i.administeredAt().atZone(LONDON).toLocalTime();
            boolean morning = !local.isBefore(LocalTime.of(6, 50)) && local.isBefore(LocalTime.of(9, 31));
            boolean evening = !local.isBefore(LocalTime.of(17, 30)) && local.isBefore(LocalTime.of(19, 0));
            assertThat(morning || evening)
                    .as(i.administeredAt() + " is " + local)
                    .isTrue();
            assertThat(MON_WED_FRI.weekdays())
                    .contains(i.administeredAt().atZone(LONDON).getDayOfWeek());
        });
        // both sides of 29 March and 25 October 2026: the same local morning is 07:xxZ in winter and 06:xxZ in summer
        assertThat(doses)
                .anyMatch(i -> inSummer(i)
                        && i.administeredAt().atOffset(ZoneOffset.UTC).getHour() == 6);
        assertThat(doses)
                .anyMatch(i -> !inSummer(i)
                        && i.administeredAt().atOffset(ZoneOffset.UTC).getHour() == 7);
        assertThat(doses)
                .anyMatch(i -> i.administeredAt().atZone(LONDON).toLocalDate().equals(LocalDate.of(2026, 3, 30)));
        assertThat(doses)
                .anyMatch(i -> i.administeredAt().atZone(LONDON).toLocalDate().equals(LocalDate.of(2026, 10, 26)));
    }

    @Test
    void anIntervalScheduleIsCarriedBackBeforeThePlanOnItsOwnDays() {
        Schedule everyFourDays = Schedule.everyNDays(4, LocalTime.of(8, 0), LONDON);
        LocalDate anchor = DemoDiaryHistory.alignedAnchor(everyFourDays, PLAN_FROM, TODAY.minusMonths(20));
        assertThat(anchor).isBeforeOrEqualTo(TODAY.minusMonths(20));
        assertThat(java.time.temporal.ChronoUnit.DAYS.between(anchor, PLAN_FROM) % 4)
                .isZero();
        Profile p = new Profile(
                patients(1).get(0),
                Severity.SEVERE,
                30,
                OCTAVIA,
                DoseUnit.IU,
                new BigDecimal("3500"),
                everyFourDays,
                PLAN_FROM,
                OCTAVIA,
                new BigDecimal("3500"),
                Persona.TYPICAL);
        assertThat(history(p).infusions().stream().filter(i -> i.reason() == InfusionReason.PROPHYLAXIS))
                .allSatisfy(i -> assertThat(java.time.temporal.ChronoUnit.DAYS.between(
                                        PLAN_FROM,
                                        i.administeredAt().atZone(LONDON).toLocalDate())
                                % 4)
                        .isZero());
    }

    @Test
    void batchNumbersAreThoseAtHomeOnTheDay() {
        History h = history(severe(patients(1).get(0), Persona.TYPICAL));
        for (Infusion i : h.infusions()) {
            LocalDate day = i.administeredAt().atZone(LONDON).toLocalDate();
            String expected = day.isBefore(TODAY.minusDays(300))
                    ? null
                    : day.isBefore(TODAY.minusDays(100)) ? "OCT-26A001" : "OCT-26B002";
            assertThat(i.batchNumber()).as(day.toString()).isEqualTo(expected);
        }
    }

    @Test
    void emicizumabIsLoggedInMgAndBleedsAreTreatedWithTheBleedProductInIu() {
        for (UUID id : patients(10)) {
            Profile p = new Profile(
                    id,
                    Severity.SEVERE,
                    12,
                    DemoCatalogue.EMIVIA_150,
                    DoseUnit.MG,
                    new BigDecimal("105"),
                    Schedule.everyNWeeks(1, LocalTime.of(7, 30), LONDON),
                    PLAN_FROM,
                    DemoCatalogue.BYPARA,
                    new BigDecimal("2000"),
                    Persona.TYPICAL);
            History h = history(p);
            assertThat(h.infusions()).allSatisfy(i -> {
                if (i.reason() == InfusionReason.PROPHYLAXIS) {
                    assertThat(i.unit()).isEqualTo(DoseUnit.MG);
                    assertThat(i.productId()).isEqualTo(DemoCatalogue.EMIVIA_150);
                } else {
                    assertThat(i.unit()).isEqualTo(DoseUnit.IU);
                    assertThat(i.productId()).isEqualTo(DemoCatalogue.BYPARA);
                }
            });
            assertThat(h.bleeds()).allSatisfy(b -> assertThat(b.daysLostWork()).isZero());
        }
    }

    @Test
    void mildPatientsOnDemandLogFewBleedsAndADoseBeforeActivityThatStartsTheDiary() {
        int bleeds = 0;
        double allYears = 0;
        for (UUID id : patients(20)) {
            Profile p = new Profile(
                    id,
                    Severity.MILD,
                    40,
                    OCTAVIA,
                    DoseUnit.IU,
                    new BigDecimal("1750"),
                    null,
                    PLAN_FROM,
                    OCTAVIA,
                    new BigDecimal("1750"),
                    Persona.TYPICAL);
            History h = history(p);
            assertThat(h.infusions())
                    .allSatisfy(i -> assertThat(i.reason()).isIn(InfusionReason.BLEED, InfusionReason.BEFORE_ACTIVITY));
            // the diary starts on the history's first day, not at the first bleed
            Infusion first = h.infusions().get(0);
            assertThat(first.reason()).isEqualTo(InfusionReason.BEFORE_ACTIVITY);
            assertThat(first.administeredAt().atZone(LONDON).toLocalDate()).isEqualTo(h.firstDay());
            assertThat(first.note()).startsWith("Before");
            double years = (h.lastDay().toEpochDay() - h.firstDay().toEpochDay() + 1) / 365.25;
            assertThat(h.bleeds().size() / years).isLessThanOrEqualTo(6.0);
            bleeds += h.bleeds().size();
            allYears += years;
        }
        assertThat(bleeds / allYears).isBetween(0.3, 1.5);
    }

    @Test
    void aNewTargetJointHasThreeSpontaneousBleedsInOneJointWithinSixMonthsTheLastInThe90Days() {
        for (UUID id : patients(10)) {
            History h = history(severe(id, Persona.NEW_TARGET_JOINT));
            Map<BleedSite, List<Bleed>> bySite = new HashMap<>();
            h.bleeds().stream()
                    .filter(b -> b.cause() == BleedCause.SPONTANEOUS && b.site().isJoint())
                    .forEach(b -> bySite.computeIfAbsent(b.site(), k -> new ArrayList<>())
                            .add(b));
            assertThat(bySite.values()).anySatisfy(list -> {
                List<LocalDate> recent = list.stream()
                        .map(b -> b.startedAt().atZone(LONDON).toLocalDate())
                        .filter(d -> d.isAfter(TODAY.minusMonths(6)))
                        .toList();
                assertThat(recent).hasSize(3);
                assertThat(recent).allSatisfy(d -> assertThat(d).isAfter(TODAY.minusDays(170)));
                assertThat(recent.get(2)).isAfter(TODAY.minusDays(89));
                // and none earlier in that joint, so it is a new target joint, not an old one
                assertThat(list).hasSize(3);
            });
        }
    }

    @Test
    void aRisingAbrHasAtLeastTwoMoreBleedsInTheLastSixMonthsThanInTheSixBefore() {
        for (UUID id : patients(10)) {
            History h = history(severe(id, Persona.RISING_ABR));
            long last = countBetween(h, TODAY.minusMonths(6).plusDays(1), TODAY);
            long previous = countBetween(h, TODAY.minusMonths(12).plusDays(1), TODAY.minusMonths(6));
            assertThat(last - previous).isGreaterThanOrEqualTo(2);
            assertThat(previous).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aSilentDiaryEndsWithTheLastDoseDueTwentyOrMoreDaysAgo() {
        for (UUID id : patients(10)) {
            History h = history(severe(id, Persona.SILENT));
            // 27 November 2026 is a Friday: 20 days ago is Saturday the 7th, the last dose due Friday the 6th
            assertThat(h.lastDay()).isEqualTo(LocalDate.of(2026, 11, 6));
            Instant end = h.lastDay().plusDays(1).atStartOfDay(LONDON).toInstant();
            assertThat(h.infusions())
                    .allSatisfy(i -> assertThat(i.administeredAt()).isBefore(end));
            assertThat(h.bleeds()).allSatisfy(b -> assertThat(b.startedAt()).isBefore(end));
            assertThat(h.infusions().get(h.infusions().size() - 1).administeredAt())
                    .isAfter(h.lastDay().atStartOfDay(LONDON).toInstant());
        }
    }

    private static long countBetween(History h, LocalDate from, LocalDate to) {
        return h.bleeds().stream()
                .map(b -> b.startedAt().atZone(LONDON).toLocalDate())
                .filter(d -> !d.isBefore(from) && !d.isAfter(to))
                .count();
    }

    private static boolean inSummer(Infusion i) {
        return LONDON.getRules().isDaylightSavings(i.administeredAt());
    }

    /** Scheduled doses from {@code from} to yesterday with a prophylactic infusion 4 h before to 12 h after. */
    private static double adherence(History h, LocalDate from) {
        List<Instant> due = MON_WED_FRI.occurrences(
                PLAN_FROM,
                null,
                from.atStartOfDay(LONDON).toInstant(),
                TODAY.atStartOfDay(LONDON).toInstant());
        List<Instant> logged = h.infusions().stream()
                .filter(i -> i.reason() == InfusionReason.PROPHYLAXIS)
                .map(Infusion::administeredAt)
                .toList();
        long kept = due.stream()
                .filter(t -> logged.stream()
                        .anyMatch(a ->
                                !a.isBefore(t.minus(Duration.ofHours(4))) && !a.isAfter(t.plus(Duration.ofHours(12)))))
                .count();
        return (double) kept / due.size();
    }
}
