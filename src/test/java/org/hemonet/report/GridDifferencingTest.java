package org.hemonet.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hemonet.outcome.CohortRegimen;
import org.hemonet.patient.InhibitorStatus;
import org.junit.jupiter.api.Test;

/**
 * Differencing attacks on the grid rule of the centres compared ({@link CentreComparison#grid}, {@link
 * CentreComparison#smallIn}; clinical.md §8: no suppressed cell may be recoverable from the same report under another
 * filter or year) over the dimensions {@link ComparisonDifferencingTest} leaves alone: regimen by age band, inhibitor
 * status, and consecutive years in which patients move between the cells of a grid (a child turns 12 and leaves the
 * 0-11 band for 12-17; a patient switches regimen), which diagnosis and severity, stable over the years, never do.
 *
 * <p>The tables are published through {@link CentreComparison#publish} with the other cells of their filter's grid and
 * attacked with {@link RatioAttack} as in {@link ComparisonDifferencingTest}: every figure is an equation in whole
 * numbers, the cells of a grid sum to the wider filters, and across two years the attacker is told each centre's
 * counts moved by at most m (the strongest realistic knowledge of who moved: an attacker who knew each mover would
 * know the patients). A hidden count of 1–7 left with a single possible value fails the test, with the seed's trial
 * and every table in its message.
 */
class GridDifferencingTest {

    private static final int TRIALS = 60;
    /** Fewer for the 25 tables of regimen by age band (about 10 s on an idle core). */
    private static final int GRID_TRIALS = 40;

    private static final CentreComparison.Filter ALL = new CentreComparison.Filter(null, null, null);
    /** How many dimensions a filter sets is what {@link CentreComparison#publish} reads of it. */
    private static final CentreComparison.Filter BY_REGIMEN =
            new CentreComparison.Filter(null, null, null, CohortRegimen.PROPHYLAXIS, null);

    private static final CentreComparison.Filter BY_AGE =
            new CentreComparison.Filter(null, null, null, null, CentreComparison.AgeBand.AGE_0_11);
    private static final CentreComparison.Filter BY_BOTH =
            new CentreComparison.Filter(null, null, null, CohortRegimen.PROPHYLAXIS, CentreComparison.AgeBand.AGE_0_11);
    private static final CentreComparison.Filter BY_INHIBITOR =
            new CentreComparison.Filter(null, null, InhibitorStatus.NEGATIVE);

    private static final int REGIMENS = CohortRegimen.values().length;
    private static final int BANDS = CentreComparison.AgeBand.values().length;
    private static final int STATUSES = InhibitorStatus.values().length;

    // ------------------------------------------------------------------ the generators

    /**
     * Each centre's patients in each of {@code n} cells: a few cells hold them (a centre of at most {@link
     * RatioAttack#MAX_X} patients, the attacker's bound, spread over 16 cells leaves most empty), null where none.
     */
    static List<List<ComparisonDifferencingTest.Truth>> cells(Random random, int centres, int n) {
        List<List<ComparisonDifferencingTest.Truth>> byCentre = new ArrayList<>();
        for (int c = 0; c < centres; c++) {
            List<ComparisonDifferencingTest.Truth> p = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                p.add(null);
            }
            int filled = 1 + random.nextInt(Math.min(n, 5));
            for (int f = 0; f < filled; f++) {
                p.set(random.nextInt(n), ComparisonDifferencingTest.centre(random, RatioAttack.MAX_X / filled));
            }
            byCentre.add(p);
        }
        return byCentre;
    }

    /** The table of every centre's sum of the cells {@code js}. */
    private static List<ComparisonDifferencingTest.Truth> sumOf(
            List<List<ComparisonDifferencingTest.Truth>> byCentre, List<Integer> js) {
        List<ComparisonDifferencingTest.Truth> table = new ArrayList<>();
        for (List<ComparisonDifferencingTest.Truth> p : byCentre) {
            table.add(ComparisonDifferencingTest.sum(js.stream()
                    .map(j -> ComparisonDifferencingTest.nullable(p.get(j)))
                    .toList()));
        }
        return table;
    }

    private static List<Integer> range(int from, int count, int step) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            r.add(from + i * step);
        }
        return r;
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The indexes {@code from} to {@code from + count - 1} but {@code but}. */
    private static int[] others(int from, int count, int but) {
        return range(from, count, 1).stream()
                .filter(i -> i != but)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static Set<Integer> ownOrNone(Random random, int centres) {
        return random.nextBoolean() ? Set.of() : Set.of(random.nextInt(centres));
    }

    // ------------------------------------------------------------------ (a) regimen by age band

    /**
     * Regimen by age band (cell r × 4 + a): all patients, each regimen, each age band and each regimen and band, linked
     * by every row and column of the grid, published as an analyst or a clinician of one centre sees them.
     */
    private static void attackRegimenByAgeBand(long seed, boolean clinician) {
        Random random = new Random(seed);
        for (int trial = 0; trial < GRID_TRIALS; trial++) {
            int centres = 2 + random.nextInt(2);
            List<List<ComparisonDifferencingTest.Truth>> byCentre = cells(random, centres, REGIMENS * BANDS);
            // tables: 0 all; 1–4 a regimen; 5–8 an age band; 9 + 4r + a a regimen and an age band
            List<List<ComparisonDifferencingTest.Truth>> tables = new ArrayList<>();
            List<CentreComparison.Filter> filters = new ArrayList<>();
            List<int[]> grids = new ArrayList<>();
            List<int[]> partitions = new ArrayList<>();
            tables.add(sumOf(byCentre, range(0, REGIMENS * BANDS, 1)));
            filters.add(ALL);
            grids.add(new int[] {});
            for (int r = 0; r < REGIMENS; r++) {
                tables.add(sumOf(byCentre, range(r * BANDS, BANDS, 1)));
                filters.add(BY_REGIMEN);
                grids.add(others(1, REGIMENS, 1 + r));
            }
            for (int a = 0; a < BANDS; a++) {
                tables.add(sumOf(byCentre, range(a, REGIMENS, BANDS)));
                filters.add(BY_AGE);
                grids.add(others(1 + REGIMENS, BANDS, 1 + REGIMENS + a));
            }
            int first = 1 + REGIMENS + BANDS;
            for (int j = 0; j < REGIMENS * BANDS; j++) {
                tables.add(sumOf(byCentre, List.of(j)));
                filters.add(BY_BOTH);
                grids.add(others(first, REGIMENS * BANDS, first + j));
            }
            List<Integer> whole = new ArrayList<>(List.of(0));
            whole.addAll(range(1, REGIMENS, 1));
            partitions.add(ints(whole));
            whole = new ArrayList<>(List.of(0));
            whole.addAll(range(1 + REGIMENS, BANDS, 1));
            partitions.add(ints(whole));
            for (int r = 0; r < REGIMENS; r++) {
                List<Integer> p = new ArrayList<>(List.of(1 + r));
                p.addAll(range(first + r * BANDS, BANDS, 1));
                partitions.add(ints(p));
            }
            for (int a = 0; a < BANDS; a++) {
                List<Integer> p = new ArrayList<>(List.of(1 + REGIMENS + a));
                p.addAll(range(first + a, REGIMENS, BANDS));
                partitions.add(ints(p));
            }
            Set<Integer> own = clinician ? Set.of(random.nextInt(centres)) : Set.of();
            attack(
                    tables,
                    filters,
                    partitions,
                    grids,
                    List.of(),
                    own,
                    "seed " + seed + " trial " + trial + ComparisonDifferencingTest.own(own) + " regimen by age band");
        }
    }

    @Test
    void noHiddenCountIsRecoveredFromRegimenByAgeBandFilters() {
        attackRegimenByAgeBand(18_201, false);
    }

    @Test
    void aClinicianRecoversNoOtherCentresHiddenCountFromRegimenByAgeBandFilters() {
        attackRegimenByAgeBand(18_202, true);
    }

    // ------------------------------------------------------------------ (b) inhibitor status

    /** All patients beside each of the six inhibitor statuses, each the others' grid; as an analyst or a clinician. */
    @Test
    void noHiddenCountIsRecoveredFromAllAndEveryInhibitorStatus() {
        long seed = 18_203;
        Random random = new Random(seed);
        for (int trial = 0; trial < 5 * TRIALS / 3; trial++) {
            int centres = 2 + random.nextInt(2);
            List<List<ComparisonDifferencingTest.Truth>> byCentre = cells(random, centres, STATUSES);
            List<List<ComparisonDifferencingTest.Truth>> tables = new ArrayList<>();
            List<CentreComparison.Filter> filters = new ArrayList<>();
            List<int[]> grids = new ArrayList<>();
            tables.add(ComparisonDifferencingTest.column(byCentre, -1));
            filters.add(ALL);
            grids.add(new int[] {});
            for (int s = 0; s < STATUSES; s++) {
                tables.add(ComparisonDifferencingTest.column(byCentre, s));
                filters.add(BY_INHIBITOR);
                grids.add(others(1, STATUSES, 1 + s));
            }
            List<Integer> partition = new ArrayList<>(List.of(0));
            partition.addAll(range(1, STATUSES, 1));
            Set<Integer> own = ownOrNone(random, centres);
            attack(
                    tables,
                    filters,
                    List.of(ints(partition)),
                    grids,
                    List.of(),
                    own,
                    "seed " + seed + " trial " + trial + ComparisonDifferencingTest.own(own) + " inhibitor status");
        }
    }

    // ------------------------------------------------------------------ (c) consecutive years, patients moving

    /**
     * Moves one patient of a centre from cell {@code from} to cell {@code to}, with whatever of the counts they carry
     * (diary time, a treatment-year, a patient-year, an answer to the questionnaire) that the cell's counts allow.
     */
    private static void move(Random random, List<ComparisonDifferencingTest.Truth> cells, int from, int to) {
        ComparisonDifferencingTest.Truth f = cells.get(from);
        boolean included = carries(random, f.included, f.patients);
        boolean treated = carries(random, f.treatmentYears, f.patients);
        boolean answered = carries(random, f.respondents, f.patients);
        boolean year = included && carries(random, f.patientYears, f.included);
        f.patients--;
        f.included -= included ? 1 : 0;
        f.treatmentYears -= treated ? 1 : 0;
        f.respondents -= answered ? 1 : 0;
        f.patientYears -= year ? 1 : 0;
        ComparisonDifferencingTest.Truth t =
                cells.get(to) == null ? new ComparisonDifferencingTest.Truth() : cells.get(to);
        t.patients++;
        t.included += included ? 1 : 0;
        t.treatmentYears += treated ? 1 : 0;
        t.respondents += answered ? 1 : 0;
        t.patientYears += year ? 1 : 0;
        cells.set(to, t);
        cells.set(from, f.patients == 0 ? null : f);
    }

    /** Whether the patient leaving takes one of {@code counted} of {@code of} (one must go if all are counted). */
    private static boolean carries(Random random, int counted, int of) {
        return counted >= of || (counted > 0 && random.nextBoolean());
    }

    /** Another year of the same patients: at most {@code most} moved, every count of events drawn again. */
    private static List<ComparisonDifferencingTest.Truth> nextYear(
            Random random, List<ComparisonDifferencingTest.Truth> year, int most, boolean ageing) {
        List<ComparisonDifferencingTest.Truth> next = new ArrayList<>();
        year.forEach(t -> next.add(t == null ? null : t.copy()));
        int movers = 1 + random.nextInt(most);
        for (int m = 0; m < movers; m++) {
            List<Integer> from = new ArrayList<>();
            for (int j = 0; j < next.size(); j++) {
                if (next.get(j) != null && (!ageing || j < next.size() - 1)) {
                    from.add(j);
                }
            }
            if (from.isEmpty()) {
                break;
            }
            int j = from.get(random.nextInt(from.size()));
            int to = ageing ? j + 1 : (j + 1 + random.nextInt(next.size() - 1)) % next.size();
            move(random, next, j, to);
        }
        for (ComparisonDifferencingTest.Truth t : next) {
            if (t != null) {
                t.zeroBleeds = ComparisonDifferencingTest.upTo(random, t.included);
                t.jointImmobilising = ComparisonDifferencingTest.upTo(random, Math.min(2, t.included));
                t.targetJoints = ComparisonDifferencingTest.upTo(random, t.included);
                t.adverseEvents = ComparisonDifferencingTest.upTo(random, t.treatmentYears);
                t.daysLost = ComparisonDifferencingTest.upTo(random, t.patientYears);
                t.answers = ComparisonDifferencingTest.upTo(random, 4 * t.respondents);
            }
        }
        return next;
    }

    /**
     * Two consecutive years of one dimension of four values (age bands, which patients only leave upwards; regimens,
     * between any two), each year all patients beside each cell, published as an analyst or a clinician. The attacker
     * knows the centres' patients are the same both years (each count under all patients unchanged) and that at most
     * m of a centre's patients moved, so each count of a cell changed by at most m (and, for the age bands, the
     * youngest only lost and the oldest only gained).
     */
    private static void attackConsecutiveYears(long seed, int n, boolean ageing, CentreComparison.Filter filter) {
        Random random = new Random(seed);
        for (int trial = 0; trial < 2 * TRIALS; trial++) {
            int centres = 2 + random.nextInt(2);
            int most = 1 + random.nextInt(3);
            List<List<ComparisonDifferencingTest.Truth>> first = cells(random, centres, n);
            List<List<ComparisonDifferencingTest.Truth>> second = new ArrayList<>();
            first.forEach(p -> second.add(nextYear(random, p, most, ageing)));
            Set<Integer> own = ownOrNone(random, centres);
            attackYears(first, second, most, ageing, filter, own, "seed " + seed + " trial " + trial);
        }
    }

    /** Attacks two years of each centre's cells, {@code first} and {@code second}, of which at most most moved. */
    private static void attackYears(
            List<List<ComparisonDifferencingTest.Truth>> first,
            List<List<ComparisonDifferencingTest.Truth>> second,
            int most,
            boolean ageing,
            CentreComparison.Filter filter,
            Set<Integer> own,
            String what) {
        int n = first.get(0).size();
        // tables: 0 all in year 1, 1..n its cells; n + 1 all in year 2, n + 2.. its cells
        List<List<ComparisonDifferencingTest.Truth>> tables = new ArrayList<>();
        List<CentreComparison.Filter> filters = new ArrayList<>();
        List<int[]> grids = new ArrayList<>();
        List<int[]> partitions = new ArrayList<>();
        List<RatioAttack.Link> links = new ArrayList<>();
        for (List<List<ComparisonDifferencingTest.Truth>> year : List.of(first, second)) {
            int base = tables.size();
            tables.add(ComparisonDifferencingTest.column(year, -1));
            filters.add(ALL);
            grids.add(new int[] {});
            for (int j = 0; j < n; j++) {
                tables.add(ComparisonDifferencingTest.column(year, j));
                filters.add(filter);
                grids.add(others(base + 1, n, base + 1 + j));
            }
            List<Integer> p = new ArrayList<>(List.of(base));
            p.addAll(range(base + 1, n, 1));
            partitions.add(ints(p));
        }
        links.add(new RatioAttack.Link(0, n + 1, 0, 0));
        for (int j = 0; j < n; j++) {
            int least = ageing && j == n - 1 ? 0 : -most;
            int greatest = ageing && j == 0 ? 0 : most;
            links.add(new RatioAttack.Link(1 + j, n + 2 + j, least, greatest));
        }
        attack(
                tables,
                filters,
                partitions,
                grids,
                links,
                own,
                what + ComparisonDifferencingTest.own(own) + " consecutive years of " + n + " cells, at most " + most
                        + " moved" + (ageing ? " upwards" : ""));
    }

    /**
     * Publishes each table beside the other cells of its filter's grid ({@code grids}, indexes of tables) as a clinician
     * of {@code own} or an analyst, and attacks every measure over the partitions and the links across years. The
     * attacker also reads the listing: where the rules list a centre only where it has a patient ({@link
     * CentreComparison#listsEmptyCells}), a listed centre's hidden patients are at least 1 (a centre absent one year
     * and hidden the next, with at most one patient moved, had exactly 1 until empty cells were listed).
     */
    static void attack(
            List<List<ComparisonDifferencingTest.Truth>> tables,
            List<CentreComparison.Filter> filters,
            List<int[]> partitions,
            List<int[]> grids,
            List<RatioAttack.Link> links,
            Set<Integer> own,
            String what) {
        List<CentreComparison.Comparison> shown = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            List<List<ComparisonDifferencingTest.Truth>> otherCells =
                    java.util.Arrays.stream(grids.get(t)).mapToObj(tables::get).toList();
            shown.add(ComparisonDifferencingTest.published(
                    tables.get(t), ComparisonDifferencingTest.ownIn(own, tables.get(t)), otherCells, filters.get(t)));
        }
        for (ComparisonDifferencingTest.Measure m : ComparisonDifferencingTest.MEASURES) {
            List<RatioAttack.Table> attacked = new ArrayList<>();
            for (int t = 0; t < tables.size(); t++) {
                List<ComparisonDifferencingTest.Truth> truths = tables.get(t);
                RatioAttack.Table table = ComparisonDifferencingTest.table(
                        m, truths, shown.get(t), ComparisonDifferencingTest.ownIn(own, truths));
                for (int i = 0; i < truths.size(); i++) {
                    // the patients are x of the one measure whose count at risk is its numerator
                    if (m.attack().countIsNumerator()
                            && !CentreComparison.listsEmptyCells(filters.get(t))
                            && truths.get(i) != null) {
                        table.possible.get(i).remove(0);
                    }
                }
                attacked.add(table);
            }
            RatioAttack.attack(
                    attacked,
                    partitions,
                    links,
                    what + " " + m.name() + ComparisonDifferencingTest.describe(m, tables, shown));
        }
    }

    @Test
    void noHiddenCountIsRecoveredFromConsecutiveYearsAsChildrenChangeAgeBand() {
        attackConsecutiveYears(18_204, BANDS, true, BY_AGE);
    }

    @Test
    void noHiddenCountIsRecoveredFromConsecutiveYearsAsPatientsSwitchRegimen() {
        attackConsecutiveYears(18_205, REGIMENS, false, BY_REGIMEN);
    }

    @Test
    void noHiddenCountIsRecoveredFromConsecutiveYearsAsInhibitorStatusChanges() {
        attackConsecutiveYears(18_206, STATUSES, false, BY_INHIBITOR);
    }

    private static ComparisonDifferencingTest.Truth patients(int n) {
        ComparisonDifferencingTest.Truth t = new ComparisonDifferencingTest.Truth();
        t.patients = n;
        t.included = n;
        t.treatmentYears = n;
        t.patientYears = n;
        return t;
    }

    private static List<ComparisonDifferencingTest.Truth> centre(int... cells) {
        List<ComparisonDifferencingTest.Truth> p = new ArrayList<>();
        for (int c : cells) {
            p.add(c == 0 ? null : patients(c));
        }
        return p;
    }

    /**
     * The leak these attacks found (seed 18205 trial 8, regimens): a centre with 1 patient on prophylaxis and 7 with
     * no plan, absent from the on-demand cell, shown there hidden the next year when one of the 7 went on demand; told
     * at most one patient moved, the attacker read its on-demand patients as exactly 1. The centre is now listed,
     * hidden, where it has no patient whenever the grid rule hides it, under a filter on regimen, age band or
     * inhibitor status (seed 18204 trial 3 was the same for a 12-17-year-old turning 18).
     */
    @Test
    void theCounterExampleOfAPatientMovingIntoAnEmptyCellNoLongerLeaks() {
        List<List<ComparisonDifferencingTest.Truth>> first = List.of(centre(1, 0, 0, 7), centre(0, 13, 0, 0));
        List<List<ComparisonDifferencingTest.Truth>> second = List.of(centre(1, 1, 0, 6), centre(0, 12, 0, 1));
        attackYears(first, second, 1, false, BY_REGIMEN, Set.of(), "regression");
        CentreComparison.Filter onDemand = new CentreComparison.Filter(null, null, null, CohortRegimen.ON_DEMAND, null);
        CentreComparison.Comparison year1 = ComparisonDifferencingTest.published(
                ComparisonDifferencingTest.column(first, 1),
                Set.of(),
                java.util.stream.IntStream.of(0, 2, 3)
                        .mapToObj(j -> ComparisonDifferencingTest.column(first, j))
                        .toList(),
                onDemand);
        org.assertj.core.api.Assertions.assertThat(year1.items())
                .as("the centre hidden by the grid rule is listed, hidden, where it has no patient")
                .anySatisfy(r -> org.assertj.core.api.Assertions.assertThat(r.patients())
                        .isEqualTo(DisclosureControl.SUPPRESSED));
        List<List<ComparisonDifferencingTest.Truth>> ageFirst = List.of(centre(0, 2, 0, 4), centre(10, 16, 0, 0));
        List<List<ComparisonDifferencingTest.Truth>> ageSecond = List.of(centre(0, 1, 1, 4), centre(10, 16, 0, 0));
        attackYears(ageFirst, ageSecond, 1, true, BY_AGE, Set.of(), "regression, age bands");
    }
}
