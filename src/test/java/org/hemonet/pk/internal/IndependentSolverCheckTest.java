package org.hemonet.pk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import org.hemonet.pk.Covariates;
import org.hemonet.pk.PkParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The models newly mapped to catalogue products in issue 20, checked against a second solver written here: the typical
 * clearance from the paper's formula by hand, and the level after a bolus from a fourth-order Runge–Kutta integration
 * of the compartment equations (not the closed form {@link Disposition} uses), the terminal half-life from the log-slope
 * of that integration late after the dose. Each within 0.5 % (issue 20, "Done when").
 */
class IndependentSolverCheckTest {

    private static final ModelCatalogue MODELS = ModelCatalogue.fromClasspath();

    /** Brekkan 2016 Table 2: CL 319.8 mL/h · (WT/70)^0.75; volumes ∝ WT (docs/pk.md, worked checks of issue 20). */
    @ParameterizedTest(name = "Brekkan {0} kg")
    @CsvSource({"70", "20", "45.5"})
    void brekkanTypicalClearanceHalfLifeAndLevelsMatchASecondSolver(double weightKg) {
        PkParameters p = PopulationModel.toParameters(
                MODELS.find("fix-brekkan-2016").orElseThrow().typical(Covariates.of(weightKg, 30)));
        double byHandCl = 3.198 * Math.pow(weightKg / 70, 0.75);
        assertThat(p.clDlPerH()).isCloseTo(byHandCl, withPercentage(0.5));
        assertThat(p.v1Dl()).isCloseTo(59.22 * weightKg / 70, withPercentage(0.5));

        double dose = 50 * weightKg;
        Disposition closedForm = Disposition.of(p);
        double[] state = {dose, 0, 0};
        double dt = 0.005;
        double t = 0;
        for (double check : new double[] {1, 6, 24, 48, 96, 168}) {
            while (t < check - dt / 2) {
                state = rk4(state, p, dt);
                t += dt;
            }
            double level = state[0] / p.v1Dl();
            assertThat(closedForm.level(dose, 0, check))
                    .as("level at %s h", check)
                    .isCloseTo(level, withPercentage(0.5));
        }
        double late1 = 0;
        while (t < 400 - dt / 2) {
            state = rk4(state, p, dt);
            t += dt;
        }
        late1 = state[0];
        while (t < 500 - dt / 2) {
            state = rk4(state, p, dt);
            t += dt;
        }
        double slope = Math.log(late1 / state[0]) / 100;
        assertThat(closedForm.terminalHalfLifeHours()).isCloseTo(Math.log(2) / slope, withPercentage(0.5));
    }

    /** Amounts in the central and two peripheral compartments: dA/dt of the linear mammillary model. */
    private static double[] derivative(double[] a, PkParameters p) {
        double q3 = p.q3DlPerH() == null ? 0 : p.q3DlPerH();
        double v3 = p.v3Dl() == null ? 1 : p.v3Dl();
        double c1 = a[0] / p.v1Dl();
        double c2 = a[1] / p.v2Dl();
        double c3 = a[2] / v3;
        return new double[] {
            -p.clDlPerH() * c1 - p.qDlPerH() * (c1 - c2) - q3 * (c1 - c3), p.qDlPerH() * (c1 - c2), q3 * (c1 - c3)
        };
    }

    private static double[] rk4(double[] a, PkParameters p, double h) {
        double[] k1 = derivative(a, p);
        double[] k2 = derivative(step(a, k1, h / 2), p);
        double[] k3 = derivative(step(a, k2, h / 2), p);
        double[] k4 = derivative(step(a, k3, h), p);
        double[] next = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            next[i] = a[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return next;
    }

    private static double[] step(double[] a, double[] slope, double h) {
        double[] next = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            next[i] = a[i] + h * slope[i];
        }
        return next;
    }
}
