package org.hemonet.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Cumulative incidence by exposure day with the Kaplan–Meier product-limit estimator (clinical.md §9, PUP cohorts).
 * Each patient is followed from their first exposure day to an event (an inhibitor "at ED n": the exposure days up to
 * and including the day of the first positive sample) or to censoring (no inhibitor: their last exposure day).
 *
 * <p>{@code S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ / nᵢ)}, where {@code dᵢ} patients have their inhibitor at ED
 * {@code tᵢ} and {@code nᵢ} are at risk there: followed to ED {@code tᵢ} or beyond, with no inhibitor before it. A
 * patient censored at ED {@code tᵢ} is still at risk at {@code tᵢ} (censoring after events, the usual convention).
 * Cumulative incidence is {@code 1 − S(t)}. Pure.
 */
public final class KaplanMeier {

    private KaplanMeier() {}

    /**
     * One patient's follow-up.
     *
     * @param exposureDays the ED of the inhibitor, or of censoring
     * @param inhibitor whether follow-up ended with an inhibitor
     */
    public record Follow(int exposureDays, boolean inhibitor) {

        public Follow {
            if (exposureDays < 0) {
                throw new IllegalArgumentException("exposure days cannot be negative");
            }
        }

        public static Follow inhibitorAt(int exposureDays) {
            return new Follow(exposureDays, true);
        }

        public static Follow censoredAt(int exposureDays) {
            return new Follow(exposureDays, false);
        }
    }

    /**
     * The estimate at ED {@code n}.
     *
     * @param incidence {@code 1 − S(n)}; {@code null} when nobody was followed to ED {@code n} ({@code atRisk} = 0): the
     *     curve is not extended beyond the longest follow-up
     * @param atRisk patients still under observation at ED {@code n}: followed to ED {@code n} or beyond, with no
     *     inhibitor before ED {@code n} (one at ED {@code n} itself still counts)
     * @param inhibitors inhibitors up to and including ED {@code n}
     */
    public record Point(int exposureDays, @Nullable Double incidence, int atRisk, int inhibitors) {}

    /** The estimate at each of the given exposure days. */
    public static List<Point> at(List<Follow> cohort, int... exposureDays) {
        TreeMap<Integer, int[]> byTime = new TreeMap<>(); // ED -> {inhibitors, censored}
        for (Follow f : cohort) {
            byTime.computeIfAbsent(f.exposureDays(), k -> new int[2])[f.inhibitor() ? 0 : 1]++;
        }
        List<Point> points = new ArrayList<>();
        for (int n : exposureDays) {
            double survival = 1.0;
            int atRiskNow = cohort.size();
            int inhibitors = 0;
            for (var entry : byTime.entrySet()) {
                int t = entry.getKey();
                if (t > n) {
                    break;
                }
                int events = entry.getValue()[0];
                if (events > 0) {
                    survival *= 1.0 - (double) events / atRiskNow;
                    inhibitors += events;
                }
                atRiskNow -= events + entry.getValue()[1];
            }
            int atRisk =
                    (int) cohort.stream().filter(f -> f.exposureDays() >= n).count();
            points.add(new Point(n, atRisk == 0 ? null : 1.0 - survival, atRisk, inhibitors));
        }
        return points;
    }
}
