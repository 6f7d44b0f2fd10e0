package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-style differencing tests of disclosure control (clinical.md §8, issue 18): seeded random networks are
 * published as every report publishes a dimension, through {@link DisclosureControl#dimension}, and an attacker who
 * knows the rules narrows every cell to an interval from everything published: the totals, the
 * same table under an overlapping filter (all patients vs severe ones, and the non-severe rest that follows), and two
 * consecutive years of a count that cannot fall (patients ever registered). The test fails if any suppressed cell
 * holding 1–7 is pinned to its value.
 */
class DisclosureDifferencingTest {

    private static final long MANY = 1_000_000;
    private final DisclosureControl control = DisclosureControl.defaults();

    /** A variable the attacker bounds: its true value and the interval [lo, hi] still possible. */
    static final class Var {
        final long truth;
        long lo;
        long hi;
        final boolean suppressed;

        Var(long truth, long lo, long hi, boolean suppressed) {
            this.truth = truth;
            this.lo = lo;
            this.hi = hi;
            this.suppressed = suppressed;
        }
    }

    /** Σ sign_i × var_i = 0. */
    record Constraint(List<Var> vars, int[] signs) {}

    /** The counts that {@link DisclosureControl#count} shows as {@code shown}: what a rounded figure tells. */
    private Var preimage(long truth, String shown, boolean suppressed) {
        long r = Long.parseLong(shown);
        long lo = r;
        while (lo > 0 && control.count(lo - 1).equals(shown)) {
            lo--;
        }
        long hi = r;
        while (control.count(hi + 1).equals(shown)) {
            hi++;
        }
        return new Var(truth, lo, hi, suppressed);
    }

    /** What a published cell tells whoever knows the rules: {@code *} is a non-empty cell (zeros are never hidden). */
    private Var published(long truth, String shown) {
        if (shown.equals(DisclosureControl.SUPPRESSED)) {
            return new Var(truth, 1, MANY, true);
        }
        if (shown.equals("0")) {
            return new Var(truth, 0, 0, false);
        }
        return preimage(truth, shown, false);
    }

    /** What a published total tells: exact beside no hidden cell, else its rounding (or nothing but "someone"). */
    private Var total(long truth, DisclosureControl.Dimension shown) {
        if (!shown.anyHidden()) {
            assertThat(shown.total()).isEqualTo(Long.toString(truth));
            return new Var(truth, truth, truth, false);
        }
        if (shown.total().equals(DisclosureControl.SUPPRESSED)) {
            return new Var(truth, 1, MANY, false);
        }
        return preimage(truth, shown.total(), false);
    }

    /** One published dimension (through the one function every report uses), with cells − total = 0 added. */
    private List<Var> dimension(long[] truth, List<Constraint> constraints) {
        List<Long> counts = Arrays.stream(truth).boxed().toList();
        DisclosureControl.Dimension shown = control.dimension(counts);
        List<Var> vars = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            vars.add(published(truth[i], shown.cells().get(i)));
        }
        Var total = total(Arrays.stream(truth).sum(), shown);
        List<Var> all = new ArrayList<>(vars);
        all.add(total);
        int[] signs = new int[all.size()];
        Arrays.fill(signs, 1);
        signs[signs.length - 1] = -1;
        constraints.add(new Constraint(all, signs));
        return vars;
    }

    /** Interval propagation to a fixpoint: each variable of Σ s_i x_i = 0 lies within minus the others' range. */
    private static void propagate(List<Constraint> constraints) {
        boolean changed = true;
        for (int round = 0; changed && round < 200; round++) {
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
                    // s_j x_j = -rest
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

    private static long count(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(7);
            case 2 -> 8 + random.nextInt(8);
            default -> random.nextInt(60);
        };
    }

    private static void assertNoSuppressedSmallCellIsPinned(List<Var> vars, String what) {
        for (Var v : vars) {
            assertThat(v.lo).as(what + ": the attacker's bounds hold the truth").isLessThanOrEqualTo(v.truth);
            assertThat(v.hi).as(what).isGreaterThanOrEqualTo(v.truth);
            if (v.suppressed && v.truth >= 1 && v.truth <= 7) {
                assertThat(v.hi)
                        .as(what + ": a suppressed " + v.truth + " recovered")
                        .isGreaterThan(v.lo);
            }
        }
    }

    @Test
    void noSuppressedCellIsRecoveredFromTheTotal() {
        Random random = new Random(18_001);
        for (int trial = 0; trial < 2000; trial++) {
            long[] cells = new long[1 + random.nextInt(10)];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = count(random);
            }
            List<Constraint> constraints = new ArrayList<>();
            List<Var> vars = dimension(cells, constraints);
            propagate(constraints);
            assertNoSuppressedSmallCellIsPinned(vars, "trial " + trial + " " + Arrays.toString(cells));
        }
    }

    @Test
    void noSuppressedCellIsRecoveredFromTheSameTableUnderAnOverlappingFilter() {
        Random random = new Random(18_002);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + random.nextInt(8);
            long[] severe = new long[n];
            long[] all = new long[n];
            for (int i = 0; i < n; i++) {
                severe[i] = count(random);
                all[i] = severe[i] + (random.nextInt(3) == 0 ? 0 : count(random));
            }
            List<Constraint> constraints = new ArrayList<>();
            List<Var> allVars = dimension(all, constraints);
            List<Var> severeVars = dimension(severe, constraints);
            for (int i = 0; i < n; i++) {
                // all = severe + the rest, the rest unknown but never negative
                Var rest = new Var(all[i] - severe[i], 0, MANY, false);
                constraints.add(
                        new Constraint(List.of(allVars.get(i), severeVars.get(i), rest), new int[] {1, -1, -1}));
            }
            propagate(constraints);
            String what = "trial " + trial + " all " + Arrays.toString(all) + " severe " + Arrays.toString(severe);
            assertNoSuppressedSmallCellIsPinned(allVars, what);
            assertNoSuppressedSmallCellIsPinned(severeVars, what);
        }
    }

    @Test
    void noSuppressedCellIsRecoveredFromConsecutiveYears() {
        Random random = new Random(18_003);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + random.nextInt(8);
            long[] first = new long[n];
            long[] second = new long[n];
            for (int i = 0; i < n; i++) {
                first[i] = count(random);
                second[i] = first[i] + (random.nextBoolean() ? 0 : random.nextInt(4)); // registrations only grow
            }
            List<Constraint> constraints = new ArrayList<>();
            List<Var> a = dimension(first, constraints);
            List<Var> b = dimension(second, constraints);
            for (int i = 0; i < n; i++) {
                Var joined = new Var(second[i] - first[i], 0, MANY, false);
                constraints.add(new Constraint(List.of(b.get(i), a.get(i), joined), new int[] {1, -1, -1}));
            }
            propagate(constraints);
            String what = "trial " + trial + " " + Arrays.toString(first) + " → " + Arrays.toString(second);
            assertNoSuppressedSmallCellIsPinned(a, what);
            assertNoSuppressedSmallCellIsPinned(b, what);
        }
    }

    /** The two counter-examples the cell-by-cell method failed on (issue 18), each attacked as in the properties. */
    @Test
    void theCounterExamplesOfTheOldMethodNoLongerLeak() {
        List<Constraint> filters = new ArrayList<>();
        long[] all = {8, 43, 1};
        long[] severe = {8, 5, 1};
        List<Var> allVars = dimension(all, filters);
        List<Var> severeVars = dimension(severe, filters);
        for (int i = 0; i < all.length; i++) {
            Var rest = new Var(all[i] - severe[i], 0, MANY, false);
            filters.add(new Constraint(List.of(allVars.get(i), severeVars.get(i), rest), new int[] {1, -1, -1}));
        }
        propagate(filters);
        assertNoSuppressedSmallCellIsPinned(allVars, "all [8, 43, 1]");
        assertNoSuppressedSmallCellIsPinned(severeVars, "severe [8, 5, 1]");

        List<Constraint> years = new ArrayList<>();
        List<Var> first = dimension(new long[] {11, 0}, years);
        List<Var> second = dimension(new long[] {11, 1}, years);
        for (int i = 0; i < 2; i++) {
            Var joined = new Var(i, 0, MANY, false);
            years.add(new Constraint(List.of(second.get(i), first.get(i), joined), new int[] {1, -1, -1}));
        }
        propagate(years);
        assertNoSuppressedSmallCellIsPinned(second, "[11, 0] then [11, 1]");
    }

    /**
     * The strongest attacker of all: one who knows every cell but one exactly (from any number of other filters and
     * years) and reads the total as published. A hidden cell of 1–7 must still not be pinned; this is why totals
     * beside hidden cells are never rounded figures (see {@link DisclosureControl}).
     */
    @Test
    void noSuppressedCellIsRecoveredEvenByAnAttackerWhoKnowsEveryOtherCell() {
        Random random = new Random(18_004);
        for (int trial = 0; trial < 2000; trial++) {
            long[] cells = new long[1 + random.nextInt(10)];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = count(random);
            }
            for (int target = 0; target < cells.length; target++) {
                List<Constraint> constraints = new ArrayList<>();
                List<Var> vars = dimension(cells, constraints);
                for (int i = 0; i < vars.size(); i++) {
                    if (i != target) {
                        vars.get(i).lo = vars.get(i).truth;
                        vars.get(i).hi = vars.get(i).truth;
                    }
                }
                propagate(constraints);
                assertNoSuppressedSmallCellIsPinned(
                        List.of(vars.get(target)), "trial " + trial + " " + Arrays.toString(cells) + " cell " + target);
            }
        }
    }
}
