package org.hemonet.outcome.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedSite;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionReason;
import org.hemonet.outcome.BleedEpisode;
import org.hemonet.outcome.OutcomeEngine;
import org.hemonet.outcome.OutcomeReport;
import org.jspecify.annotations.Nullable;

/**
 * The geometry of the server-rendered SVG charts of the outcome pages (issue 6): the 12-month bleed calendar, the body
 * map of bleed episodes by site, the ABR per quarter and the clinician's diary timeline. Pure functions; the templates
 * only place what these compute.
 */
final class OutcomeCharts {

    private OutcomeCharts() {}

    // ---- 12-month bleed calendar ------------------------------------------------------------------------------------

    /** Pitch of a calendar day cell in SVG units (a 10-unit square and a 2-unit gap). */
    static final int CELL = 12;

    /**
     * One day of the calendar: {@code level} 0 (no bleed), 1 (one bleed), 2 (two or more); {@code future} days after
     * today are drawn blank.
     */
    record DayCell(LocalDate date, int x, int y, int bleeds, int level, boolean future) {}

    record Month(LocalDate firstDay, int bleeds, int bleedDays, int height, List<DayCell> cells) {}

    /**
     * The 12 calendar months ending with the current one, Monday-first weeks, each day coloured by the number of bleeds
     * logged as starting on it (voided ones left out).
     */
    static List<Month> calendar(List<Bleed> bleeds, ZoneId zone, LocalDate today) {
        Map<LocalDate, Integer> perDay = new HashMap<>();
        for (Bleed b : bleeds) {
            if (!b.isVoided()) {
                perDay.merge(b.startedAt().atZone(zone).toLocalDate(), 1, Integer::sum);
            }
        }
        List<Month> months = new ArrayList<>();
        YearMonth current = YearMonth.from(today);
        for (int k = 11; k >= 0; k--) {
            YearMonth ym = current.minusMonths(k);
            int offset = ym.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
            List<DayCell> cells = new ArrayList<>();
            int total = 0;
            int days = 0;
            int rows = 0;
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                LocalDate date = ym.atDay(d);
                int n = perDay.getOrDefault(date, 0);
                int slot = offset + d - 1;
                rows = slot / 7 + 1;
                cells.add(new DayCell(
                        date, (slot % 7) * CELL, (slot / 7) * CELL, n, Math.min(n, 2), date.isAfter(today)));
                total += n;
                days += n > 0 ? 1 : 0;
            }
            months.add(new Month(ym.atDay(1), total, days, rows * CELL, cells));
        }
        return months;
    }

    // ---- body map
    // ----------------------------------------------------------------------------------------------------

    /** A site on the figure (front view: the patient's right on the viewer's left), with its episode count. */
    record Spot(BleedSite site, int x, int y, int r, int count) {}

    /** Positions as on the diary's bleed form, so that the patient sees the same figure. */
    private static final Map<BleedSite, int[]> POSITIONS = new EnumMap<>(BleedSite.class);

    static {
        put(BleedSite.HEAD, 100, 30, 13);
        put(BleedSite.MOUTH, 100, 46, 6);
        put(BleedSite.RIGHT_SHOULDER, 66, 70, 10);
        put(BleedSite.LEFT_SHOULDER, 134, 70, 10);
        put(BleedSite.RIGHT_UPPER_ARM, 55, 105, 8);
        put(BleedSite.LEFT_UPPER_ARM, 145, 105, 8);
        put(BleedSite.RIGHT_ELBOW, 44, 140, 10);
        put(BleedSite.LEFT_ELBOW, 156, 140, 10);
        put(BleedSite.RIGHT_FOREARM, 39, 168, 8);
        put(BleedSite.LEFT_FOREARM, 161, 168, 8);
        put(BleedSite.RIGHT_WRIST, 34, 196, 9);
        put(BleedSite.LEFT_WRIST, 166, 196, 9);
        put(BleedSite.RIGHT_ILIOPSOAS, 88, 160, 8);
        put(BleedSite.LEFT_ILIOPSOAS, 112, 160, 8);
        put(BleedSite.RIGHT_HIP, 78, 186, 10);
        put(BleedSite.LEFT_HIP, 122, 186, 10);
        put(BleedSite.RIGHT_THIGH, 79, 228, 9);
        put(BleedSite.LEFT_THIGH, 121, 228, 9);
        put(BleedSite.RIGHT_KNEE, 78, 270, 11);
        put(BleedSite.LEFT_KNEE, 122, 270, 11);
        put(BleedSite.RIGHT_CALF, 78, 304, 8);
        put(BleedSite.LEFT_CALF, 122, 304, 8);
        put(BleedSite.RIGHT_ANKLE, 78, 336, 10);
        put(BleedSite.LEFT_ANKLE, 122, 336, 10);
    }

    private static void put(BleedSite site, int x, int y, int r) {
        POSITIONS.put(site, new int[] {x, y, r});
    }

    /** Every site of the figure with its number of episodes; a site with bleeds is drawn larger to fit its count. */
    static List<Spot> bodyMap(Map<BleedSite, Integer> counts) {
        List<Spot> spots = new ArrayList<>();
        POSITIONS.forEach((site, p) -> {
            int n = counts.getOrDefault(site, 0);
            spots.add(new Spot(site, p[0], p[1], n > 0 ? Math.max(p[2], 10) : Math.min(p[2], 7), n));
        });
        // drawn smallest-count first so that sites with bleeds lie on top
        spots.sort(Comparator.comparingInt(Spot::count));
        return spots;
    }

    /** Sites that have no place on the figure (mouth aside: soft tissue, nose, gut, urine, other). */
    static boolean onFigure(BleedSite site) {
        return POSITIONS.containsKey(site);
    }

    /** Episodes per site, most first. */
    record SiteCount(BleedSite site, int count) {}

    static Map<BleedSite, Integer> countBySite(List<BleedEpisode> episodes) {
        Map<BleedSite, Integer> counts = new EnumMap<>(BleedSite.class);
        episodes.forEach(e -> counts.merge(e.site(), 1, Integer::sum));
        return counts;
    }

    static List<SiteCount> siteCounts(Map<BleedSite, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> new SiteCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(SiteCount::count).reversed().thenComparing(SiteCount::site))
                .toList();
    }

    // ---- ABR per quarter
    // ---------------------------------------------------------------------------------------------

    /** Height of the tallest bar of the ABR chart in SVG units; the baseline is at {@link #ABR_BASE}. */
    static final int ABR_HEIGHT = 100;

    static final int ABR_BASE = 120;

    /**
     * The ABR of one calendar quarter (clinical.md §4: episodes starting in it ÷ observation days in it × 365.25); null
     * when the diary does not cover any of it. {@code partial}: the current quarter, up to today.
     */
    record QuarterBar(
            int year,
            int quarter,
            @Nullable BigDecimal abr,
            @Nullable Integer episodes,
            @Nullable Integer days,
            boolean partial,
            int x,
            int y,
            int height) {}

    /** The last {@code count} calendar quarters, the current one last, each computed by {@code outcomes}. */
    static List<QuarterBar> abrByQuarter(LocalDate today, int count, Function<LocalDate[], OutcomeReport> outcomes) {
        LocalDate currentStart = LocalDate.of(today.getYear(), (today.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
        List<OutcomeReport> reports = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        for (int k = count - 1; k >= 0; k--) {
            LocalDate start = currentStart.minusMonths(3L * k);
            starts.add(start);
            reports.add(
                    outcomes.apply(new LocalDate[] {start, start.plusMonths(3).minusDays(1)}));
        }
        BigDecimal max = new BigDecimal("4");
        for (OutcomeReport r : reports) {
            if (r.abr() != null && r.abr().compareTo(max) > 0) {
                max = r.abr();
            }
        }
        List<QuarterBar> bars = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            OutcomeReport r = reports.get(i);
            LocalDate start = starts.get(i);
            int h = r.abr() == null
                    ? 0
                    : r.abr()
                            .multiply(BigDecimal.valueOf(ABR_HEIGHT))
                            .divide(max, 0, java.math.RoundingMode.HALF_UP)
                            .intValue();
            bars.add(new QuarterBar(
                    start.getYear(),
                    start.get(IsoFields.QUARTER_OF_YEAR),
                    r.abr(),
                    r.bleedEpisodes().total(),
                    r.observationDays(),
                    i == reports.size() - 1,
                    14 + i * 38,
                    ABR_BASE - h,
                    h));
        }
        return bars;
    }

    // ---- diary timeline
    // ----------------------------------------------------------------------------------------------

    /** Width of the timeline in SVG units; the first {@link #LEFT} hold the row labels. */
    static final int WIDTH = 720;

    static final int LEFT = 104;

    record Tick(LocalDate date, double x) {}

    record BleedMark(Bleed bleed, double x, boolean target) {}

    record InfusionMark(Infusion infusion, double x, String kind) {}

    record DoseMark(Instant at, double x, boolean covered) {}

    record Timeline(List<Tick> ticks, List<BleedMark> bleeds, List<InfusionMark> infusions, List<DoseMark> doses) {}

    /**
     * The period [from, to] across the width; bleeds and infusions not voided, bleeds at a target joint marked, each
     * scheduled dose marked covered when a prophylactic infusion was logged from 4 h before to 12 h after it (Florio
     * convention, clinical.md §4, each infusion covering one dose, earliest first, as {@link OutcomeEngine} counts).
     */
    static Timeline timeline(
            LocalDate from,
            LocalDate to,
            ZoneId zone,
            List<Bleed> bleeds,
            List<Infusion> infusions,
            List<Instant> scheduled,
            Set<BleedSite> targetSites) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        double span = end.toEpochMilli() - start.toEpochMilli();
        Function<Instant, Double> x = t -> LEFT + (t.toEpochMilli() - start.toEpochMilli()) / span * (WIDTH - LEFT - 8);
        List<Tick> ticks = new ArrayList<>();
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        if (days <= 45) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(7)) {
                ticks.add(new Tick(d, x.apply(d.atStartOfDay(zone).toInstant())));
            }
        } else {
            int step = days > 400 ? 3 : 1;
            for (LocalDate d = from.withDayOfMonth(1).plusMonths(from.getDayOfMonth() == 1 ? 0 : 1);
                    !d.isAfter(to);
                    d = d.plusMonths(step)) {
                ticks.add(new Tick(d, x.apply(d.atStartOfDay(zone).toInstant())));
            }
        }
        List<BleedMark> bleedMarks = bleeds.stream()
                .filter(b -> !b.isVoided() && inside(b.startedAt(), start, end))
                .map(b -> new BleedMark(b, x.apply(b.startedAt()), targetSites.contains(b.site())))
                .toList();
        List<InfusionMark> infusionMarks = infusions.stream()
                .filter(i -> !i.isVoided() && inside(i.administeredAt(), start, end))
                .map(i -> new InfusionMark(
                        i,
                        x.apply(i.administeredAt()),
                        switch (i.reason()) {
                            case PROPHYLAXIS -> "prophylaxis";
                            case BLEED -> "treatment";
                            default -> "other";
                        }))
                .toList();
        TreeSet<Instant> unused = new TreeSet<>(Comparator.naturalOrder());
        Map<Instant, Integer> multiplicity = new HashMap<>();
        for (Infusion i : infusions) {
            if (!i.isVoided() && i.reason() == InfusionReason.PROPHYLAXIS) {
                unused.add(i.administeredAt());
                multiplicity.merge(i.administeredAt(), 1, Integer::sum);
            }
        }
        List<DoseMark> doseMarks = new ArrayList<>();
        for (Instant dose : scheduled.stream().sorted().toList()) {
            if (!inside(dose, start, end)) {
                continue;
            }
            Instant match = unused.ceiling(dose.minus(OutcomeEngine.BEFORE_DOSE));
            boolean covered = match != null && !match.isAfter(dose.plus(OutcomeEngine.AFTER_DOSE));
            if (covered && multiplicity.merge(match, -1, Integer::sum) == 0) {
                unused.remove(match);
            }
            doseMarks.add(new DoseMark(dose, x.apply(dose), covered));
        }
        return new Timeline(ticks, bleedMarks, infusionMarks, doseMarks);
    }

    private static boolean inside(Instant t, Instant start, Instant end) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
