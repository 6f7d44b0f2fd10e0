package org.hemonet.pk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import org.hemonet.pk.Covariates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The worked checks of pk-models.md ("Worked checks": typical values, IV bolus, baseline 0, computed independently of
 * this code), each to 0.1 %.
 */
class WorkedChecksTest {

    private static final ModelCatalogue MODELS = ModelCatalogue.fromClasspath();

    @ParameterizedTest(name = "{0} {1} kg {2} y {3} {4} IU/kg")
    @CsvSource({
        "fviii-bjorkman-2012, 56, 22,         , 25, 11.69,  63.06,  34.19,  49.64,  61.33",
        "fviii-bjorkman-2012, 70, 30,         , 50, 12.55, 127.54,  49.11,  65.69,  78.24",
        "fviii-allard-2020,   64, 30, STANDARD, 50, 10.35, 121.21,  45.08,  58.77,  69.13",
        "fviii-allard-2020,   64, 30, ELOCTA,   50, 15.23, 121.21,  66.72,  86.85, 102.08",
        "fix-koopman-2023,    73, 15.8,       , 50, 87.08,  49.93, 157.58, 272.70, 359.79",
        // issue 20, docs/pk.md "Worked checks of issue 20": matrix exponential of the three-compartment system
        "fix-brekkan-2016,    70, 30,         , 50, 23.02,  59.10,  55.19,  85.30, 108.29",
        "fix-brekkan-2016,    20, 8,          , 50, 16.83,  59.10,  40.35,  62.37,  79.17",
    })
    void typicalValuesReproduceTheWorkedChecks(
            String model,
            double weightKg,
            double ageYears,
            String product,
            double iuPerKg,
            double halfLifeHours,
            double c0,
            double hoursTo5,
            double hoursTo2,
            double hoursTo1) {
        Covariates covariates =
                product == null ? Covariates.of(weightKg, ageYears) : Covariates.of(weightKg, ageYears, product);
        PopulationModel population = MODELS.find(model).orElseThrow();
        Disposition disposition = PopulationModel.disposition(population.typical(covariates));
        double dose = iuPerKg * weightKg;

        assertThat(disposition.terminalHalfLifeHours()).isCloseTo(halfLifeHours, withPercentage(0.1));
        assertThat(disposition.level(dose, 0, 0)).isCloseTo(c0, withPercentage(0.1));
        assertThat(Thresholds.hoursTo(disposition, dose, 0, 0, 5)).isCloseTo(hoursTo5, withPercentage(0.1));
        assertThat(Thresholds.hoursTo(disposition, dose, 0, 0, 2)).isCloseTo(hoursTo2, withPercentage(0.1));
        assertThat(Thresholds.hoursTo(disposition, dose, 0, 0, 1)).isCloseTo(hoursTo1, withPercentage(0.1));
    }

    /**
     * Issue 20, docs/pk.md "Worked checks of issue 20": {@code fviii-solms-2020} (one compartment) with lean body
     * weight and VWF antigen, a bolus of 50 IU/kg of body weight; {@code C0 = D/V}, {@code t_L = ln(C0/L)·V/CL}.
     */
    @ParameterizedTest(name = "solms LBW {0} kg VWF {1} IU/dL, {2} kg")
    @CsvSource({
        "56.52, 110, 70, 17.09, 117.91, 77.92, 100.51, 117.59",
        "49.1, 110, 64, 16.66, 122.14, 76.81, 98.84, 115.50"
    })
    void solmsReproducesTheWorkedChecks(
            double leanBodyWeightKg,
            double vwfIuPerDl,
            double weightKg,
            double halfLifeHours,
            double c0,
            double hoursTo5,
            double hoursTo2,
            double hoursTo1) {
        PopulationModel solms = MODELS.find("fviii-solms-2020").orElseThrow();
        Disposition disposition = PopulationModel.disposition(solms.typical(
                new Covariates(java.util.Map.of("leanBodyWeightKg", leanBodyWeightKg, "vwfIuPerDl", vwfIuPerDl))));
        double dose = 50 * weightKg;

        assertThat(disposition.terminalHalfLifeHours()).isCloseTo(halfLifeHours, withPercentage(0.1));
        assertThat(disposition.level(dose, 0, 0)).isCloseTo(c0, withPercentage(0.1));
        assertThat(Thresholds.hoursTo(disposition, dose, 0, 0, 5)).isCloseTo(hoursTo5, withPercentage(0.1));
        assertThat(Thresholds.hoursTo(disposition, dose, 0, 0, 2)).isCloseTo(hoursTo2, withPercentage(0.1));
        assertThat(Thresholds.hoursTo(disposition, dose, 0, 0, 1)).isCloseTo(hoursTo1, withPercentage(0.1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fviii-bjorkman-2012", "fviii-allard-2020", "fix-koopman-2023", "fix-brekkan-2016"})
    void thresholdAtOrBelowBaselineIsNeverReached(String model) {
        PopulationModel population = MODELS.find(model).orElseThrow();
        Disposition disposition = PopulationModel.disposition(population.typical(Covariates.of(70, 30, "STANDARD")));

        assertThat(Thresholds.hoursTo(disposition, 3500, 0, 5, 5)).isNull();
        assertThat(Thresholds.hoursTo(disposition, 3500, 0, 2, 1)).isNull();
        assertThat(Thresholds.hoursTo(disposition, 3500, 0, 0.5, 1)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fviii-bjorkman-2012", "fviii-allard-2020", "fix-koopman-2023", "fix-brekkan-2016"})
    void baselineShiftsTheLevelTheThresholdIsCompared(String model) {
        PopulationModel population = MODELS.find(model).orElseThrow();
        Disposition disposition = PopulationModel.disposition(population.typical(Covariates.of(70, 30, "STANDARD")));

        Double withBaseline = Thresholds.hoursTo(disposition, 3500, 0, 1, 5);
        Double exogenousOnly = Thresholds.hoursTo(disposition, 3500, 0, 0, 4);

        assertThat(withBaseline).isNotNull();
        assertThat(withBaseline).isCloseTo(exogenousOnly, within(1e-6));
    }
}
