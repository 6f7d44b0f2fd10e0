package org.hemonet.pk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.hemonet.pk.Covariates;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MAP estimation against simulated patients: η drawn from Ω, levels simulated with the model's residual error after
 * three doses, then estimated from four samples. The estimation error of each η, scaled by its Laplace posterior SD,
 * should behave like a standard normal variable.
 */
class MapRecoveryTest {

    private static final ModelCatalogue MODELS = ModelCatalogue.fromClasspath();
    private static final int PATIENTS = 30;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fviii-allard-2020, 48", "fviii-bjorkman-2012, 48", "fix-koopman-2023, 168", "fix-brekkan-2016, 72"})
    void recoversSimulatedPatientsWithinTheirPosteriorSpread(String modelId, double intervalHours) {
        PopulationModel model = MODELS.find(modelId).orElseThrow();
        RandomGenerator random = new Well19937c(20_260_107L + modelId.hashCode());
        double[][] lower = model.omegaCholesky();
        int d = model.etaCount();
        int within90 = 0;
        int components = 0;
        double sumSquaredZ = 0;
        List<Double> clearanceErrors = new ArrayList<>();
        for (int patient = 0; patient < PATIENTS; patient++) {
            double weight = 20 + 70 * random.nextDouble();
            double age = 5 + 50 * random.nextDouble();
            Covariates covariates = Covariates.of(weight, age, random.nextBoolean() ? "ELOCTA" : "STANDARD");
            double[] typical = model.typical(covariates);
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                z[i] = random.nextGaussian();
            }
            double[] trueEta = MapEstimator.multiply(lower, z);
            Disposition truth = PopulationModel.disposition(model.individual(typical, trueEta));

            double dose = 50 * weight;
            List<MapEstimator.DoseEvent> doses = List.of(
                    new MapEstimator.DoseEvent(0, dose, 0),
                    new MapEstimator.DoseEvent(intervalHours, dose, 0),
                    new MapEstimator.DoseEvent(2 * intervalHours, dose, 10.0 / 60));
            double last = 2 * intervalHours;
            double[] sampleHours = {last + 0.5, last + 4, last + 24, last + intervalHours};
            List<MapEstimator.Observation> observations = new ArrayList<>();
            for (double t : sampleHours) {
                double exogenous = StudyEstimation.level(truth, doses, t);
                double sd = Math.sqrt(model.residualVariance(exogenous, exogenous));
                observations.add(new MapEstimator.Observation(t, Math.max(0, exogenous + sd * random.nextGaussian())));
            }

            MapEstimator.Fit fit = new MapEstimator(model, typical, 0, doses, observations).fit();

            for (int i = 0; i < d; i++) {
                double posteriorSd = Math.sqrt(fit.covariance()[i][i]);
                double standardised = (fit.eta()[i] - trueEta[i]) / posteriorSd;
                sumSquaredZ += standardised * standardised;
                components++;
                if (Math.abs(standardised) <= 1.645) {
                    within90++;
                }
            }
            clearanceErrors.add(Math.abs(fit.eta()[0] - trueEta[0]));
        }
        // a 90 % posterior interval should hold the truth about 90 % of the time; allow for 30 patients' noise
        assertThat((double) within90 / components).isGreaterThan(0.75);
        assertThat(sumSquaredZ / components).isLessThan(1.6);
        // clearance is well identified by four samples: median error below 10 % (|Δη| < 0.1)
        assertThat(clearanceErrors.stream().sorted().toList().get(PATIENTS / 2)).isLessThan(0.1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fviii-allard-2020", "fviii-bjorkman-2012", "fix-koopman-2023", "fix-brekkan-2016"})
    void withoutSamplesTheEstimateIsThePopulationWithOmegaAsUncertainty(String modelId) {
        PopulationModel model = MODELS.find(modelId).orElseThrow();
        double[] typical = model.typical(Covariates.of(70, 30, "STANDARD"));

        MapEstimator.Fit fit =
                new MapEstimator(model, typical, 0, List.of(new MapEstimator.DoseEvent(0, 3500, 0)), List.of()).fit();

        assertThat(fit.eta()).containsOnly(0.0);
        assertThat(fit.covariance()).isDeepEqualTo(model.omega());
    }

    @org.junit.jupiter.api.Test
    void objectiveFunctionIsTheSpecFormula() {
        PopulationModel model = MODELS.find("fviii-bjorkman-2012").orElseThrow();
        double[] typical = model.typical(Covariates.of(70, 30));
        double[] eta = {0.2, -0.1};
        List<MapEstimator.DoseEvent> doses = List.of(new MapEstimator.DoseEvent(0, 3500, 0));
        double baseline = 1.5;
        MapEstimator estimator =
                new MapEstimator(model, typical, baseline, doses, List.of(new MapEstimator.Observation(24, 20)));

        Disposition disposition = PopulationModel.disposition(model.individual(typical, eta));
        double predicted = disposition.level(3500, 0, 24) + baseline;
        double variance = 0.5 * 0.5 + Math.pow(0.15 * predicted, 2);
        double[][] inverse = model.omegaInverse();
        double prior = 0;
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 2; k++) {
                prior += eta[i] * inverse[i][k] * eta[k];
            }
        }
        double expected = Math.log(variance) + Math.pow(20 - predicted, 2) / variance + prior;

        assertThat(estimator.ofv(eta)).isCloseTo(expected, within(1e-12));
    }

    @org.junit.jupiter.api.Test
    void aSampleAtTheTimeOfADoseIsThePreDoseTrough() {
        PopulationModel model = MODELS.find("fviii-bjorkman-2012").orElseThrow();
        double[] typical = model.typical(Covariates.of(70, 30));
        List<MapEstimator.DoseEvent> doses =
                List.of(new MapEstimator.DoseEvent(0, 3500, 0), new MapEstimator.DoseEvent(48, 3500, 0));
        MapEstimator atDose = new MapEstimator(model, typical, 0, doses, List.of(new MapEstimator.Observation(48, 3)));
        MapEstimator firstDoseOnly =
                new MapEstimator(model, typical, 0, doses.subList(0, 1), List.of(new MapEstimator.Observation(48, 3)));

        assertThat(atDose.ofv(new double[2])).isEqualTo(firstDoseOnly.ofv(new double[2]));
    }
}
