package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Binomial funnel limits (issue 18) against quantiles worked by hand from the binomial distribution (R's qbinom). */
class FunnelLimitsTest {

    @Test
    void quantilesMatchTheBinomialDistribution() {
        // n = 10, p = 0.5: P(X ≤ 1) = 0.0107, P(X ≤ 2) = 0.0547, P(X ≤ 7) = 0.9453, P(X ≤ 8) = 0.9893
        assertThat(FunnelLimits.quantile(0.025, 10, 0.5)).isEqualTo(2);
        assertThat(FunnelLimits.quantile(0.975, 10, 0.5)).isEqualTo(8);
        // P(X ≤ 0) = 0.000977 < 0.001 ≤ P(X ≤ 1)
        assertThat(FunnelLimits.quantile(0.001, 10, 0.5)).isEqualTo(1);
        assertThat(FunnelLimits.quantile(0.999, 10, 0.5)).isEqualTo(9);
        // n = 100, p = 0.5: qbinom(0.025) = 40, qbinom(0.975) = 60
        assertThat(FunnelLimits.quantile(0.025, 100, 0.5)).isEqualTo(40);
        assertThat(FunnelLimits.quantile(0.975, 100, 0.5)).isEqualTo(60);
    }

    @Test
    void limitsNarrowAsCentresGrowAndStayWithinZeroAndOne() {
        FunnelLimits.Limits small = FunnelLimits.at(10, 0.5);
        FunnelLimits.Limits large = FunnelLimits.at(100, 0.5);
        assertThat(small.lower95()).isEqualTo(0.2);
        assertThat(small.upper95()).isEqualTo(0.8);
        assertThat(small.lower998()).isEqualTo(0.1);
        assertThat(small.upper998()).isEqualTo(0.9);
        assertThat(large.lower95()).isEqualTo(0.4);
        assertThat(large.upper95()).isEqualTo(0.6);
        assertThat(large.upper95() - large.lower95()).isLessThan(small.upper95() - small.lower95());
        FunnelLimits.Limits thousands = FunnelLimits.at(5000, 0.02);
        // normal approximation 0.02 ± 1.96 √(0.02·0.98/5000) = 0.0161 … 0.0239
        assertThat(thousands.lower95()).isCloseTo(0.0161, within(0.001));
        assertThat(thousands.upper95()).isCloseTo(0.0239, within(0.001));
        assertThat(FunnelLimits.at(8, 0).upper998()).isZero();
        assertThat(FunnelLimits.at(8, 1).lower998()).isEqualTo(1.0);
    }
}
