package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Poisson control limits of a rate's funnel plot (issue 18), against R's {@code qpois}. */
class FunnelPoissonLimitsTest {

    @Test
    void quantilesAreRsQpois() {
        // qpois(c(0.025, 0.975, 0.001, 0.999), 10) = 4, 17, 2, 21
        assertThat(FunnelLimits.poissonQuantile(0.025, 10)).isEqualTo(4);
        assertThat(FunnelLimits.poissonQuantile(0.975, 10)).isEqualTo(17);
        assertThat(FunnelLimits.poissonQuantile(0.001, 10)).isEqualTo(2);
        assertThat(FunnelLimits.poissonQuantile(0.999, 10)).isEqualTo(21);
        assertThat(FunnelLimits.poissonQuantile(0.5, 0)).isZero();
        // a large mean does not underflow: qpois(0.5, 2000) = 2000
        assertThat(FunnelLimits.poissonQuantile(0.5, 2000)).isEqualTo(2000);
    }

    @Test
    void limitsArePerHundredTreatmentYearsAtTwoCentreSizes() {
        // 25 per 100 treatment-years: at n = 5 the mean is 1.25, qpois → 0, 4, 0, 6; at n = 10 it is 2.5 → 0, 6, 0, 9
        FunnelLimits.Limits five = FunnelLimits.poisson(5, 0.25, 100);
        assertThat(five.lower95()).isEqualTo(0.0);
        assertThat(five.upper95()).isEqualTo(80.0);
        assertThat(five.upper998()).isEqualTo(120.0);
        FunnelLimits.Limits ten = FunnelLimits.poisson(10, 0.25, 100);
        assertThat(ten.upper95()).isEqualTo(60.0);
        assertThat(ten.lower998()).isEqualTo(0.0);
        assertThat(ten.upper998()).isEqualTo(90.0);
    }
}
