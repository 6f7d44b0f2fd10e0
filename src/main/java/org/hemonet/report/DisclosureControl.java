package org.hemonet.report;

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
}
