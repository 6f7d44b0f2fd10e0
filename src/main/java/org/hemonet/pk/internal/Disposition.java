package org.hemonet.pk.internal;

import org.hemonet.pk.PkParameters;

/**
 * Closed-form disposition of a linear mammillary model with IV input, written as macro constants: after a unit bolus
 * the central concentration is {@code 1/V1 · Σ Aᵢ e^(−λᵢ t)} (pk-models.md, "Structure").
 *
 * <p>One compartment: {@code λ = CL/V1}, {@code A = 1}. Two compartments: {@code α, β = (s ± √(s² − 4·k10·k21)) / 2} with {@code s = k10 + k12 + k21}, {@code A_α =
 * (α − k21)/(α − β)}, {@code A_β = (k21 − β)/(α − β)}. Three compartments: λ are the roots of the cubic {@code λ³ −
 * a2 λ² + a1 λ − a0} solved trigonometrically (Shafer's closed form, as in Abuhelwa, Foster &amp; Upton, J Pharmacol
 * Toxicol Methods 2015;73:42-48), and {@code Aᵢ = Π_j (k_j1 − λᵢ) / Π_{k≠i} (λ_k − λᵢ)} over the peripheral
 * compartments j. A short infusion of duration T at rate R = D/T uses {@code aᵢ = Aᵢ/λᵢ}: during, {@code R/V1 · Σ
 * aᵢ(1 − e^(−λᵢt))}; after, {@code R/V1 · Σ aᵢ(1 − e^(−λᵢT)) e^(−λᵢ(t−T))}.
 */
public final class Disposition {

    private final double v1;
    private final double[] lambda;
    private final double[] coefficient;

    private Disposition(double v1, double[] lambda, double[] coefficient) {
        this.v1 = v1;
        this.lambda = lambda;
        this.coefficient = coefficient;
    }

    public static Disposition of(PkParameters p) {
        return switch (p.compartments()) {
            case 1 -> oneCompartment(p.clDlPerH(), p.v1Dl());
            case 2 -> twoCompartment(p.clDlPerH(), p.v1Dl(), p.qDlPerH(), p.v2Dl());
            default -> threeCompartment(p.clDlPerH(), p.v1Dl(), p.qDlPerH(), p.v2Dl(), p.q3DlPerH(), p.v3Dl());
        };
    }

    /** One compartment: a single exponential {@code e^(−CL/V1 · t)}. */
    public static Disposition oneCompartment(double cl, double v1) {
        return new Disposition(v1, new double[] {cl / v1}, new double[] {1});
    }

    public static Disposition twoCompartment(double cl, double v1, double q, double v2) {
        double k10 = cl / v1;
        double k12 = q / v1;
        double k21 = q / v2;
        double s = k10 + k12 + k21;
        double alpha = (s + Math.sqrt(s * s - 4 * k10 * k21)) / 2;
        // α·β = k10·k21: computing β from the product avoids cancellation when β ≪ α
        double beta = k10 * k21 / alpha;
        return new Disposition(v1, new double[] {alpha, beta}, new double[] {
            (alpha - k21) / (alpha - beta), (k21 - beta) / (alpha - beta)
        });
    }

    public static Disposition threeCompartment(double cl, double v1, double q2, double v2, double q3, double v3) {
        double k10 = cl / v1;
        double k12 = q2 / v1;
        double k21 = q2 / v2;
        double k13 = q3 / v1;
        double k31 = q3 / v3;
        double a0 = k10 * k21 * k31;
        double a1 = k10 * k31 + k21 * k31 + k21 * k13 + k10 * k21 + k31 * k12;
        double a2 = k10 + k12 + k13 + k21 + k31;
        double p = a1 - a2 * a2 / 3;
        double q = 2 * a2 * a2 * a2 / 27 - a1 * a2 / 3 + a0;
        double r1 = Math.sqrt(-p * p * p / 27);
        double phi = Math.acos(Math.max(-1, Math.min(1, -q / 2 / r1))) / 3;
        double r2 = 2 * Math.cbrt(r1);
        double[] lambda = new double[3];
        for (int i = 0; i < 3; i++) {
            lambda[i] = -(Math.cos(phi + 2 * Math.PI * i / 3) * r2 - a2 / 3);
        }
        java.util.Arrays.sort(lambda);
        double[] sorted = {lambda[2], lambda[1], lambda[0]};
        double[] coefficient = new double[3];
        for (int i = 0; i < 3; i++) {
            double numerator = (k21 - sorted[i]) * (k31 - sorted[i]);
            double denominator = 1;
            for (int k = 0; k < 3; k++) {
                if (k != i) {
                    denominator *= sorted[k] - sorted[i];
                }
            }
            coefficient[i] = numerator / denominator;
        }
        return new Disposition(v1, sorted, coefficient);
    }

    /** Exogenous level (IU/dL) {@code hours} after the start of one dose of {@code iu}; zero before it starts. */
    public double level(double iu, double infusionHours, double hours) {
        if (hours < 0) {
            return 0;
        }
        double sum = 0;
        if (infusionHours <= 0) {
            for (int i = 0; i < lambda.length; i++) {
                sum += coefficient[i] * Math.exp(-lambda[i] * hours);
            }
            return iu / v1 * sum;
        }
        double during = Math.min(hours, infusionHours);
        double after = hours - during;
        for (int i = 0; i < lambda.length; i++) {
            double l = lambda[i];
            sum += coefficient[i] / l * -Math.expm1(-l * during) * Math.exp(-l * after);
        }
        return iu / infusionHours / v1 * sum;
    }

    /**
     * Exogenous levels at ascending {@code grid} times from doses started at {@code doseHours} (a dose counts from its
     * own instant on), the same values as summing {@link #level} over the doses. Computes {@code e^(−λΔ)} by a
     * recurrence along the grid ({@code e^(−λ(t_k − t_d)) = e^(−λ(t_{k−1} − t_d)) · e^(−λ(t_k − t_{k−1}))}), so the
     * cost in exponentials is one per grid step and exponent rather than one per point, dose and exponent.
     */
    public double[] curve(double[] doseHours, double[] doseIu, double[] infusionHours, double[] grid) {
        double[] result = new double[grid.length];
        double[] step = new double[grid.length];
        for (int i = 0; i < lambda.length; i++) {
            double l = lambda[i];
            for (int k = 1; k < grid.length; k++) {
                step[k] = Math.exp(-l * (grid[k] - grid[k - 1]));
            }
            for (int d = 0; d < doseHours.length; d++) {
                int k = firstAtOrAfter(grid, doseHours[d]);
                if (k == grid.length) {
                    continue;
                }
                int first = k;
                double decay = Math.exp(-l * (grid[first] - doseHours[d]));
                double infusion = infusionHours[d];
                if (infusion <= 0) {
                    double scale = doseIu[d] / v1 * coefficient[i];
                    for (; k < grid.length; k++) {
                        if (k != first) {
                            decay *= step[k];
                        }
                        result[k] += scale * decay;
                    }
                } else {
                    double rate = doseIu[d] / infusion / v1 * coefficient[i] / l;
                    double afterEnd = Math.expm1(l * infusion);
                    for (; k < grid.length; k++) {
                        if (k != first) {
                            decay *= step[k];
                        }
                        double since = grid[k] - doseHours[d];
                        result[k] += since <= infusion ? rate * -Math.expm1(-l * since) : rate * afterEnd * decay;
                    }
                }
            }
        }
        return result;
    }

    private static int firstAtOrAfter(double[] grid, double hours) {
        int index = java.util.Arrays.binarySearch(grid, hours);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && grid[index - 1] == hours) {
            index--;
        }
        return index;
    }

    /**
     * Steady-state exogenous level per IU of each dose for a schedule repeating every {@code periodHours} with doses
     * (boluses) at {@code offsetsHours} within the period, evaluated {@code hours} into the period; a dose given exactly
     * at {@code hours} is not yet counted (the value is the trough before it). Sum of the geometric series {@code
     * Aᵢ e^(−λᵢΔ)/(1 − e^(−λᵢP))} (pk-models.md, "What the clinician gets").
     */
    public double steadyStatePerIu(double periodHours, double[] offsetsHours, double hours) {
        double sum = 0;
        for (double offset : offsetsHours) {
            double since = hours - offset;
            if (since <= 0) {
                since += periodHours;
            }
            for (int i = 0; i < lambda.length; i++) {
                sum += coefficient[i] * Math.exp(-lambda[i] * since) / -Math.expm1(-lambda[i] * periodHours);
            }
        }
        return sum / v1;
    }

    /** The smallest exponent (terminal rate constant, 1/h). */
    public double terminalRate() {
        return lambda[lambda.length - 1];
    }

    /** Terminal half-life ln 2 / λz in hours. */
    public double terminalHalfLifeHours() {
        return Math.log(2) / terminalRate();
    }

    public double v1() {
        return v1;
    }

    double[] lambda() {
        return lambda.clone();
    }

    double[] coefficients() {
        return coefficient.clone();
    }
}
