package org.hemonet.pk.bench;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hemonet.pk.Covariates;
import org.hemonet.pk.Dose;
import org.hemonet.pk.LevelSample;
import org.hemonet.pk.PkEstimate;
import org.hemonet.pk.PkEstimator;
import org.hemonet.pk.PkStudy;
import org.hemonet.pk.internal.MapEstimator;
import org.hemonet.pk.internal.ModelCatalogue;
import org.hemonet.pk.internal.PopulationModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 7: "a MAP estimate with 3 doses and 4 samples takes ≤ 5 ms median, warm". {@code mapEstimate} is the MAP fit
 * with its Laplace covariance (optimiser plus numerical Hessian); {@code fullEstimate} is everything the estimate
 * endpoint computes besides JSON (validation, MAP, 500 η draws for the 90 % band and half-life interval, times to
 * 5/2/1 IU/dL).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MapEstimateBenchmark {

    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");

    private PopulationModel model;
    private double[] typical;
    private List<MapEstimator.DoseEvent> doses;
    private List<MapEstimator.Observation> observations;
    private PkEstimator estimator;
    private PkStudy study;

    @Setup
    public void setUp() {
        model = ModelCatalogue.fromClasspath().find("fviii-allard-2020").orElseThrow();
        Covariates covariates = Covariates.of(70, 30, "STANDARD");
        typical = model.typical(covariates);
        doses = List.of(
                new MapEstimator.DoseEvent(0, 3500, 0),
                new MapEstimator.DoseEvent(48, 3500, 0),
                new MapEstimator.DoseEvent(96, 3500, 10.0 / 60));
        observations = List.of(
                new MapEstimator.Observation(96.5, 70),
                new MapEstimator.Observation(100, 52),
                new MapEstimator.Observation(120, 18),
                new MapEstimator.Observation(144, 5.5));
        estimator = new PkEstimator();
        study = new PkStudy(
                "fviii-allard-2020",
                covariates,
                0,
                List.of(Dose.bolus(T0, 3500), Dose.bolus(at(48), 3500), new Dose(at(96), 3500, 10)),
                List.of(
                        new LevelSample(at(96.5), 70),
                        new LevelSample(at(100), 52),
                        new LevelSample(at(120), 18),
                        new LevelSample(at(144), 5.5)),
                null,
                50);
    }

    @Benchmark
    public MapEstimator.Fit mapEstimate() {
        return new MapEstimator(model, typical, 0, doses, observations).fit();
    }

    @Benchmark
    public PkEstimate fullEstimate() {
        return estimator.estimate(study);
    }

    private static Instant at(double hours) {
        return T0.plusSeconds(Math.round(hours * 3600));
    }
}
