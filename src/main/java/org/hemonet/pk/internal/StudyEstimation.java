package org.hemonet.pk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.hemonet.pk.CurvePoint;
import org.hemonet.pk.Dose;
import org.hemonet.pk.LevelSample;
import org.hemonet.pk.PkEstimate;
import org.hemonet.pk.PkStudy;
import org.hemonet.shared.InvalidInputException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link PkStudy}, runs the MAP estimate and derives what the clinician sees: individual parameters,
 * half-life with its 90 % interval, times to 5/2/1 IU/dL after a single report dose, and the curve with its 90 % band
 * from {@value #DRAWS} draws of η (pk-models.md, "Individual (Bayesian MAP) estimation"). The draws use a fixed seed so
 * that the same study always gives the same answer.
 */
public final class StudyEstimation {

    /** Number of η draws for the 90 % band and the half-life interval (the spec asks for at least 500). */
    static final int DRAWS = 500;

    static final long SEED = 7L;

    /** Largest single dose accepted, IU. */
    public static final double MAX_DOSE_IU = 50_000;

    static final double[] THRESHOLDS = {5, 2, 1};

    private static final double IMPLAUSIBLE_SD = 3;

    private static final int MAX_DOSES = 200;
    private static final int MAX_SAMPLES = 100;
    private static final double MAX_INFUSION_MINUTES = 24 * 60;
    private static final double MAX_LEVEL = 1_000;
    private static final double MAX_BASELINE = 200;
    private static final double MAX_REPORT_DOSE_IU_PER_KG = 300;
    private static final int GRID_INTERVALS = 96;
    private static final Duration MAX_WINDOW = Duration.ofDays(366);

    private StudyEstimation() {}

    public static PkEstimate estimate(PopulationModel model, PkStudy study) {
        double[] typical = model.typical(study.covariates());
        validate(study);
        List<String> warnings = new ArrayList<>(model.extrapolationWarnings(study.covariates()));
        List<Dose> doses =
                study.doses().stream().sorted(Comparator.comparing(Dose::at)).toList();
        Instant start = doses.get(0).at();
        List<MapEstimator.DoseEvent> events = doses.stream()
                .map(d -> new MapEstimator.DoseEvent(hoursBetween(start, d.at()), d.iu(), d.infusionMinutes() / 60))
                .toList();
        List<MapEstimator.Observation> observations = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (int j = 0; j < study.samples().size(); j++) {
            LevelSample sample = study.samples().get(j);
            if (study.lloqIuPerDl() != null && sample.iuPerDl() < study.lloqIuPerDl()) {
                excluded.add("samples[" + j + "] (" + sample.iuPerDl() + " IU/dL at " + sample.at() + ")");
            } else {
                observations.add(new MapEstimator.Observation(hoursBetween(start, sample.at()), sample.iuPerDl()));
            }
        }
        if (!excluded.isEmpty()) {
            warnings.add(excluded.size() + " sample(s) below the limit of quantification (" + study.lloqIuPerDl()
                    + " IU/dL) excluded from the estimate: " + String.join(", ", excluded));
        }
        if (observations.isEmpty()) {
            warnings.add("No usable samples: the population typical values for these covariates are shown (η = 0)");
        }
        double baseline = study.baselineIuPerDl();
        MapEstimator.Fit fit = new MapEstimator(model, typical, baseline, events, observations).fit();
        warnings.addAll(fit.warnings());
        warnings.addAll(implausibility(model, fit.eta()));

        double[] individual = model.individual(typical, fit.eta());
        Disposition disposition = PopulationModel.disposition(individual);
        double halfLife = disposition.terminalHalfLifeHours();

        double[] grid = grid(events, observations, halfLife);
        Band band = band(model, typical, fit, events, grid, baseline);
        Double weightKg = study.covariates().weightKg();
        double reportDose = weightKg == null ? 0 : study.reportDoseIuPerKg() * weightKg;
        Map<String, @Nullable Double> hoursTo = hoursTo(disposition, reportDose, baseline, warnings);

        return new PkEstimate(
                model.id(),
                PopulationModel.toParameters(typical),
                PopulationModel.toParameters(individual),
                model.etaNames(),
                Arrays.stream(fit.eta()).boxed().toList(),
                halfLife,
                band.halfLifeCi90(),
                hoursTo,
                reportDose,
                start,
                band.curve(),
                observations.size(),
                List.copyOf(warnings));
    }

    /**
     * A warning for each η more than {@value #IMPLAUSIBLE_SD} SDs of Ω from 0: such an estimate is more often a data
     * error (a missing dose, a wrong time or unit) than such an unusual patient.
     */
    private static List<String> implausibility(PopulationModel model, double[] eta) {
        double[][] omega = model.omega();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < eta.length; i++) {
            double sds = Math.abs(eta[i]) / Math.sqrt(omega[i][i]);
            if (sds > IMPLAUSIBLE_SD) {
                warnings.add(String.format(
                        Locale.ROOT,
                        "The individual %s is %.1f SD from the population value (factor %.2f): check the doses, sample"
                                + " times and units before using this estimate",
                        model.etaNames().get(i),
                        sds,
                        Math.exp(eta[i])));
            }
        }
        return warnings;
    }

    /** The MAP curve with its 90 % band, and the 90 % interval of the half-life, from {@value #DRAWS} draws of η. */
    private record Band(List<CurvePoint> curve, List<Double> halfLifeCi90) {}

    private static Band band(
            PopulationModel model,
            double[] typical,
            MapEstimator.Fit fit,
            List<MapEstimator.DoseEvent> events,
            double[] grid,
            double baseline) {
        double[] doseHours =
                events.stream().mapToDouble(MapEstimator.DoseEvent::hours).toArray();
        double[] doseIu =
                events.stream().mapToDouble(MapEstimator.DoseEvent::iu).toArray();
        double[] doseInfusionHours = events.stream()
                .mapToDouble(MapEstimator.DoseEvent::infusionHours)
                .toArray();
        double[] mapLevels = PopulationModel.disposition(model.individual(typical, fit.eta()))
                .curve(doseHours, doseIu, doseInfusionHours, grid);
        double[][] drawnLevels = new double[grid.length][DRAWS];
        double[] drawnHalfLives = new double[DRAWS];
        double[][] lower = choleskyOrZero(fit.covariance());
        RandomGenerator random = new Well19937c(SEED);
        double[] z = new double[fit.eta().length];
        for (int draw = 0; draw < DRAWS; draw++) {
            for (int i = 0; i < z.length; i++) {
                z[i] = random.nextGaussian();
            }
            double[] eta = MapEstimator.multiply(lower, z);
            for (int i = 0; i < eta.length; i++) {
                eta[i] += fit.eta()[i];
            }
            Disposition drawn = PopulationModel.disposition(model.individual(typical, eta));
            drawnHalfLives[draw] = drawn.terminalHalfLifeHours();
            double[] levels = drawn.curve(doseHours, doseIu, doseInfusionHours, grid);
            for (int p = 0; p < grid.length; p++) {
                drawnLevels[p][draw] = levels[p] + baseline;
            }
        }
        List<CurvePoint> curve = new ArrayList<>(grid.length);
        for (int p = 0; p < grid.length; p++) {
            curve.add(new CurvePoint(
                    grid[p],
                    mapLevels[p] + baseline,
                    percentile(drawnLevels[p], 0.05),
                    percentile(drawnLevels[p], 0.95)));
        }
        return new Band(
                List.copyOf(curve), List.of(percentile(drawnHalfLives, 0.05), percentile(drawnHalfLives, 0.95)));
    }

    /**
     * Hours after a single bolus of {@code reportDose} until the level falls to 5, 2 and 1 IU/dL ({@code null} when it
     * never does because the threshold is at or below the baseline).
     */
    private static Map<String, @Nullable Double> hoursTo(
            Disposition disposition, double reportDose, double baseline, List<String> warnings) {
        Map<String, @Nullable Double> hoursTo = new LinkedHashMap<>();
        for (double threshold : THRESHOLDS) {
            String key = String.valueOf((int) threshold);
            if (reportDose <= 0) {
                hoursTo.put(key, null);
                continue;
            }
            Double hours = Thresholds.hoursTo(disposition, reportDose, 0, baseline, threshold);
            if (hours != null && hours == 0) {
                warnings.add("The peak after " + Math.round(reportDose) + " IU does not exceed " + key + " IU/dL");
            }
            hoursTo.put(key, hours);
        }
        if (reportDose <= 0) {
            warnings.add("Times to 5/2/1 IU/dL need the weight (covariates.weightKg) to turn IU/kg into IU");
        }
        return Collections.unmodifiableMap(hoursTo);
    }

    /** Exogenous level at {@code hours} from all doses started at or before it (a bolus counts at its own instant). */
    static double level(Disposition disposition, List<MapEstimator.DoseEvent> doses, double hours) {
        double sum = 0;
        for (MapEstimator.DoseEvent dose : doses) {
            if (dose.hours() <= hours) {
                sum += disposition.level(dose.iu(), dose.infusionHours(), hours - dose.hours());
            }
        }
        return sum;
    }

    private static void validate(PkStudy study) {
        double baseline = study.baselineIuPerDl();
        if (!(baseline >= 0 && baseline <= MAX_BASELINE)) {
            throw new InvalidInputException(
                    "baselineIuPerDl", "The baseline must be between 0 and " + MAX_BASELINE + " IU/dL");
        }
        if (!(study.reportDoseIuPerKg() > 0 && study.reportDoseIuPerKg() <= MAX_REPORT_DOSE_IU_PER_KG)) {
            throw new InvalidInputException(
                    "reportDoseIuPerKg",
                    "The report dose must be more than 0 and at most " + MAX_REPORT_DOSE_IU_PER_KG + " IU/kg");
        }
        Double lloq = study.lloqIuPerDl();
        if (lloq != null && !(lloq >= 0 && lloq <= MAX_LEVEL)) {
            throw new InvalidInputException("lloqIuPerDl", "The limit of quantification must be a level ≥ 0 IU/dL");
        }
        if (study.doses().isEmpty()) {
            throw new InvalidInputException("doses", "At least one dose is needed");
        }
        if (study.doses().size() > MAX_DOSES) {
            throw new InvalidInputException("doses", "At most " + MAX_DOSES + " doses per study");
        }
        if (study.samples().size() > MAX_SAMPLES) {
            throw new InvalidInputException("samples", "At most " + MAX_SAMPLES + " samples per study");
        }
        Instant first = null;
        for (int i = 0; i < study.doses().size(); i++) {
            Dose dose = study.doses().get(i);
            String field = "doses[" + i + "]";
            if (dose.at() == null) {
                throw new InvalidInputException(field + ".at", "The time of the dose is required");
            }
            if (!(dose.iu() > 0 && dose.iu() <= MAX_DOSE_IU)) {
                throw new InvalidInputException(
                        field + ".iu", "A dose must be more than 0 and at most " + (int) MAX_DOSE_IU + " IU");
            }
            if (!(dose.infusionMinutes() >= 0 && dose.infusionMinutes() <= MAX_INFUSION_MINUTES)) {
                throw new InvalidInputException(
                        field + ".infusionMinutes",
                        "The infusion lasts 0 (bolus) to " + (int) MAX_INFUSION_MINUTES + " minutes");
            }
            if (first == null || dose.at().isBefore(first)) {
                first = dose.at();
            }
        }
        for (int i = 0; i < study.doses().size(); i++) {
            if (Duration.between(first, study.doses().get(i).at()).compareTo(MAX_WINDOW) > 0) {
                throw new InvalidInputException(
                        "doses[" + i + "].at", "The doses of one study span at most " + MAX_WINDOW.toDays() + " days");
            }
        }
        for (int j = 0; j < study.samples().size(); j++) {
            LevelSample sample = study.samples().get(j);
            String field = "samples[" + j + "]";
            if (sample.at() == null) {
                throw new InvalidInputException(field + ".at", "The time of the sample is required");
            }
            if (!sample.at().isAfter(first)) {
                throw new InvalidInputException(
                        field + ".at",
                        "The sample at " + sample.at() + " is not after the first dose (" + first
                                + "); a level before the window measures the residue of earlier doses, which must"
                                + " be entered too");
            }
            if (Duration.between(first, sample.at()).compareTo(MAX_WINDOW) > 0) {
                throw new InvalidInputException(
                        field + ".at", "The sample is more than " + MAX_WINDOW.toDays() + " days after the first dose");
            }
            if (!(sample.iuPerDl() >= 0 && sample.iuPerDl() <= MAX_LEVEL)) {
                throw new InvalidInputException(
                        field + ".iuPerDl", "A level must be between 0 and " + (int) MAX_LEVEL + " IU/dL");
            }
        }
    }

    /**
     * Curve times: {@value #GRID_INTERVALS} equal steps from the first dose to two half-lives after the last dose or
     * sample, plus every dose start and end and every sample time.
     */
    private static double[] grid(
            List<MapEstimator.DoseEvent> doses, List<MapEstimator.Observation> observations, double halfLife) {
        double last = 0;
        TreeSet<Double> times = new TreeSet<>();
        for (MapEstimator.DoseEvent dose : doses) {
            times.add(dose.hours());
            times.add(dose.hours() + dose.infusionHours());
            last = Math.max(last, dose.hours() + dose.infusionHours());
        }
        for (MapEstimator.Observation observation : observations) {
            times.add(observation.hours());
            last = Math.max(last, observation.hours());
        }
        double end = Math.ceil(last + 2 * halfLife);
        for (int i = 0; i <= GRID_INTERVALS; i++) {
            times.add(end * i / GRID_INTERVALS);
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[][] choleskyOrZero(double[][] covariance) {
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(covariance), 1e-8, 1e-14)
                    .getL()
                    .getData();
        } catch (RuntimeException e) {
            return new double[covariance.length][covariance.length];
        }
    }

    /**
     * Percentile {@code p} by linear interpolation between order statistics (Hyndman–Fan type 7). Reorders {@code
     * values}: the two order statistics are found by selection (Hoare's quickselect), not by sorting.
     */
    static double percentile(double[] values, double p) {
        double position = p * (values.length - 1);
        int below = (int) Math.floor(position);
        double lower = select(values, below);
        if (below + 1 >= values.length) {
            return lower;
        }
        double upper = Double.POSITIVE_INFINITY;
        for (int i = below + 1; i < values.length; i++) {
            upper = Math.min(upper, values[i]);
        }
        return lower + (position - below) * (upper - lower);
    }

    /** Places the k-th smallest value at index k, smaller ones before it and larger ones after it; returns it. */
    private static double select(double[] a, int k) {
        int left = 0;
        int right = a.length - 1;
        while (right > left) {
            int middle = (left + right) >>> 1;
            double pivot = medianOfThree(a[left], a[middle], a[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = a[i];
                    a[i] = a[j];
                    a[j] = swap;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    static double hoursBetween(Instant from, Instant to) {
        Duration duration = Duration.between(from, to);
        return (duration.getSeconds() + duration.getNano() / 1e9) / 3600;
    }
}
