package org.hemonet.pk.internal;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Bayesian MAP estimation of η (pk-models.md, "Individual (Bayesian MAP) estimation"): minimises
 *
 * <pre>OFV(η) = Σⱼ [ ln σⱼ² + (yⱼ − ŷⱼ)² / σⱼ² ] + ηᵀ Ω⁻¹ η</pre>
 *
 * <p>with a Nelder–Mead simplex (Hipparchus) in whitened coordinates {@code z = L⁻¹η} ({@code L Lᵀ = Ω}), where the
 * prior term is {@code zᵀz} and every direction has unit scale; the search is restarted once from its optimum with a
 * small simplex to confirm convergence. Uncertainty is the Laplace approximation: {@code cov(η) = 2·H⁻¹} with H the
 * Hessian of the OFV at the optimum by central differences. Instances are single-use and not thread-safe.
 */
public final class MapEstimator {

    /** A dose in hours from the start of the study window. */
    public record DoseEvent(double hours, double iu, double infusionHours) {}

    /** A measured level (IU/dL, baseline included) in hours from the start of the study window. */
    public record Observation(double hours, double iuPerDl) {}

    /**
     * The estimate: {@code eta} at the optimum, {@code covariance} of η (Laplace), the OFV there, and warnings.
     * Without observations η = 0 and the covariance is Ω.
     */
    public record Fit(double[] eta, double[][] covariance, double ofv, List<String> warnings) {}

    private static final double HESSIAN_STEP = 1e-3;
    private static final int MAX_EVALUATIONS = 20_000;

    private final PopulationModel model;
    private final double[] typical;
    private final double baseline;
    private final double[] observed;
    private final double[][] doseIu;
    private final double[][] doseInfusionHours;
    private final double[][] hoursSinceDose;
    private final double[][] omegaInverse;
    private final double[][] omegaCholesky;

    /**
     * @param typical the typical values for the patient's covariates ({@link PopulationModel#typical})
     * @param baseline endogenous level (IU/dL) added to the exogenous prediction
     */
    public MapEstimator(
            PopulationModel model,
            double[] typical,
            double baseline,
            List<DoseEvent> doses,
            List<Observation> observations) {
        this.model = model;
        this.typical = typical.clone();
        this.baseline = baseline;
        int n = observations.size();
        observed = new double[n];
        doseIu = new double[n][];
        doseInfusionHours = new double[n][];
        hoursSinceDose = new double[n][];
        for (int j = 0; j < n; j++) {
            Observation observation = observations.get(j);
            observed[j] = observation.iuPerDl();
            // a dose given at the very time of a sample is taken to follow it (a pre-dose trough)
            List<DoseEvent> before =
                    doses.stream().filter(d -> d.hours() < observation.hours()).toList();
            doseIu[j] = before.stream().mapToDouble(DoseEvent::iu).toArray();
            doseInfusionHours[j] =
                    before.stream().mapToDouble(DoseEvent::infusionHours).toArray();
            hoursSinceDose[j] = before.stream()
                    .mapToDouble(d -> observation.hours() - d.hours())
                    .toArray();
        }
        omegaInverse = model.omegaInverse();
        omegaCholesky = model.omegaCholesky();
    }

    /** The objective function value at η. */
    public double ofv(double[] eta) {
        return dataTerm(eta) + quadratic(omegaInverse, eta);
    }

    private double dataTerm(double[] eta) {
        Disposition disposition = PopulationModel.disposition(model.individual(typical, eta));
        double sum = 0;
        for (int j = 0; j < observed.length; j++) {
            double exogenous = 0;
            double[] iu = doseIu[j];
            double[] infusion = doseInfusionHours[j];
            double[] since = hoursSinceDose[j];
            for (int k = 0; k < iu.length; k++) {
                exogenous += disposition.level(iu[k], infusion[k], since[k]);
            }
            double predicted = exogenous + baseline;
            double variance = model.residualVariance(predicted, exogenous);
            double residual = observed[j] - predicted;
            sum += Math.log(variance) + residual * residual / variance;
        }
        return sum;
    }

    public Fit fit() {
        int d = model.etaCount();
        if (observed.length == 0) {
            return new Fit(new double[d], model.omega(), 0, List.of());
        }
        List<String> warnings = new ArrayList<>();
        double[] z = new double[d];
        double best = Double.NaN;
        for (double step : new double[] {0.5, 0.05}) {
            try {
                PointValuePair optimum = new SimplexOptimizer(new SimpleValueChecker(1e-12, 1e-12))
                        .optimize(
                                new MaxEval(MAX_EVALUATIONS),
                                new ObjectiveFunction(this::whitenedOfv),
                                GoalType.MINIMIZE,
                                new InitialGuess(z),
                                new NelderMeadSimplex(d, step));
                z = optimum.getPoint();
                best = optimum.getValue();
            } catch (MathIllegalStateException e) {
                warnings.add("The MAP optimiser did not converge within " + MAX_EVALUATIONS
                        + " evaluations; the estimate may be imprecise");
            }
        }
        double[] eta = multiply(omegaCholesky, z);
        double[][] covariance = laplaceCovariance(eta, warnings);
        return new Fit(eta, covariance, Double.isNaN(best) ? ofv(eta) : best, List.copyOf(warnings));
    }

    private double whitenedOfv(double[] z) {
        double value = dataTerm(multiply(omegaCholesky, z));
        for (double zi : z) {
            value += zi * zi;
        }
        return Double.isFinite(value) ? value : Double.MAX_VALUE;
    }

    private double[][] laplaceCovariance(double[] eta, List<String> warnings) {
        double[][] hessian = hessian(eta);
        try {
            CholeskyDecomposition cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian), 1e-8, 1e-12);
            double[][] inverse = cholesky.getSolver().getInverse().getData();
            for (double[] row : inverse) {
                for (int i = 0; i < row.length; i++) {
                    row[i] *= 2;
                }
            }
            return inverse;
        } catch (MathIllegalArgumentException e) {
            warnings.add("The OFV is not convex at the estimate (Hessian not positive definite); the uncertainty"
                    + " shown is the population variability");
            return model.omega();
        }
    }

    /** Hessian of the OFV by central differences with step {@value #HESSIAN_STEP} in η. */
    double[][] hessian(double[] eta) {
        int d = eta.length;
        double h = HESSIAN_STEP;
        double f0 = ofv(eta);
        double[][] hessian = new double[d][d];
        for (int i = 0; i < d; i++) {
            double plus = ofv(shift(eta, i, h, -1, 0));
            double minus = ofv(shift(eta, i, -h, -1, 0));
            hessian[i][i] = (plus - 2 * f0 + minus) / (h * h);
            for (int k = 0; k < i; k++) {
                double pp = ofv(shift(eta, i, h, k, h));
                double pm = ofv(shift(eta, i, h, k, -h));
                double mp = ofv(shift(eta, i, -h, k, h));
                double mm = ofv(shift(eta, i, -h, k, -h));
                hessian[i][k] = (pp - pm - mp + mm) / (4 * h * h);
                hessian[k][i] = hessian[i][k];
            }
        }
        return hessian;
    }

    private static double[] shift(double[] x, int i, double hi, int k, double hk) {
        double[] y = x.clone();
        y[i] += hi;
        if (k >= 0) {
            y[k] += hk;
        }
        return y;
    }

    static double[] multiply(double[][] lower, double[] z) {
        double[] result = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            double sum = 0;
            for (int k = 0; k <= i; k++) {
                sum += lower[i][k] * z[k];
            }
            result[i] = sum;
        }
        return result;
    }

    private static double quadratic(double[][] matrix, double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < x.length; k++) {
                sum += x[i] * matrix[i][k] * x[k];
            }
        }
        return sum;
    }
}
