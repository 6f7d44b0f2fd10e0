package org.hemonet.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one function every figure shown to network staff, commissioners or in an export passes (clinical.md §8): below
 * national level, counts of 1–7 show as {@code *} and other counts are rounded to the nearest 5; rates, means and
 * medians built on fewer than 8 patients show as {@code *}. National totals are shown unrounded. Totals are rounded on
 * their own, never summed from rounded cells.
 *
 * @param smallestShownCount counts below this (but above 0) are suppressed; default 8
 * @param rounding counts are rounded to the nearest multiple of this; default 5
 */
public record DisclosureControl(int smallestShownCount, int rounding) {

    public static final String SUPPRESSED = "*";

    public static DisclosureControl defaults() {
        return new DisclosureControl(8, 5);
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

    /** A national total: shown as it is. */
    public String nationalCount(long count) {
        return Long.toString(count);
    }

    /** A rate, mean or median built on {@code patients} patients, already formatted. */
    public String statistic(String formatted, long patients) {
        return patients < smallestShownCount ? SUPPRESSED : formatted;
    }

    /**
     * The cells to hide in one dimension whose total is shown exactly: every cell of 1–7 patients, and when exactly one
     * such cell exists, also the other non-empty cell with the fewest patients (secondary suppression, clinical.md §8).
     * When every other cell is empty, the suppressed cell stays alone and {@link #totalDisclosesACell} tells the caller
     * to round the total: zeros are exact, so one suppressed cell beside zeros and an exact total would be the total (the
     * North West FIX leak of 2026-12-04). Hiding an empty cell beside it would not do: a centre or region with nobody
     * under a wider filter is known to have nobody under a narrower one, so the hidden zero would be recovered and the
     * cell with it (found by {@code DisclosureDifferencingTest}).
     */
    public Set<Integer> hidden(List<Long> patientCounts) {
        Set<Integer> hidden = new HashSet<>();
        for (int i = 0; i < patientCounts.size(); i++) {
            long n = patientCounts.get(i);
            if (n > 0 && n < smallestShownCount) {
                hidden.add(i);
            }
        }
        if (hidden.size() == 1) {
            int partner = -1;
            for (int i = 0; i < patientCounts.size(); i++) {
                if (!hidden.contains(i)
                        && patientCounts.get(i) > 0
                        && (partner < 0 || patientCounts.get(i) < patientCounts.get(partner))) {
                    partner = i;
                }
            }
            if (partner >= 0) {
                hidden.add(partner);
            }
        }
        return hidden;
    }

    /**
     * Whether a dimension's exact total, beside its shown cells, gives a suppressed cell away by subtraction (§8): when
     * it is the only hidden cell. Exact figures such as IU beside it would then be the total less the others. Two or more
     * hidden cells hold someone each, so an exact count total can still pin them when the shown cells leave little
     * slack (two hidden cells of 1 beside zeros and a total of 2): count totals beside any hidden cell are shown as
     * {@link #total} gives them.
     */
    public static boolean totalDisclosesACell(Set<Integer> hidden) {
        return hidden.size() == 1;
    }

    /**
     * How a dimension's total is shown (§8): exact when no cell is hidden; otherwise rounded like any count, and {@code
     * *} when even the rounded total, less the most the shown cells can hold, leaves the hidden cells no more than one
     * patient each — that would pin every one of them to 1.
     */
    public String total(List<Long> counts, Set<Integer> hidden) {
        long sum = counts.stream().mapToLong(Long::longValue).sum();
        if (hidden.isEmpty()) {
            return Long.toString(sum);
        }
        String rounded = count(sum);
        if (rounded.equals(SUPPRESSED)) {
            return rounded;
        }
        long totalMax = Long.parseLong(rounded) + rounding / 2;
        long shownMin = 0;
        for (int i = 0; i < counts.size(); i++) {
            if (hidden.contains(i) || counts.get(i) == 0) {
                continue;
            }
            shownMin += Math.max(smallestShownCount, Long.parseLong(count(counts.get(i))) - rounding / 2);
        }
        return totalMax - shownMin <= hidden.size() ? SUPPRESSED : rounded;
    }
}
