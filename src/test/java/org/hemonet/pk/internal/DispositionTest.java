package org.hemonet.pk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.Arrays;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DispositionTest {

    /** Allard 2020 typical values at 64 kg, 30 y, in dL and dL/h. */
    private static final Disposition ALLARD = Disposition.twoCompartment(2.04, 26.4, 1.35, 3.39);

    private static final Disposition THREE = Disposition.threeCompartment(2.0, 30, 1.5, 10, 0.3, 40);

    @Test
    void bolusStartsAtDoseOverCentralVolume() {
        assertThat(ALLARD.level(3200, 0, 0)).isCloseTo(3200 / 26.4, within(1e-9));
        assertThat(THREE.level(3200, 0, 0)).isCloseTo(3200 / 30.0, within(1e-9));
    }

    @Test
    void levelIsZeroBeforeTheDose() {
        assertThat(ALLARD.level(3200, 0, -0.1)).isZero();
        assertThat(ALLARD.level(3200, 0.5, -0.1)).isZero();
    }

    @Test
    void areaUnderTheCurveIsDoseOverClearance() {
        // ∫ C dt = D/CL for any linear model with elimination from the central compartment
        for (Disposition disposition : new Disposition[] {ALLARD, THREE}) {
            double[] lambda = disposition.lambda();
            double[] a = disposition.coefficients();
            double auc = 0;
            for (int i = 0; i < lambda.length; i++) {
                auc += a[i] / lambda[i];
            }
            auc *= 1000 / disposition.v1();
            double cl = disposition == ALLARD ? 2.04 : 2.0;
            assertThat(auc).isCloseTo(1000 / cl, withPercentage(1e-9));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.25, 0.5, 1, 3, 12, 48})
    void infusionIsTheBolusCurveAveragedOverTheInfusion(double hours) {
        // C_inf(t) = 1/T ∫₀^min(t,T) C_bolus(t − s) ds, by Simpson's rule
        double infusionHours = 0.5;
        for (Disposition disposition : new Disposition[] {ALLARD, THREE}) {
            double upper = Math.min(hours, infusionHours);
            int n = 2000;
            double step = upper / n;
            double sum = 0;
            for (int i = 0; i <= n; i++) {
                double weight = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
                sum += weight * disposition.level(3000, 0, hours - i * step);
            }
            double expected = sum * step / 3 / infusionHours;
            assertThat(disposition.level(3000, infusionHours, hours)).isCloseTo(expected, withPercentage(1e-6));
        }
    }

    @Test
    void veryShortInfusionMatchesTheBolus() {
        for (double hours : new double[] {0.01, 1, 10, 100}) {
            assertThat(ALLARD.level(3000, 1e-7, hours)).isCloseTo(ALLARD.level(3000, 0, hours), withPercentage(1e-4));
        }
    }

    @Test
    void threeCompartmentClosedFormMatchesNumericalIntegration() {
        // dA1/dt = −(k10+k12+k13)A1 + k21 A2 + k31 A3, dA2/dt = k12 A1 − k21 A2, dA3/dt = k13 A1 − k31 A3; RK4
        double k10 = 2.0 / 30, k12 = 1.5 / 30, k21 = 1.5 / 10, k13 = 0.3 / 30, k31 = 0.3 / 40;
        double[] amount = {1000, 0, 0};
        double h = 0.001;
        int steps = 100_000;
        for (int s = 1; s <= steps; s++) {
            double[] k1 = derivative(amount, k10, k12, k21, k13, k31);
            double[] k2 = derivative(add(amount, k1, h / 2), k10, k12, k21, k13, k31);
            double[] k3 = derivative(add(amount, k2, h / 2), k10, k12, k21, k13, k31);
            double[] k4 = derivative(add(amount, k3, h), k10, k12, k21, k13, k31);
            for (int i = 0; i < 3; i++) {
                amount[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
            if (s % 10_000 == 0) {
                assertThat(THREE.level(1000, 0, s * h)).isCloseTo(amount[0] / 30, withPercentage(1e-6));
            }
        }
    }

    @Test
    void threeCompartmentExponentsAreTheEigenvaluesOfTheRateMatrix() {
        // Brekkan 2016 typical values at 70 kg (dL, dL/h)
        double cl = 3.198, v1 = 59.22, q2 = 10.49, v2 = 8.289, q3 = 1.604, v3 = 22.34;
        Disposition disposition = Disposition.threeCompartment(cl, v1, q2, v2, q3, v3);
        double[][] rates = {
            {-(cl + q2 + q3) / v1, q2 / v2, q3 / v3},
            {q2 / v1, -q2 / v2, 0},
            {q3 / v1, 0, -q3 / v3}
        };
        double[] eigenvalues = Arrays.stream(
                        new EigenDecompositionNonSymmetric(new Array2DRowRealMatrix(rates)).getEigenvalues())
                .mapToDouble(c -> -c.getReal())
                .sorted()
                .toArray();

        double[] lambda = disposition.lambda();
        assertThat(lambda).hasSize(3);
        assertThat(lambda[2]).isCloseTo(eigenvalues[0], withPercentage(1e-8));
        assertThat(lambda[1]).isCloseTo(eigenvalues[1], withPercentage(1e-8));
        assertThat(lambda[0]).isCloseTo(eigenvalues[2], withPercentage(1e-8));
        double[] a = disposition.coefficients();
        assertThat(a[0] + a[1] + a[2]).isCloseTo(1, within(1e-12));
    }

    @Test
    void threeCompartmentWithNegligibleThirdCompartmentIsTwoCompartment() {
        Disposition three = Disposition.threeCompartment(2.04, 26.4, 1.35, 3.39, 1e-9, 1e-3);
        for (double hours : new double[] {0, 1, 10, 50}) {
            assertThat(three.level(3000, 0, hours)).isCloseTo(ALLARD.level(3000, 0, hours), withPercentage(1e-3));
        }
    }

    @Test
    void steadyStateTroughIsTheSumOfManyRepeatedDoses() {
        double tau = 48;
        double superposed = 0;
        for (int k = 1; k <= 400; k++) {
            superposed += ALLARD.level(1, 0, k * tau);
        }
        assertThat(ALLARD.steadyStatePerIu(tau, new double[] {0}, 0)).isCloseTo(superposed, withPercentage(1e-9));
        // the spec's C_trough,ss = D/V1 · Σ Aᵢ e^(−λᵢτ)/(1 − e^(−λᵢτ))
        double[] lambda = ALLARD.lambda();
        double[] a = ALLARD.coefficients();
        double spec = 0;
        for (int i = 0; i < 2; i++) {
            spec += a[i] * Math.exp(-lambda[i] * tau) / (1 - Math.exp(-lambda[i] * tau));
        }
        assertThat(ALLARD.steadyStatePerIu(tau, new double[] {0}, 0)).isCloseTo(spec / 26.4, withPercentage(1e-9));
    }

    @Test
    void curveByRecurrenceEqualsTheSuperposedLevels() {
        double[] doseHours = {0, 24, 48, 96};
        double[] doseIu = {3000, 1500, 2000, 2500};
        double[] infusionHours = {0, 0.5, 0, 2};
        double[] grid = new double[300];
        for (int k = 0; k < grid.length; k++) {
            grid[k] = k * 0.5;
        }
        grid[10] = grid[9];
        for (Disposition disposition : new Disposition[] {ALLARD, THREE}) {
            double[] curve = disposition.curve(doseHours, doseIu, infusionHours, grid);
            for (int k = 0; k < grid.length; k++) {
                double expected = 0;
                for (int d = 0; d < doseHours.length; d++) {
                    if (doseHours[d] <= grid[k]) {
                        expected += disposition.level(doseIu[d], infusionHours[d], grid[k] - doseHours[d]);
                    }
                }
                assertThat(curve[k]).isCloseTo(expected, within(1e-10 * Math.max(1, expected)));
            }
        }
    }

    @Test
    void terminalHalfLifeUsesTheSmallestExponent() {
        double k10 = 2.04 / 26.4, k12 = 1.35 / 26.4, k21 = 1.35 / 3.39;
        double s = k10 + k12 + k21;
        double beta = (s - Math.sqrt(s * s - 4 * k10 * k21)) / 2;
        assertThat(ALLARD.terminalHalfLifeHours()).isCloseTo(Math.log(2) / beta, withPercentage(1e-9));
    }

    private static double[] derivative(double[] a, double k10, double k12, double k21, double k13, double k31) {
        return new double[] {
            -(k10 + k12 + k13) * a[0] + k21 * a[1] + k31 * a[2], k12 * a[0] - k21 * a[1], k13 * a[0] - k31 * a[2]
        };
    }

    private static double[] add(double[] a, double[] d, double h) {
        return new double[] {a[0] + h * d[0], a[1] + h * d[1], a[2] + h * d[2]};
    }
}
