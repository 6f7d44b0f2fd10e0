package org.hemonet.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.hemonet.diary.BleedCause;
import org.hemonet.diary.BleedFacts;
import org.hemonet.diary.BleedSite;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.InfusionFacts;
import org.hemonet.diary.InfusionReason;
import org.hemonet.diary.RegimenPeriod;
import org.jspecify.annotations.Nullable;

/**
 * The outcome measures of clinical.md §3–§4 as pure functions of a diary. No I/O, no clock: "today" and the patient's
 * time zone are inputs.
 *
 * <p>Interpretations where the specification leaves room, all tested in {@code OutcomeEngineTest}:
 *
 * <ul>
 *   <li>72-hour rule: an event (bleed start or treatment injection for a bleed at that site) belongs to the current
 *       episode of its site when it is at most 72 h (inclusive) after the episode's last event; the end of an episode
 *       is its last event. An injection more than 72 h after the last event opens a new, treated episode.
 *   <li>An episode belongs to the period when its start date, in the patient's time zone, is in the observation window.
 *   <li>"Within any consecutive 6 calendar months": the third spontaneous episode starts before the first's start plus
 *       6 months. After a resolution only episodes after the resolution date count towards a new target joint.
 *   <li>Adherence matches each scheduled dose with at most one prophylactic infusion and vice versa (earliest first).
 * </ul>
 */
public final class OutcomeEngine {

    /** ISTH 72-hour rule (clinical.md §3). */
    static final Duration EPISODE_GAP = Duration.ofHours(72);
    /** Florio convention: a prophylactic infusion from 4 h before to 12 h after the scheduled time (clinical.md §4). */
    public static final Duration BEFORE_DOSE = Duration.ofHours(4);

    public static final Duration AFTER_DOSE = Duration.ofHours(12);
    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365.25");

    private OutcomeEngine() {}

    /**
     * What the engine needs. Voided entries are ignored, so callers may pass them.
     *
     * @param from first day of the period asked for
     * @param to last day of the period asked for (inclusive)
     * @param today today in the patient's time zone
     * @param diaryStart set by the centre; null: the date of the first diary entry
     * @param weightsKg body weight by date of measurement
     */
    public record Input(
            ZoneId zone,
            LocalDate from,
            LocalDate to,
            LocalDate today,
            @Nullable LocalDate diaryStart,
            List<? extends BleedFacts> bleeds,
            List<? extends InfusionFacts> infusions,
            List<Instant> scheduledDoses,
            List<RegimenPeriod> regimens,
            NavigableMap<LocalDate, BigDecimal> weightsKg) {

        public Input {
            bleeds = bleeds.stream().filter(b -> !b.isVoided()).toList();
            infusions = infusions.stream().filter(i -> !i.isVoided()).toList();
            scheduledDoses = List.copyOf(scheduledDoses);
            regimens = List.copyOf(regimens);
            weightsKg = new TreeMap<>(weightsKg);
        }
    }

    /** The observation window [first, last] (whole days, both included), or null when there is none. */
    public record Window(LocalDate first, LocalDate last) {

        public int days() {
            return (int) ChronoUnit.DAYS.between(first, last) + 1;
        }

        boolean contains(LocalDate date) {
            return !date.isBefore(first) && !date.isAfter(last);
        }
    }

    public static OutcomeReport compute(Input in) {
        Window window = observationWindow(in);
        List<BleedEpisode> episodes = episodes(in.bleeds(), in.infusions());
        if (window == null) {
            return new OutcomeReport(
                    null,
                    new OutcomeReport.BleedEpisodes(null, null, null, null, null, null),
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        int days = window.days();
        List<DatedDose> factorDoses = factorDosesIn(in, window);
        List<BleedEpisode> inPeriod = episodes.stream()
                .filter(e -> window.contains(date(e.start(), in.zone())))
                .toList();
        int total = inPeriod.size();
        int treated = count(inPeriod, BleedEpisode::treated);
        int spontaneous = count(inPeriod, e -> e.cause() == BleedCause.SPONTANEOUS);
        int traumatic = count(inPeriod, e -> e.cause() == BleedCause.TRAUMATIC);
        int joint = count(inPeriod, e -> e.site().isJoint());
        int breakthrough = count(inPeriod, e -> in.regimens().stream().anyMatch(r -> r.contains(e.start())));
        int immobilising = count(inPeriod, BleedEpisode::jointImmobilising);
        List<OutcomeReport.Target> targets = targetJoints(episodes, in.zone(), window.last()).stream()
                .filter(t -> !t.since().isAfter(window.last())
                        && (t.resolvedOn() == null || !t.resolvedOn().isBefore(window.first())))
                .map(t -> new OutcomeReport.Target(t.site(), t.since(), t.resolvedOn()))
                .toList();
        return new OutcomeReport(
                days,
                new OutcomeReport.BleedEpisodes(total, treated, spontaneous, traumatic, joint, breakthrough),
                rate(total, days),
                rate(joint, days),
                rate(spontaneous, days),
                immobilising,
                targets,
                meanPain(inPeriod),
                inPeriod.stream().mapToInt(BleedEpisode::daysLostSchool).sum(),
                inPeriod.stream().mapToInt(BleedEpisode::daysLostWork).sum(),
                adherencePercent(in, window),
                factorUse(in, window, factorDoses),
                exposureDays(factorDoses));
    }

    /**
     * Observation time (clinical.md §4): from max(from, diary start) to min(to, today), both ends included. The diary
     * starts on the date of its first entry unless the centre set a start. Null when there is no diary or the window is
     * empty.
     */
    public static @Nullable Window observationWindow(Input in) {
        LocalDate start = in.diaryStart();
        if (start == null) {
            start = firstEntryDate(in);
        }
        if (start == null) {
            return null;
        }
        LocalDate first = in.from().isAfter(start) ? in.from() : start;
        LocalDate last = in.to().isBefore(in.today()) ? in.to() : in.today();
        return last.isBefore(first) ? null : new Window(first, last);
    }

    private static @Nullable LocalDate firstEntryDate(Input in) {
        Instant first = null;
        for (BleedFacts b : in.bleeds()) {
            first = first == null || b.startedAt().isBefore(first) ? b.startedAt() : first;
        }
        for (InfusionFacts i : in.infusions()) {
            first = first == null || i.administeredAt().isBefore(first) ? i.administeredAt() : first;
        }
        return first == null ? null : date(first, in.zone());
    }

    private record Event(Instant at, BleedFacts bleed, boolean injection) {}

    /**
     * Bleed episodes by the ISTH 72-hour rule (clinical.md §3), in order of start. A different site is always a new
     * episode; at one site an event at most 72 h after the episode's last event joins it. Treatment injections are the
     * infusions given for a bleed ({@code reason = BLEED} with its id).
     */
    public static List<BleedEpisode> episodes(
            List<? extends BleedFacts> bleeds, List<? extends InfusionFacts> infusions) {
        Map<UUID, BleedFacts> byId = new HashMap<>();
        Map<BleedSite, List<Event>> bySite = new EnumMap<>(BleedSite.class);
        for (BleedFacts b : bleeds) {
            if (b.isVoided()) {
                continue;
            }
            byId.put(b.id(), b);
            bySite.computeIfAbsent(b.site(), s -> new ArrayList<>()).add(new Event(b.startedAt(), b, false));
        }
        for (InfusionFacts i : infusions) {
            BleedFacts b = i.bleedId() == null ? null : byId.get(i.bleedId());
            if (i.isVoided() || i.reason() != InfusionReason.BLEED || b == null) {
                continue;
            }
            bySite.get(b.site()).add(new Event(i.administeredAt(), b, true));
        }
        List<BleedEpisode> episodes = new ArrayList<>();
        for (Map.Entry<BleedSite, List<Event>> site : bySite.entrySet()) {
            List<Event> events = site.getValue();
            events.sort(Comparator.comparing(Event::at).thenComparing(Event::injection));
            EpisodeBuilder current = null;
            for (Event event : events) {
                if (current == null || event.at().isAfter(current.end.plus(EPISODE_GAP))) {
                    if (current != null) {
                        episodes.add(current.build());
                    }
                    current = new EpisodeBuilder(site.getKey(), event);
                } else {
                    current.add(event);
                }
            }
            if (current != null) {
                episodes.add(current.build());
            }
        }
        episodes.sort(Comparator.comparing(BleedEpisode::start).thenComparing(BleedEpisode::site));
        return episodes;
    }

    private static final class EpisodeBuilder {
        final BleedSite site;
        final Instant start;
        Instant end;
        final BleedCause cause;
        boolean treated;

        @Nullable
        Integer pain;

        boolean immobilising;
        int school;
        int work;
        final Set<UUID> bleedIds = new java.util.LinkedHashSet<>();

        EpisodeBuilder(BleedSite site, Event first) {
            this.site = site;
            this.start = first.at();
            this.end = first.at();
            this.cause = first.bleed().cause();
            add(first);
        }

        void add(Event event) {
            end = event.at().isAfter(end) ? event.at() : end;
            if (event.injection()) {
                treated = true;
                return;
            }
            BleedFacts b = event.bleed();
            if (bleedIds.add(b.id())) {
                if (b.pain() != null && (pain == null || b.pain() > pain)) {
                    pain = b.pain();
                }
                immobilising |= b.jointImmobilising();
                school += b.daysLostSchool();
                work += b.daysLostWork();
            }
        }

        BleedEpisode build() {
            return new BleedEpisode(
                    site, start, end, cause, treated, pain, immobilising, school, work, List.copyOf(bleedIds));
        }
    }

    /**
     * Target joints (clinical.md §3) as of {@code asOf}: a major joint with 3 spontaneous episodes within 6 months is a
     * target joint since the start date of the third; it is resolved on the first date R ≥ since + 12 months on which
     * the 12 months ending on R (after R − 12 months, up to and including R) hold at most 2 episodes in that joint. A resolution after
     * {@code asOf} is not known yet (null).
     */
    public static List<TargetJoint> targetJoints(List<BleedEpisode> episodes, ZoneId zone, LocalDate asOf) {
        List<TargetJoint> result = new ArrayList<>();
        for (BleedSite site : BleedSite.values()) {
            if (!site.isJoint()) {
                continue;
            }
            List<LocalDate> all = new ArrayList<>();
            List<LocalDate> spontaneous = new ArrayList<>();
            for (BleedEpisode e : episodes) {
                LocalDate d = date(e.start(), zone);
                if (e.site() == site && !d.isAfter(asOf)) {
                    all.add(d);
                    if (e.cause() == BleedCause.SPONTANEOUS) {
                        spontaneous.add(d);
                    }
                }
            }
            LocalDate after = null;
            while (true) {
                LocalDate since = third(spontaneous, after);
                if (since == null) {
                    break;
                }
                LocalDate resolved = resolution(all, since);
                if (resolved.isAfter(asOf)) {
                    result.add(new TargetJoint(site, since, null));
                    break;
                }
                result.add(new TargetJoint(site, since, resolved));
                after = resolved;
            }
        }
        result.sort(Comparator.comparing(TargetJoint::since).thenComparing(TargetJoint::site));
        return result;
    }

    private static @Nullable LocalDate third(List<LocalDate> spontaneous, @Nullable LocalDate after) {
        List<LocalDate> candidates = spontaneous.stream()
                .filter(d -> after == null || d.isAfter(after))
                .sorted()
                .toList();
        for (int k = 2; k < candidates.size(); k++) {
            if (candidates.get(k).isBefore(candidates.get(k - 2).plusMonths(6))) {
                return candidates.get(k);
            }
        }
        return null;
    }

    private static LocalDate resolution(List<LocalDate> all, LocalDate since) {
        LocalDate r = since.plusMonths(12);
        while (true) {
            LocalDate windowStart = r.minusMonths(12);
            LocalDate day = r;
            List<LocalDate> inWindow = all.stream()
                    .filter(d -> d.isAfter(windowStart) && !d.isAfter(day))
                    .sorted()
                    .toList();
            if (inWindow.size() <= 2) {
                return r;
            }
            LocalDate next = inWindow.get(0).plusMonths(12);
            r = next.isAfter(r) ? next : r.plusDays(1);
        }
    }

    /**
     * Adherence (clinical.md §4, Florio convention): scheduled doses in the window with a logged prophylactic infusion
     * from 4 h before to 12 h after the scheduled time, ÷ scheduled doses, in percent. Null without scheduled doses.
     */
    static @Nullable BigDecimal adherencePercent(Input in, Window window) {
        Instant from = window.first().atStartOfDay(in.zone()).toInstant();
        Instant to = window.last().plusDays(1).atStartOfDay(in.zone()).toInstant();
        List<Instant> doses = in.scheduledDoses().stream()
                .filter(d -> !d.isBefore(from) && d.isBefore(to))
                .sorted()
                .toList();
        if (doses.isEmpty()) {
            return null;
        }
        TreeSet<Instant> unused = new TreeSet<>();
        List<Instant> prophylactic = in.infusions().stream()
                .filter(i -> i.reason() == InfusionReason.PROPHYLAXIS)
                .map(InfusionFacts::administeredAt)
                .toList();
        Map<Instant, Integer> multiplicity = new HashMap<>();
        for (Instant t : prophylactic) {
            unused.add(t);
            multiplicity.merge(t, 1, Integer::sum);
        }
        int covered = 0;
        for (Instant dose : doses) {
            Instant match = unused.ceiling(dose.minus(BEFORE_DOSE));
            if (match != null && !match.isAfter(dose.plus(AFTER_DOSE))) {
                covered++;
                if (multiplicity.merge(match, -1, Integer::sum) == 0) {
                    unused.remove(match);
                }
            }
        }
        return BigDecimal.valueOf(covered)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(doses.size()), 2, RoundingMode.HALF_UP);
    }

    /**
     * Factor use (clinical.md §4): IU of factor concentrate infused in the window, each divided by the body weight
     * latest on its date (the first weight when none is earlier), ÷ years of observation. Null without a weight.
     */
    static @Nullable BigDecimal factorUse(Input in, Window window, List<DatedDose> doses) {
        if (in.weightsKg().isEmpty()) {
            return null;
        }
        // IU summed per weight in force, then divided once per weight: exact, and one division instead of thousands
        Map<LocalDate, BigDecimal> iuByWeight = new HashMap<>();
        for (DatedDose dose : doses) {
            Map.Entry<LocalDate, BigDecimal> weight = in.weightsKg().floorEntry(dose.date());
            if (weight == null) {
                weight = in.weightsKg().firstEntry();
            }
            iuByWeight.merge(weight.getKey(), dose.iu(), BigDecimal::add);
        }
        BigDecimal iuPerKg = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, BigDecimal> iu : iuByWeight.entrySet()) {
            iuPerKg = iuPerKg.add(iu.getValue().divide(in.weightsKg().get(iu.getKey()), 10, RoundingMode.HALF_UP));
        }
        return iuPerKg.multiply(DAYS_PER_YEAR).divide(BigDecimal.valueOf(window.days()), 2, RoundingMode.HALF_UP);
    }

    /** Exposure days (clinical.md §4): calendar days, in the patient's time zone, with a factor concentrate given. */
    static int exposureDays(List<DatedDose> doses) {
        return (int) doses.stream().map(DatedDose::date).distinct().count();
    }

    /** An infusion of factor concentrate (IU) in the window with its local date, converted once for all measures. */
    record DatedDose(LocalDate date, BigDecimal iu) {}

    /** The IU infusions of the window with their dates in the patient's time zone, voided ones left out. */
    static List<DatedDose> factorDosesIn(Input in, Window window) {
        List<DatedDose> doses = new ArrayList<>();
        for (InfusionFacts i : in.infusions()) {
            if (i.isVoided() || i.unit() != DoseUnit.IU) {
                continue;
            }
            LocalDate d = date(i.administeredAt(), in.zone());
            if (window.contains(d)) {
                doses.add(new DatedDose(d, i.dose()));
            }
        }
        return doses;
    }

    /** {@code episodes / days × 365.25} to 2 decimals (clinical.md §4). */
    public static BigDecimal rate(int episodes, int days) {
        return BigDecimal.valueOf(episodes)
                .multiply(DAYS_PER_YEAR)
                .divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
    }

    private static @Nullable BigDecimal meanPain(List<BleedEpisode> episodes) {
        List<Integer> pains =
                episodes.stream().map(BleedEpisode::pain).filter(p -> p != null).toList();
        if (pains.isEmpty()) {
            return null;
        }
        int sum = pains.stream().mapToInt(Integer::intValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(pains.size()), 2, RoundingMode.HALF_UP);
    }

    private static int count(List<BleedEpisode> episodes, java.util.function.Predicate<BleedEpisode> p) {
        return (int) episodes.stream().filter(p).count();
    }

    public static LocalDate date(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalDate();
    }
}
