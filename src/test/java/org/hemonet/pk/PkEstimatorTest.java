package org.hemonet.pk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.hemonet.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class PkEstimatorTest {

    private static final PkEstimator PK = new PkEstimator();
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    private static final Covariates ADULT = Covariates.of(70, 30, "STANDARD");

    static PkStudy study(List<LevelSample> samples) {
        return new PkStudy(
                "fviii-allard-2020",
                ADULT,
                0,
                List.of(Dose.bolus(T0, 3500), Dose.bolus(hours(48), 3500), new Dose(hours(96), 3500, 10)),
                samples,
                null,
                50);
    }

    static List<LevelSample> fourSamples() {
        return List.of(
                new LevelSample(hours(96.5), 70),
                new LevelSample(hours(100), 52),
                new LevelSample(hours(120), 18),
                new LevelSample(hours(144), 5.5));
    }

    static Instant hours(double h) {
        return T0.plusSeconds(Math.round(h * 3600));
    }

    @Test
    void withoutSamplesGivesThePopulationTypicalValues() {
        PkEstimate estimate = PK.estimate(study(List.of()));

        assertThat(estimate.individual()).isEqualTo(estimate.typical());
        assertThat(estimate.individual()).isEqualTo(PK.typicalParameters("fviii-allard-2020", ADULT));
        assertThat(estimate.eta()).containsOnly(0.0);
        assertThat(estimate.samplesUsed()).isZero();
        assertThat(estimate.warnings()).anyMatch(w -> w.contains("population typical values"));
    }

    @Test
    void samplesMoveTheEstimateAwayFromThePopulation() {
        PkEstimate estimate = PK.estimate(study(fourSamples()));

        assertThat(estimate.samplesUsed()).isEqualTo(4);
        assertThat(estimate.individual().clDlPerH())
                .isNotCloseTo(estimate.typical().clDlPerH(), withPercentage(1));
        assertThat(estimate.etaParameters()).containsExactly("CL", "V1", "V2");
        assertThat(estimate.halfLifeCi90().get(0)).isLessThan(estimate.halfLifeHours());
        assertThat(estimate.halfLifeCi90().get(1)).isGreaterThan(estimate.halfLifeHours());
    }

    @Test
    void theEstimateIsDeterministic() {
        assertThat(PK.estimate(study(fourSamples()))).isEqualTo(PK.estimate(study(fourSamples())));
    }

    @Test
    void theCurveLiesInsideItsBandAndCoversTheSamples() {
        PkEstimate estimate = PK.estimate(study(fourSamples()));

        assertThat(estimate.curve()).hasSizeGreaterThan(96);
        assertThat(estimate.curve()).allSatisfy(p -> assertThat(p.lo90()).isLessThanOrEqualTo(p.hi90()));
        long inside = estimate.curve().stream()
                .filter(p -> p.lo90() <= p.iuPerDl() && p.iuPerDl() <= p.hi90())
                .count();
        assertThat(inside).isEqualTo(estimate.curve().size());
        assertThat(estimate.curve().get(estimate.curve().size() - 1).hours())
                .isGreaterThan(144 + estimate.halfLifeHours());
        assertThat(estimate.curve()).anySatisfy(p -> assertThat(p.hours()).isEqualTo(100.0));
    }

    @Test
    void samplesBelowTheLimitOfQuantificationAreExcludedAndReported() {
        List<LevelSample> samples = new ArrayList<>(fourSamples());
        samples.add(new LevelSample(hours(168), 0.6));
        PkStudy withLloq = withLloq(study(samples), 1.0);

        PkEstimate estimate = PK.estimate(withLloq);

        assertThat(estimate.samplesUsed()).isEqualTo(4);
        assertThat(estimate.warnings())
                .anyMatch(w -> w.contains("samples[4]") && w.contains("limit of quantification"));
        assertThat(estimate.eta()).isEqualTo(PK.estimate(study(fourSamples())).eta());
    }

    @Test
    void warnsWhenTheEstimateIsImplausiblyFarFromThePopulation() {
        PkStudy implausible = study(List.of(new LevelSample(hours(97), 900), new LevelSample(hours(120), 800)));

        assertThat(PK.estimate(implausible).warnings())
                .anyMatch(w -> w.startsWith("The individual CL is") && w.contains("check the doses"));
        assertThat(PK.estimate(study(fourSamples())).warnings()).noneMatch(w -> w.contains("check the doses"));
    }

    @Test
    void reportsTimesToThresholdsAfterTheReportDose() {
        PkEstimate estimate = PK.estimate(study(List.of()));

        assertThat(estimate.reportDoseIu()).isEqualTo(3500);
        assertThat(estimate.hoursTo()).containsOnlyKeys("5", "2", "1");
        assertThat(estimate.hoursTo().get("5")).isLessThan(estimate.hoursTo().get("2"));
        assertThat(estimate.hoursTo().get("2")).isLessThan(estimate.hoursTo().get("1"));
    }

    @Test
    void thresholdsAtOrBelowTheBaselineAreNeverReached() {
        PkStudy mild = new PkStudy("fviii-allard-2020", ADULT, 5, List.of(Dose.bolus(T0, 3500)), List.of(), null, 50);

        Map<String, Double> hoursTo = PK.estimate(mild).hoursTo();

        assertThat(hoursTo.get("5")).isNull();
        assertThat(hoursTo.get("2")).isNull();
        assertThat(hoursTo.get("1")).isNull();
    }

    @Test
    void levelNowSuperposesEveryLoggedDose() {
        PkParameters parameters = PK.typicalParameters("fviii-allard-2020", ADULT);
        Dose first = Dose.bolus(T0, 2000);
        Dose second = new Dose(hours(24), 1500, 5);
        Instant now = hours(30);

        double both = PK.levelAt(now, List.of(first, second), parameters, 0);

        assertThat(both)
                .isCloseTo(
                        PK.levelAt(now, List.of(first), parameters, 0)
                                + PK.levelAt(now, List.of(second), parameters, 0),
                        within(1e-12));
        assertThat(PK.levelAt(now, List.of(first, second), parameters, 2)).isCloseTo(both + 2, within(1e-12));
        assertThat(PK.levelAt(hours(12), List.of(first, second), parameters, 0))
                .isEqualTo(PK.levelAt(hours(12), List.of(first), parameters, 0));
    }

    @Test
    void individualParametersFromEtaScaleTheTypicalValues() {
        PkParameters typical = PK.typicalParameters("fviii-allard-2020", ADULT);

        PkParameters individual = PK.individualParameters("fviii-allard-2020", ADULT, List.of(0.1, -0.2, 0.0));

        assertThat(individual.clDlPerH()).isCloseTo(typical.clDlPerH() * Math.exp(0.1), within(1e-12));
        assertThat(individual.v1Dl()).isCloseTo(typical.v1Dl() * Math.exp(-0.2), within(1e-12));
        assertThat(individual.qDlPerH()).isEqualTo(typical.qDlPerH());
    }

    @Test
    void listsTheShippedModelsWithCitations() {
        assertThat(PK.models())
                .extracting(PkModelSummary::id)
                .containsExactlyInAnyOrder(
                        "fix-brekkan-2016",
                        "fix-koopman-2023",
                        "fviii-allard-2020",
                        "fviii-bjorkman-2012",
                        "fviii-solms-2020");
        assertThat(PK.models()).allSatisfy(m -> assertThat(m.citation()).isNotBlank());
    }

    @Test
    void warnsWhenTheCovariatesLieOutsideTheStudiedRange() {
        PkStudy child = new PkStudy(
                "fix-koopman-2023",
                Covariates.of(8, 1),
                0,
                List.of(Dose.bolus(T0, 400)),
                List.of(new LevelSample(hours(24), 20)),
                null,
                50);

        assertThat(PK.estimate(child).warnings())
                .anyMatch(w -> w.startsWith("weightKg = 8.0 kg lies outside the range studied"))
                .anyMatch(w -> w.startsWith("ageYears = 1.0 years lies outside the range studied"));
    }

    @Test
    void estimatesWithTheThreeCompartmentModel() {
        PkStudy study = new PkStudy(
                "fix-brekkan-2016",
                new Covariates(Map.of("weightKg", 70)),
                0,
                List.of(new Dose(T0, 3500, 10)),
                List.of(
                        new LevelSample(hours(0.5), 52),
                        new LevelSample(hours(6), 38),
                        new LevelSample(hours(24), 21),
                        new LevelSample(hours(72), 6)),
                null,
                50);

        PkEstimate estimate = PK.estimate(study);

        assertThat(estimate.individual().threeCompartment()).isTrue();
        assertThat(estimate.etaParameters()).containsExactly("CL", "V1", "V2", "V3");
        assertThat(estimate.samplesUsed()).isEqualTo(4);
        assertThat(estimate.halfLifeHours()).isGreaterThan(10);
        assertThat(PK.halfLifeHours(estimate.individual())).isEqualTo(estimate.halfLifeHours());
    }

    @Test
    void rejectsASampleBeforeTheFirstDose() {
        assertInvalid(study(List.of(new LevelSample(T0.minusSeconds(3600), 1))), "samples[0].at", "earlier doses");
    }

    @Test
    void rejectsANegativeLevel() {
        assertInvalid(study(List.of(new LevelSample(hours(4), -1))), "samples[0].iuPerDl", "level");
    }

    @Test
    void rejectsAnUnknownModel() {
        assertInvalid(
                copy(
                        study(List.of()),
                        s -> new PkStudy(
                                "fviii-nobody-1999",
                                s.covariates(),
                                s.baselineIuPerDl(),
                                s.doses(),
                                s.samples(),
                                s.lloqIuPerDl(),
                                s.reportDoseIuPerKg())),
                "model",
                "fviii-nobody-1999");
    }

    @Test
    void rejectsAMissingCovariate() {
        assertInvalid(
                copy(
                        study(List.of()),
                        s -> new PkStudy(
                                s.model(),
                                new Covariates(Map.of("weightKg", 70, "product", "ELOCTA")),
                                s.baselineIuPerDl(),
                                s.doses(),
                                s.samples(),
                                s.lloqIuPerDl(),
                                s.reportDoseIuPerKg())),
                "covariates.ageYears",
                "required");
    }

    @Test
    void rejectsAnAbsurdWeight() {
        assertInvalid(
                copy(
                        study(List.of()),
                        s -> new PkStudy(
                                s.model(),
                                ADULT.with("weightKg", 7000),
                                s.baselineIuPerDl(),
                                s.doses(),
                                s.samples(),
                                s.lloqIuPerDl(),
                                s.reportDoseIuPerKg())),
                "covariates.weightKg",
                "between");
    }

    @Test
    void rejectsDosesOfZeroOrAboveFiftyThousandIu() {
        for (double iu : new double[] {0, -100, 50_001}) {
            assertInvalid(
                    copy(
                            study(List.of()),
                            s -> new PkStudy(
                                    s.model(),
                                    s.covariates(),
                                    0,
                                    List.of(Dose.bolus(T0, 1000), Dose.bolus(hours(24), iu)),
                                    s.samples(),
                                    null,
                                    50)),
                    "doses[1].iu",
                    "50000 IU");
        }
    }

    @Test
    void rejectsAStudyWithoutDoses() {
        assertInvalid(
                new PkStudy("fviii-allard-2020", ADULT, 0, List.of(), List.of(), null, 50), "doses", "At least one");
    }

    private static PkStudy withLloq(PkStudy s, double lloq) {
        return new PkStudy(
                s.model(), s.covariates(), s.baselineIuPerDl(), s.doses(), s.samples(), lloq, s.reportDoseIuPerKg());
    }

    private static PkStudy copy(PkStudy study, UnaryOperator<PkStudy> change) {
        return change.apply(study);
    }

    private static void assertInvalid(PkStudy study, String field, String messagePart) {
        assertThatThrownBy(() -> PK.estimate(study))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContainingAll(messagePart)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo(field);
    }
}
