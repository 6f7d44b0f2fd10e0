package org.hemonet.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one function every figure shown to network staff, commissioners or in an export passes (clinical.md §8): below
 * national level, counts of 1–7 show as {@code *} and other counts are rounded to the nearest 5; rates, means and
 * medians built on fewer than 8 patients show as {@code *}. Totals are rounded on their own, never summed from rounded
 * cells.
 *
 * <p>Tables go through {@link #dimension} (a row or column of counts with its total) or {@link #table} (rows of cells
 * with a network total per row and a grand total); a report never decides on its own which cells or totals to hide.
 *
 * <p><strong>How no suppressed cell is recovered (§8: no suppressed cell may be recoverable from what the same table, or
 * the same report under another filter or year, shows).</strong> Secondary suppression of a partner cell cannot
 * promise that across filters: each table's partner is chosen alone, so a partner hidden in one table is bounded by what
 * another shows (all [8, 43, 1] beside severe [8, 5, 1]: the severe table shows the first centre as at least 8, which
 * leaves the hidden 1 of the all table no room under a total of 50 or 52). Planning suppression over every filter at
 * once is not possible here: the filters are free (year, diagnosis, severity, inhibitor status, regimen, age band). Nor
 * is any rounding of the total enough: whatever the rule, some true total is the largest that gives the figure shown
 * (52 for a figure of 50 when rounding to the nearest 5), and an attacker who knows the other cells from other filters or years
 * then has the hidden cell's upper bound equal to its value. So the method is <em>no upper bound on a hidden cell</em>:
 *
 * <ol>
 *   <li>A count total beside any hidden cell shows as {@code *}, never exact nor rounded (§8: national totals are
 *       unrounded only when no cell can be recovered from them). A total beside no hidden cell is exact: it pins
 *       nothing that is not shown.
 *   <li>A hidden cell's upper bound can then come only from a cell that contains it under a wider filter, or a later
 *       year of a count that cannot fall. A shown cell holds at least 8 patients, more than a cell of 1–7; a hidden one
 *       has no upper bound of its own below 8, by the same argument. So a cell of 1–7 is never pinned, whatever else is
 *       published beside it. {@code DisclosureDifferencingTest} attacks this with interval propagation over random
 *       tables, overlapping filters and consecutive years.
 *   <li>Figures other than counts beside a total (IU, cost) add up exactly. They are shown on a total row only when
 *       they cannot be taken apart: a lone hidden cell takes the next-smallest non-empty cell of its row with it, and
 *       when there is none (only zeros beside it: the North West FIX case of 2026-12-04) the total's other figures are
 *       hidden too ({@link Dimension#totalFiguresShown}). Zeros are never hidden: an empty cell under a wider filter
 *       or an earlier year is known to be empty, so a hidden zero would be recovered, and the cell beside it with it.
 *   <li>A figure over a count total — a network proportion, rate or mean whose denominator is the total of a dimension
 *       (home-delivery coverage over the patients on prophylaxis, adverse events per 100 treatment-years) — is shown
 *       only where that total is ({@link #overTotal}). To the decimals shown it is an equation in whole numbers that
 *       pins the total in all but name (0.448 over 22–36 patients can only be 13 of 29), and beside the shown cells,
 *       whose own proportions pin them (0.917 over 8–12 is 11 of 12), or the same centres a year later, the hidden
 *       cell falls out ({@code ComparisonDifferencingTest}, {@code ServiceDifferencingTest}). Coarser decimals were
 *       tried and still leaked. For the same reason a centre's own rate over a count shown beside it (days lost per
 *       patient-year beside the patient-years) is built on that count: {@code *} where the count is.
 * </ol>
 *
 * <p>Point 2 assumes a shown cell is known only to its rounding. It is not: the figures beside a count pin it (0.700
 * over 18–22 patients is 14 of 20), and then a hidden cell is the difference of shown ones when the filters partition
 * the same patients (all = severe + moderate + mild: 20 patients less 10 mild is 10 moderate, and their patients with
 * diary time 14 less 8 are 6). So a centre with a small count in any cell of a filter's grid — every combination of
 * values of the dimensions it sets — is hidden in every cell ({@code CentreComparison#smallIn}), and the network's
 * satisfaction mean, over a total shown nowhere, only beside no hidden centre ({@code ComparisonDifferencingTest}).
 *
 * <p>Not covered by point 2: a population whose exact total is published anyway (the network overview's centres beside
 * the national counts by diagnosis and severity); those go through {@link #besideExactTotal}, which protects a hidden
 * cell within its own table only.
 *
 * @param smallestShownCount counts below this (but above 0) are suppressed; default 8
 * @param rounding counts are rounded to the nearest multiple of this; default 5
 */
public record DisclosureControl(int smallestShownCount, int rounding) {

    public static final String SUPPRESSED = "*";

    public static DisclosureControl defaults() {
        return new DisclosureControl(8, 5);
    }

    /**
     * One published row or column of patient counts and its total, after disclosure control.
     *
     * @param cells each cell as shown: {@code 0}, a rounded count, or {@code *}
     * @param hidden the indexes of the cells whose every figure shows as {@code *}
     * @param total the total as shown: exact when nothing is hidden, else rounded or {@code *}
     * @param totalFiguresShown whether the total row's other figures (IU, cost, rates) may be shown: false when they
     *     would be a single hidden cell's figures plus the shown cells'
     */
    public record Dimension(List<String> cells, Set<Integer> hidden, String total, boolean totalFiguresShown) {

        public boolean hides(int index) {
            return hidden.contains(index);
        }

        public boolean anyHidden() {
            return !hidden.isEmpty();
        }
    }

    /**
     * A table of rows (periods) by columns (groups) whose every row has a network total and the whole table a grand
     * total. Each row is a {@link Dimension}; a column's sum over the rows (a chart of each group over the whole period)
     * is shown only when none of its cells is hidden, so that it is never more than the sum of the cells it shows; the
     * grand total's figures only when every row's are.
     *
     * @param rows one dimension per row
     * @param columnFiguresShown per column, whether its sum over the rows may be shown
     * @param grandTotal the grand total count as shown
     * @param grandFiguresShown whether the grand total's other figures may be shown
     */
    public record Table(
            List<Dimension> rows, List<Boolean> columnFiguresShown, String grandTotal, boolean grandFiguresShown) {

        public boolean hides(int row, int column) {
            return rows.get(row).hides(column);
        }
    }

    /** A count below national level. Zero stays zero (an empty cell discloses nobody). */
    public String count(long count) {
        if (count == 0) {
            return "0";
        }
        if (count < smallestShownCount) {
            return SUPPRESSED;
        }
        long rounded = Math.round((double) count / rounding) * rounding;
        return Long.toString(rounded);
    }

    /** A national figure that is no table's total (or whose table hides nothing): shown as it is. */
    public String nationalCount(long count) {
        return Long.toString(count);
    }

    /**
     * A figure over a count total (a network proportion, rate or mean whose denominator is that total, point 4 of the
     * class comment), already formatted: shown only where the total is — {@code *} beside a total shown as {@code *}.
     *
     * @param figure the figure as computed
     * @param total the total as shown to the same reader
     */
    public String overTotal(String figure, String total) {
        return SUPPRESSED.equals(total) ? SUPPRESSED : figure;
    }

    /** A rate, mean or median built on {@code patients} patients, already formatted. */
    public String statistic(String formatted, long patients) {
        return patients < smallestShownCount ? SUPPRESSED : formatted;
    }

    /** A dimension whose total is the sum of its cells (every patient in exactly one cell). */
    public Dimension dimension(List<Long> counts) {
        return dimension(counts, counts.stream().mapToLong(Long::longValue).sum());
    }

    /**
     * A dimension of counts below national level and its national total, which may be less than the cells' sum when a
     * patient can fall in two cells (two products in a month). The total is exact only when no cell is hidden.
     */
    public Dimension dimension(List<Long> counts, long total) {
        return dimension(counts, total, Set.of());
    }

    /**
     * A dimension whose cells {@code alsoHidden} are hidden whatever their count, as cells of 1–7 are (a centre with a
     * small count under a filter that partitions the same patients, see {@code CentreComparison#grid}): each such
     * cell, even an empty one, shows {@code *}, and one alone takes the next-smallest non-empty cell with it.
     */
    public Dimension dimension(List<Long> counts, Set<Integer> alsoHidden) {
        return dimension(counts, counts.stream().mapToLong(Long::longValue).sum(), alsoHidden);
    }

    private Dimension dimension(List<Long> counts, long total, Set<Integer> alsoHidden) {
        Set<Integer> hidden = hidden(counts, alsoHidden);
        return new Dimension(
                shownCells(counts, hidden),
                hidden,
                hidden.isEmpty() ? nationalCount(total) : SUPPRESSED,
                figuresSeparable(counts, hidden));
    }

    /**
     * A dimension of counts below national level and a total below national level (the patients of one regimen by
     * band of IU/kg/year): the total is rounded as a count when nothing is hidden, else {@code *}.
     */
    public Dimension subDimension(List<Long> counts, long total) {
        Set<Integer> hidden = hidden(counts);
        return new Dimension(
                shownCells(counts, hidden),
                hidden,
                hidden.isEmpty() ? count(total) : SUPPRESSED,
                figuresSeparable(counts, hidden));
    }

    /**
     * A dimension whose national total is published exactly elsewhere and cannot be rounded here (the network
     * overview's registered patients by centre beside the national count). Hidden cells then share the total less the
     * shown cells, so cells are hidden, smallest first, until each hidden cell could hold at least two values given the
     * total: the hidden cells' combined room (total less the least the shown cells hold) must exceed one patient each.
     */
    public Dimension besideExactTotal(List<Long> counts) {
        Set<Integer> hidden = hidden(counts);
        long total = counts.stream().mapToLong(Long::longValue).sum();
        while (!hidden.isEmpty() && total - shownMinimum(counts, hidden) <= hidden.size()) {
            int next = smallestShown(counts, hidden);
            if (next < 0) {
                break; // every non-empty cell is hidden: the national total itself says they are all 1
            }
            hidden.add(next);
        }
        return new Dimension(
                shownCells(counts, hidden), hidden, nationalCount(total), figuresSeparable(counts, hidden));
    }

    /**
     * Rows of counts (cells may be empty lists' zeros), each row with its national total, and the grand total: see
     * {@link Table}. {@code counts[r]} are the cells of row {@code r} in column order; every row has every column.
     */
    public Table table(List<List<Long>> counts, List<Long> rowTotals, long grandTotal) {
        List<Dimension> rows = new ArrayList<>();
        boolean anyHidden = false;
        boolean everyRowsFigures = true;
        int columns = counts.isEmpty() ? 0 : counts.get(0).size();
        List<Boolean> columnShown = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            columnShown.add(true);
        }
        for (int r = 0; r < counts.size(); r++) {
            Dimension row = dimension(counts.get(r), rowTotals.get(r));
            rows.add(row);
            anyHidden |= row.anyHidden();
            everyRowsFigures &= row.totalFiguresShown();
            for (int c : row.hidden()) {
                columnShown.set(c, false);
            }
        }
        return new Table(rows, columnShown, anyHidden ? SUPPRESSED : nationalCount(grandTotal), everyRowsFigures);
    }

    /**
     * Centres (rows, below national level) by categories (columns), as a network-wide return publishes them (issue 15):
     * each centre's cells and total through {@link #subDimension} (1–7 and the secondary partner {@code *}, others
     * rounded; the centre's total rounded, or {@code *} beside a hidden cell); a category's national sum is shown,
     * exact, only when none of its centres' cells is hidden ({@link Table#columnFiguresShown}), and the grand total only
     * when no cell at all is hidden — a national figure beside a hidden cell is never shown, not even rounded (see the
     * class comment). {@link Table#grandFiguresShown} says whether the grand total's other figures (units, bleeds) may
     * be shown.
     */
    public Table byCentre(List<List<Long>> counts, List<Long> rowTotals, long grandTotal) {
        List<Dimension> rows = new ArrayList<>();
        int columns = counts.isEmpty() ? 0 : counts.get(0).size();
        List<Boolean> columnShown = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            columnShown.add(true);
        }
        boolean anyHidden = false;
        boolean everyRowsFigures = true;
        for (int r = 0; r < counts.size(); r++) {
            Dimension row = subDimension(counts.get(r), rowTotals.get(r));
            rows.add(row);
            anyHidden |= row.anyHidden();
            everyRowsFigures &= row.totalFiguresShown();
            for (int c : row.hidden()) {
                columnShown.set(c, false);
            }
        }
        return new Table(rows, columnShown, anyHidden ? SUPPRESSED : nationalCount(grandTotal), everyRowsFigures);
    }

    /**
     * The cells to hide in one dimension: every cell of 1–7 patients, and when exactly one such cell exists, also the
     * other non-empty cell with the fewest patients, so that the other figures of an exact total row (IU, cost) cannot
     * be taken apart (§8 secondary suppression). When every other cell is empty the lone cell stays alone and the
     * total's figures are hidden instead ({@link Dimension#totalFiguresShown}).
     */
    public Set<Integer> hidden(List<Long> patientCounts) {
        return hidden(patientCounts, Set.of());
    }

    private Set<Integer> hidden(List<Long> patientCounts, Set<Integer> alsoHidden) {
        Set<Integer> hidden = new HashSet<>(alsoHidden);
        for (int i = 0; i < patientCounts.size(); i++) {
            long n = patientCounts.get(i);
            if (n > 0 && n < smallestShownCount) {
                hidden.add(i);
            }
        }
        if (hidden.size() == 1) {
            int partner = smallestShown(patientCounts, hidden);
            if (partner >= 0) {
                hidden.add(partner);
            }
        }
        return hidden;
    }

    private List<String> shownCells(List<Long> counts, Set<Integer> hidden) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            shown.add(hidden.contains(i) ? SUPPRESSED : count(counts.get(i)));
        }
        return List.copyOf(shown);
    }

    /** Whether the hidden cells' other figures cannot be told apart: none hidden, or two or more non-empty ones. */
    private static boolean figuresSeparable(List<Long> counts, Set<Integer> hidden) {
        return hidden.stream().filter(i -> counts.get(i) > 0).count() != 1;
    }

    private long shownMinimum(List<Long> counts, Set<Integer> hidden) {
        long least = 0;
        for (int i = 0; i < counts.size(); i++) {
            if (!hidden.contains(i) && counts.get(i) > 0) {
                least += Math.max(smallestShownCount, Long.parseLong(count(counts.get(i))) - rounding / 2);
            }
        }
        return least;
    }

    private static int smallestShown(List<Long> counts, Set<Integer> hidden) {
        int smallest = -1;
        for (int i = 0; i < counts.size(); i++) {
            if (!hidden.contains(i) && counts.get(i) > 0 && (smallest < 0 || counts.get(i) < counts.get(smallest))) {
                smallest = i;
            }
        }
        return smallest;
    }
}
