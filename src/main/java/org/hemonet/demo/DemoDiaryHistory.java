package org.hemonet.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import org.hemonet.patient.Severity;
import org.hemonet.supply.Schedule;
import org.jspecify.annotations.Nullable;

/**
 * A patient's generated diary history for the demo network (docs/demo.md): 13 to 24 months of entries up to yesterday.
 * Pure and deterministic: the same seed, profile and "now" give the same entries, ids included.
 *
 * <ul>
 *   <li>Prophylaxis follows the plan's schedule (its weekdays, or its interval counted from the plan's first day and
 *       carried back before it), at a local morning time around the plan's dose time (now and then in the evening),
 *       stored as UTC instants: so 07:30 in London is 07:30Z in winter and 06:30Z in summer. Each dose is taken or
 *       missed so that the share taken stays within a dose or two of the patient's adherence over any stretch of weeks.
 *   <li>On demand, a dose before dental treatment or sport on the first day and once or twice a year after.
 *   <li>Bleeds come at a rate set by severity and regimen (0 to 6 a year), spread evenly over the history, mostly in knees, ankles and
 *       elbows, with a cause, pain 0–10, sometimes joint-immobilising and with days lost from school or work; most are
 *       treated with 1–3 infusions linked by {@code bleedId}, 24 hours apart.
 *   <li>A {@link Persona} other than {@link Persona#TYPICAL} shapes the history so that one rule of "patients needing
 *       attention" fires on purpose (clinical.md §3–§4).
 * </ul>
 */
final class DemoDiaryHistory {

    static final String RECORDED_BY = "demo-history";

    /** What the history shows on purpose. */
    enum Persona {
        /** Adherence 87–98 % (emicizumab 92–99 %), a few bleeds a year. */
        TYPICAL,
        /** Adherence 60–67 % (the attention list's "adherence &lt; 75 %"), and more bleeds. */
        POOR_ADHERENCE,
        /**
         * Three spontaneous bleeds in one major joint within 6 months, the third 20–40 days ago: a target joint that
         * is new (clinical.md §3).
         */
        NEW_TARGET_JOINT,
        /**
         * Nothing logged after the last dose due 20 or more days ago (20 to 23 days with doses twice a week or more)
         * while on prophylaxis ("diary silent").
         */
        SILENT,
        /** One bleed in the 6 months before the last 6, four in the last 6 months ("ABR rising"). */
        RISING_ABR
    }

    /**
     * What the generator needs to know of a patient.
     *
     * @param schedule the prophylaxis schedule, null on demand
     * @param planFrom the plan's first day: interval schedules count from it
     * @param bleedProductId what bleeds are treated with, null when they are not (emicizumab without a bleed product)
     */
    record Profile(
            UUID patientId,
            @Nullable Severity severity,
            int ageYears,
            UUID productId,
            DoseUnit unit,
            BigDecimal dose,
            @Nullable Schedule schedule,
            LocalDate planFrom,
            @Nullable UUID bleedProductId,
            BigDecimal bleedDose,
            Persona persona) {

        boolean onProphylaxis() {
            return schedule != null;
        }
    }

    /** A batch of a product the patient may have had at home from {@code from} (received or delivered) to expiry. */
    record BatchUse(UUID productId, String batchNumber, LocalDate from, LocalDate expiresOn) {}

    /** The generated entries (time order) and the first and last day of the history (local dates). */
    record History(List<Bleed> bleeds, List<Infusion> infusions, LocalDate firstDay, LocalDate lastDay) {}

    private static final BleedSite[] KNEES_ANKLES_ELBOWS = {
        BleedSite.LEFT_KNEE,
        BleedSite.RIGHT_KNEE,
        BleedSite.LEFT_ANKLE,
        BleedSite.RIGHT_ANKLE,
        BleedSite.LEFT_ELBOW,
        BleedSite.RIGHT_ELBOW
    };
    private static final BleedSite[] OTHER_JOINTS = {
        BleedSite.LEFT_HIP, BleedSite.RIGHT_SHOULDER, BleedSite.LEFT_WRIST, BleedSite.RIGHT_WRIST
    };
    private static final BleedSite[] MUSCLES = {
        BleedSite.LEFT_THIGH,
        BleedSite.RIGHT_THIGH,
        BleedSite.LEFT_CALF,
        BleedSite.RIGHT_CALF,
        BleedSite.LEFT_FOREARM,
        BleedSite.RIGHT_ILIOPSOAS
    };
    private static final BleedSite[] OTHER_SITES = {
        BleedSite.NOSE, BleedSite.NOSE, BleedSite.MOUTH, BleedSite.SOFT_TISSUE, BleedSite.SOFT_TISSUE
    };
    private static final String[] BEFORE_ACTIVITY_NOTES = {
        "Before dental treatment", "Before a football match", "Before a long hike", "Before a dental check-up"
    };
    private static final String[] TRAUMA_NOTES = {
        "Twisted it playing football",
        "Knocked it on the car door",
        "Fell off my bike",
        "Slipped on the stairs",
        "After a long walk",
        "Bumped it at PE"
    };

    private DemoDiaryHistory() {}

    static History generate(long seed, Profile p, List<BatchUse> batches, Instant now, ZoneId zone) {
        Random random = new Random(seed
                ^ p.patientId().getMostSignificantBits()
                ^ Long.rotateLeft(p.patientId().getLeastSignificantBits(), 17));
        LocalDate today = now.atZone(zone).toLocalDate();
        // at least 13 months, so that the first entry (the diary start, clinical.md §4) lies a whole year back even on
        // a
        // four-weekly schedule: "the last 12 months" then has 365 or 366 observation days
        LocalDate firstDay = today.minusDays(1).minusMonths(13 + random.nextInt(12));
        LocalDate lastDay = today.minusDays(1);
        if (p.persona() == Persona.SILENT && p.schedule() != null) {
            // the last entry is the last dose due 20 or more days ago; nothing since
            LocalDate anchor = alignedAnchor(p.schedule(), p.planFrom(), firstDay);
            lastDay = today.minusDays(20);
            while (!p.schedule().isDueOn(lastDay, anchor) && lastDay.isAfter(firstDay)) {
                lastDay = lastDay.minusDays(1);
            }
        }
        // nothing is logged after the last day, nor after "now"
        Instant end = earlier(lastDay.plusDays(1).atStartOfDay(zone).toInstant(), now);
        Builder out = new Builder(random, p, batches, zone, end);

        if (p.onProphylaxis()) {
            double adherence =
                    switch (p.persona()) {
                        case POOR_ADHERENCE -> 0.60 + 0.09 * random.nextDouble();
                        default ->
                            p.unit() == DoseUnit.MG
                                    ? 0.92 + 0.07 * random.nextDouble()
                                    : 0.85 + 0.13 * random.nextDouble();
                    };
            prophylaxis(out, firstDay, lastDay, adherence);
        } else {
            beforeActivity(out, firstDay, lastDay);
        }
        bleeds(out, firstDay, lastDay, today);
        out.infusions.sort(Comparator.comparing(Infusion::administeredAt));
        out.bleeds.sort(Comparator.comparing(Bleed::startedAt));
        return new History(List.copyOf(out.bleeds), List.copyOf(out.infusions), firstDay, lastDay);
    }

    private static void prophylaxis(Builder out, LocalDate firstDay, LocalDate lastDay, double adherence) {
        Profile p = out.profile;
        Schedule schedule = java.util.Objects.requireNonNull(p.schedule());
        List<LocalDate> due = new ArrayList<>();
        LocalDate anchor = alignedAnchor(schedule, p.planFrom(), firstDay);
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (schedule.isDueOn(day, anchor)) {
                due.add(day);
            }
        }
        // error diffusion with a random threshold: each dose adds the adherence to a running balance and is taken when
        // the balance passes a threshold drawn between 0.5 and 1, which then costs 1. Misses fall irregularly, yet in
        // any run of doses the number taken is within 1.5 of runLength × adherence
        // the first dose is taken (a diary starts with an entry): the balance starts where the first dose reaches 1
        double balance = 1 - adherence;
        out.random.nextDouble(); // keeps the draws of the other entries as they were
        for (int i = 0; i < due.size(); i++) {
            balance += adherence;
            boolean lastBeforeSilence = p.persona() == Persona.SILENT && i == due.size() - 1;
            if (balance >= 0.5 + 0.5 * out.random.nextDouble() || lastBeforeSilence) {
                balance -= 1;
                out.infusion(
                        doseTime(out.random, schedule.doseTime(), due.get(i), out.zone),
                        p.productId(),
                        p.unit(),
                        p.dose(),
                        InfusionReason.PROPHYLAXIS,
                        null,
                        null);
            }
        }
    }

    /**
     * On demand, a dose now and then before dental treatment or sport: the first on the history's first day, so that the
     * diary starts there (clinical.md §4: the diary start is the first entry; without it, one bleed last week would be
     * annualised over a week's diary), then one or two more a year.
     */
    private static void beforeActivity(Builder out, LocalDate firstDay, LocalDate lastDay) {
        Profile p = out.profile;
        UUID product = p.bleedProductId() != null ? p.bleedProductId() : p.productId();
        DoseUnit unit = product.equals(p.productId()) ? p.unit() : DoseUnit.IU;
        int days = (int) ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        int more = days * (1 + out.random.nextInt(2)) / 365;
        List<LocalDate> when = new ArrayList<>();
        when.add(firstDay);
        for (int i = 0; i < more; i++) {
            when.add(firstDay.plusDays(1 + out.random.nextInt(Math.max(1, days - 1))));
        }
        for (LocalDate day : when) {
            String note = BEFORE_ACTIVITY_NOTES[out.random.nextInt(BEFORE_ACTIVITY_NOTES.length)];
            Instant at = day.atTime(8, 0)
                    .plusMinutes(out.random.nextInt(180))
                    .atZone(out.zone)
                    .toInstant();
            out.infusion(at, product, unit, p.bleedDose(), InfusionReason.BEFORE_ACTIVITY, null, note);
        }
    }

    /**
     * The plan's first day moved back by whole schedule periods to on or before the history's first day, so that the
     * history's doses fall on the days the plan schedules (interval schedules count from their first day).
     */
    static LocalDate alignedAnchor(Schedule schedule, LocalDate planFrom, LocalDate firstDay) {
        long period =
                switch (schedule.kind()) {
                    case EVERY_N_DAYS -> schedule.interval();
                    case EVERY_N_WEEKS -> 7L * schedule.interval();
                    case WEEKDAYS -> 7;
                };
        long behind = Math.max(0, ChronoUnit.DAYS.between(firstDay, planFrom));
        long periods = (behind + period - 1) / period;
        return planFrom.minusDays(periods * period);
    }

    /**
     * A local time around the scheduled dose time: most mornings from 40 minutes before to 2 hours after it, one dose
     * in twelve in the early evening (17:30–19:00), all inside the adherence window of 4 hours before to 12 hours after
     * (clinical.md §4). A time that does not exist on a spring-forward day moves forward by the gap.
     */
    static Instant doseTime(Random random, LocalTime scheduled, LocalDate day, ZoneId zone) {
        LocalTime time = random.nextInt(12) == 0
                ? LocalTime.of(17, 30).plusMinutes(random.nextInt(90))
                : scheduled.minusMinutes(40).plusMinutes(random.nextInt(160));
        return day.atTime(time).atZone(zone).toInstant();
    }

    private static void bleeds(Builder out, LocalDate firstDay, LocalDate lastDay, LocalDate today) {
        Profile p = out.profile;
        Random random = out.random;
        double perYear = bleedsPerYear(random, p);
        BleedSite favourite = KNEES_ANKLES_ELBOWS[random.nextInt(KNEES_ANKLES_ELBOWS.length)];
        BleedSite avoided = null;
        LocalDate randomUntil = lastDay;
        switch (p.persona()) {
            case NEW_TARGET_JOINT -> {
                // the target joint: no earlier bleeds there, or it would have become one long ago
                avoided = favourite;
                out.bleed(
                        at(random, today.minusDays(140 + random.nextInt(20)), out.zone),
                        favourite,
                        BleedCause.SPONTANEOUS);
                out.bleed(
                        at(random, today.minusDays(80 + random.nextInt(15)), out.zone),
                        favourite,
                        BleedCause.SPONTANEOUS);
                out.bleed(
                        at(random, today.minusDays(20 + random.nextInt(20)), out.zone),
                        favourite,
                        BleedCause.SPONTANEOUS);
            }
            case RISING_ABR -> {
                // the year before the last: random; then 1 bleed in months 12–6 ago and 4 in the last 6 months
                randomUntil = today.minusMonths(12);
                out.bleed(
                        at(random, today.minusMonths(9).minusDays(random.nextInt(30)), out.zone),
                        BleedSite.RIGHT_ELBOW,
                        BleedCause.TRAUMATIC);
                BleedSite[] sites = {
                    BleedSite.LEFT_KNEE, BleedSite.RIGHT_ANKLE, BleedSite.LEFT_THIGH, BleedSite.RIGHT_KNEE
                };
                for (int i = 0; i < sites.length; i++) {
                    LocalDate day = today.minusDays(150 - 35L * i - random.nextInt(10));
                    out.bleed(
                            at(random, day, out.zone),
                            sites[i],
                            i % 2 == 0 ? BleedCause.SPONTANEOUS : BleedCause.TRAUMATIC);
                }
            }
            default -> {}
        }
        long days = ChronoUnit.DAYS.between(firstDay, randomUntil) + 1;
        if (days <= 0) {
            return;
        }
        double years = days / 365.25;
        int count = Math.min(poisson(random, perYear * years), (int) Math.floor(6 * years));
        // one bleed at a random day of each of `count` equal stretches: the rate stays even over the history, so that
        // chance alone seldom makes the ABR rise between two halves of a year (that is the RISING_ABR persona's part)
        for (int i = 0; i < count; i++) {
            long from = days * i / count;
            long to = days * (i + 1) / count;
            LocalDate day = firstDay.plusDays(from + random.nextInt((int) Math.max(1, to - from)));
            BleedSite site = site(random, favourite);
            if (site == avoided) {
                site = site == BleedSite.LEFT_KNEE ? BleedSite.RIGHT_KNEE : BleedSite.LEFT_KNEE;
            }
            out.bleed(at(random, day, out.zone), site, cause(random, p));
        }
    }

    /** Bleeds a year by regimen and severity (severe on prophylaxis: 1–3.5; mild on demand: 0.3–1.5). */
    private static double bleedsPerYear(Random random, Profile p) {
        double rate;
        if (p.onProphylaxis()) {
            if (p.unit() == DoseUnit.MG) {
                rate = 0.2 + 1.3 * random.nextDouble();
            } else if (p.severity() == Severity.SEVERE) {
                rate = 1.0 + 2.5 * random.nextDouble();
            } else {
                rate = 0.5 + 2.0 * random.nextDouble();
            }
        } else if (p.severity() == Severity.SEVERE) {
            rate = 4 + 2 * random.nextDouble();
        } else if (p.severity() == Severity.MODERATE) {
            rate = 2 + 3 * random.nextDouble();
        } else {
            rate = 0.3 + 1.2 * random.nextDouble();
        }
        if (p.persona() == Persona.POOR_ADHERENCE) {
            rate += 2;
        }
        return Math.min(6, rate);
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    private static BleedSite site(Random random, BleedSite favourite) {
        int roll = random.nextInt(100);
        if (roll < 70) {
            if (random.nextInt(10) < 3) {
                return favourite;
            }
            return random.nextInt(12) == 0
                    ? OTHER_JOINTS[random.nextInt(OTHER_JOINTS.length)]
                    : KNEES_ANKLES_ELBOWS[random.nextInt(KNEES_ANKLES_ELBOWS.length)];
        }
        if (roll < 88) {
            return MUSCLES[random.nextInt(MUSCLES.length)];
        }
        return OTHER_SITES[random.nextInt(OTHER_SITES.length)];
    }

    private static BleedCause cause(Random random, Profile p) {
        int roll = random.nextInt(100);
        boolean mildOnDemand = !p.onProphylaxis() && p.severity() != Severity.SEVERE;
        if (mildOnDemand) {
            return roll < 75 ? BleedCause.TRAUMATIC : roll < 87 ? BleedCause.SPONTANEOUS : BleedCause.UNKNOWN;
        }
        return roll < 45 ? BleedCause.SPONTANEOUS : roll < 92 ? BleedCause.TRAUMATIC : BleedCause.UNKNOWN;
    }

    /** A local time of day when a bleed is noticed: 07:00 to 22:00. */
    private static Instant at(Random random, LocalDate day, ZoneId zone) {
        return day.atTime(7, 0)
                .plusMinutes(random.nextInt(15 * 60))
                .atZone(zone)
                .toInstant();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Collects entries, drawing ids, times of logging and batch numbers from the same random stream. */
    private static final class Builder {
        final Random random;
        final Profile profile;
        final List<BatchUse> batches;
        final ZoneId zone;
        final Instant end;
        final List<Bleed> bleeds = new ArrayList<>();
        final List<Infusion> infusions = new ArrayList<>();

        Builder(Random random, Profile profile, List<BatchUse> batches, ZoneId zone, Instant end) {
            this.random = random;
            this.profile = profile;
            this.batches = batches;
            this.zone = zone;
            this.end = end;
        }

        UUID id() {
            long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        }

        /** Logged a few minutes to an hour after it happened, and never after "now". */
        Instant recordedAt(Instant at) {
            Instant recorded = at.plus(2 + random.nextInt(60), ChronoUnit.MINUTES);
            return recorded.isAfter(end) ? (at.isAfter(end) ? at : end) : recorded;
        }

        void infusion(
                Instant at,
                UUID productId,
                DoseUnit unit,
                BigDecimal dose,
                InfusionReason reason,
                @Nullable UUID bleedId,
                @Nullable String note) {
            if (!at.isBefore(end)) {
                return;
            }
            infusions.add(new Infusion(
                    id(),
                    profile.patientId(),
                    at,
                    productId,
                    batchOn(productId, at.atZone(zone).toLocalDate()),
                    dose,
                    unit,
                    reason,
                    bleedId,
                    null,
                    note,
                    recordedAt(at),
                    RECORDED_BY,
                    null,
                    null,
                    null));
        }

        void bleed(Instant startedAt, BleedSite site, BleedCause cause) {
            if (!startedAt.isBefore(end)) {
                return;
            }
            boolean limb = site.kind() != org.hemonet.diary.SiteKind.OTHER;
            int pain = site.isJoint() ? 3 + random.nextInt(6) : limb ? 2 + random.nextInt(6) : 1 + random.nextInt(4);
            boolean immobilising = limb && pain >= 5 && random.nextBoolean();
            int school = 0;
            int work = 0;
            if (pain >= 5 && random.nextInt(100) < 40) {
                int lost = 1 + random.nextInt(immobilising ? 3 : 2);
                if (profile.ageYears() < 18) {
                    school = profile.ageYears() >= 4 ? lost : 0;
                } else if (profile.ageYears() < 67) {
                    work = lost;
                }
            }
            String note = cause == BleedCause.TRAUMATIC && random.nextInt(10) < 4
                    ? TRAUMA_NOTES[random.nextInt(TRAUMA_NOTES.length)]
                    : null;
            UUID id = id();
            bleeds.add(new Bleed(
                    id,
                    profile.patientId(),
                    startedAt,
                    site,
                    cause,
                    pain,
                    immobilising,
                    school,
                    work,
                    note,
                    recordedAt(startedAt),
                    RECORDED_BY,
                    null,
                    null,
                    null));
            treat(id, startedAt, site, pain);
        }

        /**
         * Joint and muscle bleeds are treated (1–3 infusions, 24 hours apart, the first within 3 hours); other bleeds
         * now and then, with one. On emicizumab without a bleed product nothing is given.
         */
        private void treat(UUID bleedId, Instant startedAt, BleedSite site, int pain) {
            UUID product = profile.bleedProductId();
            if (product == null) {
                return;
            }
            boolean limb = site.kind() != org.hemonet.diary.SiteKind.OTHER;
            if (!limb && random.nextInt(10) < 6) {
                return;
            }
            int count = limb ? 1 + (pain >= 6 ? 1 + random.nextInt(2) : random.nextInt(2)) : 1;
            DoseUnit unit = product.equals(profile.productId()) ? profile.unit() : DoseUnit.IU;
            Instant at = startedAt.plus(20 + random.nextInt(160), ChronoUnit.MINUTES);
            for (int i = 0; i < count; i++) {
                infusion(at, product, unit, profile.bleedDose(), InfusionReason.BLEED, bleedId, null);
                at = at.plus(22 * 60 + random.nextInt(240), ChronoUnit.MINUTES);
            }
        }

        /** The batch the patient most recently had of the product on that day, if any was there yet and unexpired. */
        private @Nullable String batchOn(UUID productId, LocalDate day) {
            BatchUse best = null;
            for (BatchUse b : batches) {
                if (b.productId().equals(productId)
                        && !b.from().isAfter(day)
                        && !b.expiresOn().isBefore(day)
                        && (best == null || b.from().isAfter(best.from()))) {
                    best = b;
                }
            }
            return best == null ? null : best.batchNumber();
        }
    }
}
