package org.hemonet.outcome.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedCause;
import org.hemonet.diary.BleedSite;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionReason;
import org.junit.jupiter.api.Test;

/**
 * {@link AttentionRules#validUntil}: the list keeps a patient's reasons until that moment (issue 14), so the reasons
 * must not change before it. Property-style, with a seeded {@link Random} (jqwik is not available here): random
 * diaries (bleeds into a few joints, bleed treatments, prophylaxis logged late, early, or not at all, future-dated
 * entries), random schedules and time zones across the daylight-saving changes, and moments chosen both at random and
 * exactly on the rules' boundaries (a dose falling due, its window closing, 14 days after it or after the last entry,
 * midnight). For each, the reasons at any later moment before {@code validUntil} equal the reasons at the first one.
 */
class AttentionValidityTest {

    static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Europe/London"), ZoneId.of("America/New_York"), ZoneId.of("Pacific/Auckland"), ZoneId.of("UTC"));
    static final List<BleedSite> SITES =
            List.of(BleedSite.LEFT_KNEE, BleedSite.RIGHT_ANKLE, BleedSite.LEFT_ELBOW, BleedSite.NOSE);
    static final UUID PATIENT = UUID.randomUUID();
    static final UUID PRODUCT = UUID.randomUUID();

    record Case(AttentionRules.PatientDiary diary, ZoneId zone, Instant now) {}

    @Test
    void theReasonsHoldUntilValidUntilAndTheBoundariesAreReached() {
        Random random = new Random(20261207L);
        int checked = 0;
        int changedAtUntil = 0;
        for (int i = 0; i < 150; i++) {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            // around the spring and autumn clock changes of both hemispheres
            LocalDate day = List.of(
                            LocalDate.of(2026, 3, 29),
                            LocalDate.of(2026, 10, 25),
                            LocalDate.of(2026, 4, 5),
                            LocalDate.of(2026, 11, 1),
                            LocalDate.of(2026, 7, 14))
                    .get(random.nextInt(5))
                    .plusDays(random.nextInt(5) - 2);
            Instant base = day.atStartOfDay(zone).toInstant().plusSeconds(random.nextInt(86_400));
            AttentionRules.PatientDiary diary = diary(random, zone, base);
            for (Instant t1 : moments(random, diary, zone, base)) {
                List<AttentionRules.Reason> at1 = AttentionRules.reasons(diary, zone, t1);
                Instant until = AttentionRules.validUntil(diary, zone, t1);
                assertThat(until).isAfter(t1);
                assertThat(until)
                        .isBeforeOrEqualTo(t1.atZone(zone)
                                .toLocalDate()
                                .plusDays(1)
                                .atStartOfDay(zone)
                                .toInstant());
                long span = Duration.between(t1, until).toNanos();
                for (Instant t2 : List.of(
                        t1.plusNanos(1).isBefore(until) ? t1.plusNanos(1) : t1,
                        t1.plusNanos((long) (random.nextDouble() * span)),
                        until.minusNanos(1))) {
                    assertThat(AttentionRules.reasons(diary, zone, t2))
                            .as("reasons at %s (kept from %s until %s, %s)", t2, t1, until, zone)
                            .isEqualTo(at1);
                    checked++;
                }
                if (!AttentionRules.reasons(diary, zone, until).equals(at1)) {
                    changedAtUntil++;
                }
            }
        }
        System.out.printf("VALIDITY checked %d, changed at validUntil %d%n", checked, changedAtUntil);
        assertThat(checked).isGreaterThan(2_000);
        // the generator reaches the rules' boundaries: a validUntil one step too late would be seen
        assertThat(changedAtUntil).isGreaterThan(100);
    }

    /** Moments to start from: random ones near {@code base} and every boundary the rules have near it. */
    static List<Instant> moments(Random random, AttentionRules.PatientDiary d, ZoneId zone, Instant base) {
        List<Instant> candidates = new ArrayList<>();
        candidates.add(base);
        candidates.add(base.plusSeconds(random.nextInt(3 * 86_400)));
        candidates.add(
                base.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
        if (d.lastEntry() != null) {
            Instant silent = d.lastEntry().plus(Duration.ofDays(AttentionRules.SILENT_DAYS));
            candidates.add(silent);
            candidates.add(silent.plusNanos(1));
            candidates.add(silent.minusNanos(1));
        }
        for (Instant dose : d.scheduledDoses()) {
            if (Math.abs(Duration.between(dose, base).toDays()) < 20 && random.nextInt(4) == 0) {
                candidates.add(dose);
                candidates.add(dose.minusNanos(1));
                candidates.add(dose.plus(Duration.ofHours(12)));
                candidates.add(dose.plus(Duration.ofDays(AttentionRules.SILENT_DAYS)));
                candidates.add(
                        dose.plus(Duration.ofDays(AttentionRules.SILENT_DAYS)).plusNanos(1));
            }
        }
        return candidates;
    }

    /** A random diary and schedule up to a little after {@code base} (so future-dated entries occur too). */
    static AttentionRules.PatientDiary diary(Random random, ZoneId zone, Instant base) {
        Instant start = base.minus(Duration.ofDays(60 + random.nextInt(500)));
        Instant end = base.plus(Duration.ofHours(random.nextInt(48)));
        List<Bleed> bleeds = new ArrayList<>();
        List<Infusion> infusions = new ArrayList<>();
        int bleedCount = random.nextInt(25);
        for (int i = 0; i < bleedCount; i++) {
            Instant at = between(random, start, end);
            BleedSite site = SITES.get(random.nextInt(SITES.size()));
            BleedCause cause = random.nextInt(4) == 0 ? BleedCause.TRAUMATIC : BleedCause.SPONTANEOUS;
            Bleed bleed = new Bleed(
                    UUID.randomUUID(),
                    PATIENT,
                    at,
                    site,
                    cause,
                    random.nextInt(11),
                    random.nextBoolean(),
                    0,
                    0,
                    null,
                    at,
                    "t",
                    null,
                    null,
                    null);
            bleeds.add(bleed);
            if (random.nextInt(3) > 0) {
                infusions.add(infusion(at.plus(Duration.ofMinutes(30)), InfusionReason.BLEED, bleed.id()));
            }
        }
        List<Instant> doses = new ArrayList<>();
        if (random.nextInt(4) > 0) {
            int every = 1 + random.nextInt(3);
            LocalDateTime first = start.atZone(zone).toLocalDate().atTime(6 + random.nextInt(14), 0);
            Instant planEnd = random.nextInt(5) == 0 ? between(random, start, base) : base.plus(Duration.ofHours(26));
            double adherence = random.nextDouble();
            for (LocalDateTime at = first; ; at = at.plusDays(every)) {
                Instant dose = at.atZone(zone).toInstant();
                if (!dose.isBefore(planEnd)) {
                    break;
                }
                doses.add(dose);
                if (random.nextDouble() < adherence && dose.isBefore(end)) {
                    long offset = (long) ((random.nextDouble() * 28 - 14) * 3_600);
                    infusions.add(infusion(dose.plusSeconds(offset), InfusionReason.PROPHYLAXIS, null));
                }
            }
        }
        bleeds.sort(Comparator.comparing(Bleed::startedAt));
        infusions.sort(Comparator.comparing(Infusion::administeredAt));
        Instant firstEntry = null;
        Instant lastEntry = null;
        for (Instant at : bleeds.stream().map(Bleed::startedAt).toList()) {
            firstEntry = firstEntry == null || at.isBefore(firstEntry) ? at : firstEntry;
            lastEntry = lastEntry == null || at.isAfter(lastEntry) ? at : lastEntry;
        }
        for (Instant at : infusions.stream().map(Infusion::administeredAt).toList()) {
            firstEntry = firstEntry == null || at.isBefore(firstEntry) ? at : firstEntry;
            lastEntry = lastEntry == null || at.isAfter(lastEntry) ? at : lastEntry;
        }
        return new AttentionRules.PatientDiary(bleeds, infusions, doses, firstEntry, lastEntry);
    }

    static Instant between(Random random, Instant from, Instant to) {
        long seconds = Math.max(1, Duration.between(from, to).toSeconds());
        return from.plusSeconds((long) (random.nextDouble() * seconds));
    }

    static Infusion infusion(Instant at, InfusionReason reason, UUID bleedId) {
        return new Infusion(
                UUID.randomUUID(),
                PATIENT,
                at,
                PRODUCT,
                null,
                new BigDecimal("2000"),
                DoseUnit.IU,
                reason,
                bleedId,
                null,
                null,
                at,
                "t",
                null,
                null,
                null);
    }
}
