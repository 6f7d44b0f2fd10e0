package org.hemonet.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The exact Poisson interval of clinical.md §9 against the EUHASS worked figures and hand-worked edge cases. */
class PoissonRateTest {

    @Test
    void oneEventIn9238TreatmentYears() {
        PoissonRate r = PoissonRate.of(1, 9238);
        assertThat(r.per1000TreatmentYears()).isCloseTo(0.11, within(0.005));
        assertThat(r.lower()).isCloseTo(0.003, within(0.0005));
        assertThat(r.upper()).isCloseTo(0.60, within(0.005));
        // hand-worked: χ²(0.025; 2)/2 = −ln(0.975) = 0.025318
        assertThat(r.lower()).isCloseTo(-Math.log(0.975) / 9238 * 1000, within(1e-9));
    }

    @Test
    void oneHundredFiftyTwoEventsIn36074TreatmentYears() {
        PoissonRate r = PoissonRate.of(152, 36_074);
        assertThat(r.per1000TreatmentYears()).isCloseTo(4.21, within(0.005));
        assertThat(r.lower()).isCloseTo(3.57, within(0.005));
        assertThat(r.upper()).isCloseTo(4.94, within(0.005));
    }

    @Test
    void oneEventInThreeTreatmentYears() {
        PoissonRate r = PoissonRate.of(1, 3);
        assertThat(r.per1000TreatmentYears()).isCloseTo(333.3, within(0.05));
        assertThat(r.lower()).isCloseTo(8.4, within(0.05));
        assertThat(r.upper()).isCloseTo(1857.2, within(0.05));
    }

    @Test
    void zeroEventsGiveARateOfZeroWithAnIntervalFromZero() {
        PoissonRate r = PoissonRate.of(0, 10);
        assertThat(r.per1000TreatmentYears()).isZero();
        assertThat(r.lower()).isZero();
        // hand-worked: χ²(0.975; 2)/2 = −ln(0.025) = 3.68888 → 368.9 per 1000 TY
        assertThat(r.upper()).isCloseTo(-Math.log(0.025) / 10 * 1000, within(1e-6));
    }

    @Test
    void noTreatmentYearsIsNoRate() {
        assertThatThrownBy(() -> PoissonRate.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
