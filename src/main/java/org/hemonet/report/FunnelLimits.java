package org.hemonet.report;

/**
 * Control limits of a funnel plot for a proportion (issue 18; Spiegelhalter, "Funnel plots for comparing institutional
 * performance", Stat Med 2005;24:1185): for a centre of {@code n} patients and a network proportion {@code p}, the
 * limits are the exact binomial quantiles {@code r/n} where {@code r} is the smallest count whose cumulative binomial
 * probability reaches the tail (2.5 % and 97.5 % for the 95 % limits, 0.1 % and 99.9 % for the 99.8 % limits). No
 * interpolation between counts is applied: a centre is outside a limit only when its count is beyond the quantile
 * itself.
 */
public final class FunnelLimits {

    private FunnelLimits() {}

    /** The limits at one centre size. */
    public record Limits(int n, double lower95, double upper95, double lower998, double upper998) {}

    static Limits at(int n, double p) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        return new Limits(
                n,
                quantile(0.025, n, p) / (double) n,
                quantile(0.975, n, p) / (double) n,
                quantile(0.001, n, p) / (double) n,
                quantile(0.999, n, p) / (double) n);
    }

    /** The smallest r in 0..n with P(X ≤ r) ≥ q for X ~ Binomial(n, p), as R's {@code qbinom}. */
    static int quantile(double q, int n, double p) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        // the probabilities in log space: n may be in the thousands
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double cumulative = 0;
        double logChoose = 0; // log C(n, 0)
        for (int r = 0; r <= n; r++) {
            if (r > 0) {
                logChoose += Math.log(n - r + 1) - Math.log(r);
            }
            cumulative += Math.exp(logChoose + r * logP + (n - r) * logQ);
            if (cumulative >= q * (1 - 1e-12)) {
                return r;
            }
        }
        return n;
    }

    /**
     * Limits for a rate (issue 18; Spiegelhalter 2005, §3.2): for a centre of exposure {@code n} (treatment-years) and
     * a network rate {@code rate} per unit of exposure, the exact Poisson quantiles {@code r/n} of X ~ Poisson(rate × n),
     * each multiplied by {@code per} (100 for a rate per 100 treatment-years).
     */
    static Limits poisson(int n, double rate, double per) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        double mean = rate * n;
        return new Limits(
                n,
                poissonQuantile(0.025, mean) * per / n,
                poissonQuantile(0.975, mean) * per / n,
                poissonQuantile(0.001, mean) * per / n,
                poissonQuantile(0.999, mean) * per / n);
    }

    /** The smallest r ≥ 0 with P(X ≤ r) ≥ q for X ~ Poisson(mean), as R's {@code qpois}. */
    static int poissonQuantile(double q, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double cumulative = 0;
        double logMean = Math.log(mean);
        double logFactorial = 0; // log r!
        int last = (int) Math.ceil(mean + 40 * Math.sqrt(mean) + 50);
        for (int r = 0; r <= last; r++) {
            if (r > 0) {
                logFactorial += Math.log(r);
            }
            cumulative += Math.exp(-mean + r * logMean - logFactorial);
            if (cumulative >= q * (1 - 1e-12)) {
                return r;
            }
        }
        return last;
    }
}
