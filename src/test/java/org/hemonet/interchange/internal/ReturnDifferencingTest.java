package org.hemonet.interchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.hemonet.report.DisclosureControl;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Property-style differencing tests of the national annual return's network file (issue 15; clinical.md §8: no
 * suppressed cell may be recoverable from what the same table, or the same report under another filter or year,
 * shows). Seeded random networks of patients are published table by table through {@link
 * NationalAnnualReturn#published}, the step the network file's counts go through, and an attacker who knows the rules
 * narrows every cell, centre total and national figure to an interval from all the file shows: each table's cells
 * against its centre totals (rounded, or {@code *} beside a hidden cell) and national figures (exact only where nothing
 * beside them is hidden); the three tables of the same registered patients (by severity, inhibitor status and age
 * band), which share their centre totals and national total; the patients treated, observed, reviewed and deceased,
 * each within the registered patients of the same severity; and the next year's file, where the registered patients
 * only grow. The test fails if a suppressed cell holding 1–7 is pinned to its value.
 *
 * <p><strong>Both properties find leaks, and are disabled until they are closed (open in issue 18).</strong> Row-wise
 * secondary suppression with the centre's total hidden is not enough when the same patients are published in other
 * tables: a centre's registered patients by severity {@code [10, 1, 0, 1]} beside another centre with no severe patient
 * show {@code 10, *, 0, *}, total {@code *}; but the national severe figure (exact: no cell of its column is hidden) less
 * the other centre's 0 makes the 10 exact, and the same 12 patients by inhibitor status {@code [12, 0, 0]} show a total
 * of {@code 10}, so at most 12 — which leaves 2 for the two hidden cells, each at least 1: both are 1 (one year's file,
 * seed 15_101, trial 108). A year later the same happens with subset tables (treated within registered, trial 53 of
 * seed 15_102). Closing it needs suppression planned over the linked tables of a return (the three tables of the
 * registered patients share their centre totals; exact national figures make centre cells exact where the other
 * centres are empty), not one table at a time.
 */
class ReturnDifferencingTest {

    private static final long MANY = 1_000_000;
    private static final DisclosureControl CONTROL = DisclosureControl.defaults();
    private static final int SEVERITIES = 4;
    private static final int INHIBITORS = 3;
    private static final int AGE_BANDS = 6;

    /** One patient of the return: their centre, categories and what happened in the year. */
    record Patient(
            int centre,
            int severity,
            int inhibitor,
            int ageBand,
            boolean treated,
            boolean observed,
            boolean reviewed,
            boolean died) {}

    /** A variable the attacker bounds: its true value and the interval [lo, hi] still possible. */
    static final class Var {
        final long truth;
        long lo;
        long hi = MANY;
        boolean suppressed;

        Var(long truth) {
            this.truth = truth;
        }

        /**
         * Narrows to what a published figure tells whoever knows the rules: {@code *} is not empty (zeros are never
         * hidden, and a total beside a hidden cell holds it), 0 is exact, a national figure is exact, and a centre's
         * count or total is rounded to 5.
         */
        void published(String shown, boolean isCell, boolean national) {
            if (shown.equals(DisclosureControl.SUPPRESSED)) {
                suppressed |= isCell;
                lo = Math.max(lo, 1);
                return;
            }
            long r = Long.parseLong(shown);
            long a = r;
            long b = r;
            if (!national && r != 0) {
                while (a > 0 && CONTROL.count(a - 1).equals(shown)) {
                    a--;
                }
                while (CONTROL.count(b + 1).equals(shown)) {
                    b++;
                }
            }
            lo = Math.max(lo, a);
            hi = Math.min(hi, b);
        }
    }

    /** Σ sign_i × var_i = 0. */
    record Constraint(List<Var> vars, int[] signs) {}

    /** The attacker's knowledge of one year's file. */
    static final class File {
        final List<Constraint> constraints = new ArrayList<>();
        final List<Var> cells = new ArrayList<>();
        /** By population (registered, treated, observed, reviewed, died): each centre's total, then the national. */
        final Var[][] totals;
        /** The registered patients by severity, then by inhibitor status: [table][centre][category]. */
        final Var[][][] registered = new Var[2][][];
        /** The patients treated, observed, reviewed, died by severity: [population - 1][centre][severity]. */
        final Var[][][] bySeverity = new Var[4][][];

        File(List<Patient> patients, int centres) {
            List<Predicate<Patient>> populations =
                    List.of(p -> true, Patient::treated, Patient::observed, Patient::reviewed, Patient::died);
            totals = new Var[populations.size()][];
            for (int pop = 0; pop < populations.size(); pop++) {
                Predicate<Patient> in = populations.get(pop);
                totals[pop] = new Var[centres + 1];
                for (int r = 0; r < centres; r++) {
                    int centre = r;
                    totals[pop][r] = new Var(patients.stream()
                            .filter(in)
                            .filter(p -> p.centre() == centre)
                            .count());
                }
                totals[pop][centres] = new Var(patients.stream().filter(in).count());
                List<Var> grand = new ArrayList<>(Arrays.asList(totals[pop]));
                constraints.add(sum(grand));
            }
            registered[0] = table(patients, centres, 0, p -> true, Patient::severity, SEVERITIES);
            registered[1] = table(patients, centres, 0, p -> true, Patient::inhibitor, INHIBITORS);
            table(patients, centres, 0, p -> true, Patient::ageBand, AGE_BANDS);
            for (int pop = 1; pop < populations.size(); pop++) {
                bySeverity[pop - 1] =
                        table(patients, centres, pop, populations.get(pop), Patient::severity, SEVERITIES);
                for (int r = 0; r < centres; r++) {
                    for (int c = 0; c < SEVERITIES; c++) {
                        within(bySeverity[pop - 1][r][c], registered[0][r][c], constraints);
                    }
                }
            }
        }

        /** One published count table of the patients of a population by centre and category. */
        private Var[][] table(
                List<Patient> patients,
                int centres,
                int population,
                Predicate<Patient> in,
                ToIntFunction<Patient> category,
                int categories) {
            List<List<Long>> counts = new ArrayList<>();
            List<Long> rowTotals = new ArrayList<>();
            for (int r = 0; r < centres; r++) {
                long[] row = new long[categories];
                for (Patient p : patients) {
                    if (p.centre() == r && in.test(p)) {
                        row[category.applyAsInt(p)]++;
                    }
                }
                counts.add(Arrays.stream(row).boxed().toList());
                rowTotals.add(totals[population][r].truth);
            }
            NationalAnnualReturn.Published shown = NationalAnnualReturn.published(CONTROL, counts, rowTotals);
            Var[][] vars = new Var[centres][categories];
            Var[] national = new Var[categories];
            for (int c = 0; c < categories; c++) {
                long sum = 0;
                for (List<Long> row : counts) {
                    sum += row.get(c);
                }
                national[c] = new Var(sum);
                national[c].published(shown.national().get(c), false, true);
            }
            for (int r = 0; r < centres; r++) {
                List<Var> row = new ArrayList<>();
                for (int c = 0; c < categories; c++) {
                    vars[r][c] = new Var(counts.get(r).get(c));
                    vars[r][c].published(shown.cells().get(r).get(c), true, false);
                    cells.add(vars[r][c]);
                    row.add(vars[r][c]);
                }
                totals[population][r].published(shown.totals().get(r), false, false);
                row.add(totals[population][r]);
                constraints.add(sum(row)); // each patient in one category: the cells add up to the centre's total
            }
            Var grand = totals[population][centres];
            grand.published(shown.grand(), false, true);
            for (int c = 0; c < categories; c++) {
                List<Var> column = new ArrayList<>();
                for (int r = 0; r < centres; r++) {
                    column.add(vars[r][c]);
                }
                column.add(national[c]);
                constraints.add(sum(column));
            }
            return vars;
        }
    }

    /** The first variables add up to the last. */
    private static Constraint sum(List<Var> vars) {
        int[] signs = new int[vars.size()];
        Arrays.fill(signs, 1);
        signs[signs.length - 1] = -1;
        return new Constraint(vars, signs);
    }

    /** {@code part} is no more than {@code whole}: whole = part + a rest never negative. */
    private static void within(Var part, Var whole, List<Constraint> constraints) {
        Var rest = new Var(whole.truth - part.truth);
        constraints.add(new Constraint(List.of(whole, part, rest), new int[] {1, -1, -1}));
    }

    /** Interval propagation to a fixpoint: each variable of Σ s_i x_i = 0 lies within minus the others' range. */
    private static void propagate(List<Constraint> constraints) {
        boolean changed = true;
        for (int round = 0; changed && round < 500; round++) {
            changed = false;
            for (Constraint c : constraints) {
                for (int j = 0; j < c.vars().size(); j++) {
                    long restLo = 0;
                    long restHi = 0;
                    for (int i = 0; i < c.vars().size(); i++) {
                        if (i == j) {
                            continue;
                        }
                        Var v = c.vars().get(i);
                        long a = c.signs()[i] * v.lo;
                        long b = c.signs()[i] * v.hi;
                        restLo += Math.min(a, b);
                        restHi += Math.max(a, b);
                    }
                    Var x = c.vars().get(j);
                    long lo = c.signs()[j] > 0 ? -restHi : restLo;
                    long hi = c.signs()[j] > 0 ? -restLo : restHi;
                    if (lo > x.lo) {
                        x.lo = lo;
                        changed = true;
                    }
                    if (hi < x.hi) {
                        x.hi = hi;
                        changed = true;
                    }
                }
            }
        }
    }

    private static void assertNothingPinned(List<Var> cells, String what) {
        for (Var v : cells) {
            assertThat(v.lo).as(what + ": the attacker's bounds hold the truth").isLessThanOrEqualTo(v.truth);
            assertThat(v.hi).as(what + ": the attacker's bounds hold the truth").isGreaterThanOrEqualTo(v.truth);
            if (v.suppressed && v.truth >= 1 && v.truth <= 7) {
                assertThat(v.hi)
                        .as(what + ": a suppressed " + v.truth + " recovered")
                        .isGreaterThan(v.lo);
            }
        }
    }

    // ------------------------------------------------------------------ the generators

    private static int size(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 1 + random.nextInt(7);
            case 1 -> 8 + random.nextInt(8);
            case 2 -> 1 + random.nextInt(3);
            default -> 1 + random.nextInt(40);
        };
    }

    /** A category: mostly the centre's usual one (centres differ; columns with one centre in them are common). */
    private static int skewed(Random random, int usual, int categories) {
        return random.nextInt(4) == 0 ? random.nextInt(categories) : usual;
    }

    private static Patient patient(Random random, int centre, int usualSeverity, int ageBand, double treated) {
        boolean isTreated = random.nextDouble() < treated;
        return new Patient(
                centre,
                skewed(random, usualSeverity, SEVERITIES),
                random.nextInt(6) == 0 ? 1 + random.nextInt(INHIBITORS - 1) : 0,
                ageBand,
                isTreated,
                isTreated ? random.nextInt(5) != 0 : random.nextInt(5) == 0,
                random.nextInt(3) != 0,
                random.nextInt(15) == 0);
    }

    /** The patients of a network of 2–4 centres. */
    private static List<Patient> network(Random random, int centres) {
        List<Patient> patients = new ArrayList<>();
        for (int r = 0; r < centres; r++) {
            int usualSeverity = random.nextInt(SEVERITIES);
            int usualBand = random.nextInt(AGE_BANDS);
            double treated = random.nextBoolean() ? 1.0 : 0.4 + 0.6 * random.nextDouble();
            int n = size(random);
            for (int i = 0; i < n; i++) {
                patients.add(patient(random, r, usualSeverity, skewed(random, usualBand, AGE_BANDS), treated));
            }
        }
        return patients;
    }

    private static String describe(List<Patient> patients, int centres) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < centres; r++) {
            int[] severity = new int[SEVERITIES];
            int[] treated = new int[SEVERITIES];
            int[] inhibitor = new int[INHIBITORS];
            for (Patient p : patients) {
                if (p.centre() == r) {
                    severity[p.severity()]++;
                    inhibitor[p.inhibitor()]++;
                    if (p.treated()) {
                        treated[p.severity()]++;
                    }
                }
            }
            b.append("[severity ")
                    .append(Arrays.toString(severity))
                    .append(" treated ")
                    .append(Arrays.toString(treated))
                    .append(" inhibitor ")
                    .append(Arrays.toString(inhibitor))
                    .append("] ");
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ the properties

    @Test
    @Disabled("leaks: a centre total shown in one table of the same patients, an exact national figure in another"
            + " (see the class comment); open in issue 18")
    void noSuppressedCellIsRecoveredFromOneYearsFile() {
        Random random = new Random(15_101);
        for (int trial = 0; trial < 1500; trial++) {
            int centres = 2 + random.nextInt(3);
            List<Patient> patients = network(random, centres);
            File file = new File(patients, centres);
            propagate(file.constraints);
            assertNothingPinned(file.cells, "trial " + trial + " " + describe(patients, centres));
        }
    }

    @Test
    @Disabled("leaks as the one-year property does (see the class comment); open in issue 18")
    void noSuppressedCellIsRecoveredFromConsecutiveYears() {
        Random random = new Random(15_102);
        for (int trial = 0; trial < 800; trial++) {
            int centres = 2 + random.nextInt(3);
            List<Patient> first = network(random, centres);
            // the next year: the same registered patients (their treatment, reviews and so on anew), and a few born
            List<Patient> second = new ArrayList<>();
            for (Patient p : first) {
                Patient again = patient(random, p.centre(), p.severity(), p.ageBand(), 0.8);
                second.add(new Patient(
                        p.centre(),
                        p.severity(),
                        p.inhibitor(),
                        p.ageBand(),
                        again.treated(),
                        again.observed(),
                        again.reviewed(),
                        again.died()));
            }
            int born = random.nextInt(3);
            for (int i = 0; i < born; i++) {
                second.add(patient(random, random.nextInt(centres), random.nextInt(SEVERITIES), 0, 0.8));
            }
            File a = new File(first, centres);
            File b = new File(second, centres);
            List<Constraint> constraints = new ArrayList<>(a.constraints);
            constraints.addAll(b.constraints);
            for (int t = 0; t < 2; t++) {
                for (int r = 0; r < centres; r++) {
                    for (int c = 0; c < a.registered[t][r].length; c++) {
                        within(a.registered[t][r][c], b.registered[t][r][c], constraints);
                    }
                }
            }
            for (int r = 0; r <= centres; r++) {
                within(a.totals[0][r], b.totals[0][r], constraints);
            }
            propagate(constraints);
            String what = "trial " + trial + " " + describe(first, centres) + "→ " + describe(second, centres);
            assertNothingPinned(a.cells, what);
            assertNothingPinned(b.cells, what);
        }
    }
}
