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
     * When every other cell is empty, an empty cell is hidden instead: zeros are exact, so one suppressed cell beside
     * zeros and an exact total would be the total (the North West FIX leak of 2026-12-04). When the dimension has no
     * other cell at all, one cell stays hidden and {@link #totalDisclosesACell} tells the caller to round the total.
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
            if (partner < 0) {
                for (int i = 0; i < patientCounts.size() && partner < 0; i++) {
                    if (!hidden.contains(i)) {
                        partner = i; // only zeros are left: the first of them
                    }
                }
            }
            if (partner >= 0) {
                hidden.add(partner);
            }
        }
        return hidden;
    }

    /** Whether a dimension's exact total, beside its shown cells, would give a suppressed cell away (§8). */
    public static boolean totalDisclosesACell(Set<Integer> hidden) {
        return hidden.size() == 1;
    }
}
