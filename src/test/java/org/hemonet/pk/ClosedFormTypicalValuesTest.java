package org.hemonet.pk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.Arrays;
import java.util.Map;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.junit.jupiter.api.Test;

/**
 * Worked checks of issue 20 (docs/pk.md, "Worked checks of issue 20"): the typical clearance and terminal half-life of a
 * reference patient, written out here from the papers' equations and solved independently of the estimator (one
 * compartment: {@code t½ = ln 2 · V/CL}; three compartments: the smallest eigenvalue of the rate matrix, i.e. the
 * smallest root of the characteristic cubic, found numerically by Hipparchus rather than by the estimator's
 * trigonometric closed form), compared with {@link PkEstimator#typicalParameters} and {@link
 * PkEstimator#halfLifeHours} within 0.5 %.
 */
class ClosedFormTypicalValuesTest {

    private final PkEstimator estimator = new PkEstimator();

    /**
     * Solms 2020 Table 2 (chromogenic assay), footnotes b and c: {@code CL = 1.09 dL/h · (LBW/49.1)^0.707 ·
     * (VWF/110)^−0.604}, {@code Vc = 26.2 dL · (LBW/49.1)^0.887}. Reference patient: 70 kg, 175 cm, 30 years, lean
     * body weight 56.5 kg (James formula {@code 1.1·W − 128·(W/H)²}, used only to state the patient; the model takes LBW
     * as given), VWF antigen 110 IU/dL (the study's median).
     */
    @Test
    void solmsReferencePatientClearanceAndHalfLife() {
        double lbw = 1.1 * 70 - 128 * Math.pow(70.0 / 175, 2);
        double vwf = 110;
        double cl = 1.09 * Math.pow(lbw / 49.1, 0.707) * Math.pow(vwf / 110, -0.604);
        double v = 26.2 * Math.pow(lbw / 49.1, 0.887);
        double halfLife = Math.log(2) * v / cl;

        PkParameters typical = estimator.typicalParameters(
                "fviii-solms-2020",
                new Covariates(Map.of("weightKg", 70.0, "ageYears", 30.0, "leanBodyWeightKg", lbw, "vwfIuPerDl", vwf)));

        assertThat(lbw).isCloseTo(56.52, withPercentage(0.01));
        assertThat(cl).as("docs/pk.md: 1.204 dL/h").isCloseTo(1.204, withPercentage(0.1));
        assertThat(halfLife).as("docs/pk.md: 17.09 h").isCloseTo(17.09, withPercentage(0.1));
        assertThat(typical.oneCompartment()).isTrue();
        assertThat(typical.clDlPerH()).isCloseTo(cl, withPercentage(0.5));
        assertThat(typical.v1Dl()).isCloseTo(v, withPercentage(0.5));
        assertThat(estimator.halfLifeHours(typical)).isCloseTo(halfLife, withPercentage(0.5));
    }

    /** At the model's own reference covariates (LBW 49.1 kg, VWF 110 IU/dL) the typical values are Table 2's. */
    @Test
    void solmsTypicalValuesAtTheReferenceCovariatesAreTheTable() {
        PkParameters typical = estimator.typicalParameters(
                "fviii-solms-2020", new Covariates(Map.of("leanBodyWeightKg", 49.1, "vwfIuPerDl", 110.0)));

        assertThat(typical.clDlPerH()).isCloseTo(1.09, withPercentage(0.01));
        assertThat(typical.v1Dl()).isCloseTo(26.2, withPercentage(0.01));
        assertThat(estimator.halfLifeHours(typical)).isCloseTo(Math.log(2) * 26.2 / 1.09, withPercentage(0.01));
    }

    /**
     * Brekkan 2016 Table 2: CL 319.8 mL/h, V1 5922 mL, Q2 1049 mL/h, V2 828.9 mL, Q3 160.4 mL/h, V3 2234 mL for 70 kg;
     * clearances × (WT/70)^0.75, volumes × WT/70. Reference patient 70 kg, 30 years (age is not a covariate).
     */
    @Test
    void brekkanReferencePatientClearanceAndHalfLifeFromTheRateMatrix() {
        double cl = 3.198;
        double v1 = 59.22;
        double q2 = 10.49;
        double v2 = 8.289;
        double q3 = 1.604;
        double v3 = 22.34;
        double k10 = cl / v1;
        double k12 = q2 / v1;
        double k21 = q2 / v2;
        double k13 = q3 / v1;
        double k31 = q3 / v3;
        double[][] rates = {
            {-(k10 + k12 + k13), k21, k31},
            {k12, -k21, 0},
            {k13, 0, -k31}
        };
        double smallest = Arrays.stream(
                        new EigenDecompositionNonSymmetric(new Array2DRowRealMatrix(rates)).getEigenvalues())
                .mapToDouble(e -> -e.getReal())
                .min()
                .orElseThrow();
        double halfLife = Math.log(2) / smallest;

        PkParameters typical = estimator.typicalParameters("fix-brekkan-2016", Covariates.of(70, 30));

        assertThat(halfLife).as("docs/pk.md: 23.02 h").isCloseTo(23.02, withPercentage(0.1));
        assertThat(typical.threeCompartment()).isTrue();
        assertThat(typical.clDlPerH()).isCloseTo(cl, withPercentage(0.5));
        assertThat(estimator.halfLifeHours(typical)).isCloseTo(halfLife, withPercentage(0.5));
    }
}
