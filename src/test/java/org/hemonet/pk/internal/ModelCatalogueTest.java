package org.hemonet.pk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hemonet.pk.Covariates;
import org.hemonet.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogueTest {

    private static final String VALID =
            """
            {
              "id": "test-model",
              "name": "test",
              "factor": "FVIII",
              "citation": "none",
              "molecules": ["octocog alfa"],
              "compartments": 2,
              "covariates": [{"name": "weightKg", "unit": "kg", "min": 3, "max": 250}],
              "parameters": {
                "CL": {"typical": 200, "unit": "mL/h",
                       "effects": [{"type": "power", "covariate": "weightKg", "reference": 70, "exponent": 0.75}]},
                "V1": {"typical": 3, "unit": "L"},
                "Q": {"typical": 150, "unit": "mL/h"},
                "V2": {"typical": 500, "unit": "mL"}
              },
              "eta": [{"parameter": "CL", "omega": 0.3}, {"parameter": "V1", "omega": 0.2}],
              "correlations": [{"between": ["CL", "V1"], "r": 0.5}],
              "residual": {"form": "combined-variance", "additive": 0.5, "proportional": 0.15}
            }
            """;

    @Test
    void loadsTheShippedModels() {
        ModelCatalogue catalogue = ModelCatalogue.fromClasspath();

        assertThat(catalogue.all())
                .extracting(PopulationModel::id)
                .contains("fviii-allard-2020", "fviii-bjorkman-2012", "fix-koopman-2023");
    }

    @Test
    void everyShippedModelSaysWhichMoleculesItWasFittedOn() {
        assertThat(ModelCatalogue.fromClasspath().all())
                .allSatisfy(model -> assertThat(model.molecules()).isNotEmpty());
        PopulationModel allard =
                ModelCatalogue.fromClasspath().find("fviii-allard-2020").orElseThrow();
        assertThat(allard.fittedOn("human coagulation factor VIII (plasma-derived)"))
                .isTrue();
        assertThat(allard.fittedOn("Efmoroctocog Alfa "))
                .as("case and spaces do not matter")
                .isTrue();
        assertThat(allard.fittedOn("damoctocog alfa pegol")).isFalse();
        assertThat(allard.fittedOn("rurioctocog alfa pegol")).isFalse();
        assertThat(allard.studyProducts()).contains("Factane", "Elocta");
    }

    @Test
    void refusesAModelFileThatDoesNotSayWhatItWasFittedOn() {
        assertRefused(VALID.replace("\"molecules\": [\"octocog alfa\"],", ""), "molecules");
        assertRefused(VALID.replace("[\"octocog alfa\"]", "[]"), "molecules");
    }

    @Test
    void allardOmegaIsTheSdOfEtaAsMonolixReportsIt() {
        // pk-models.md, fviii-allard-2020 (corrected 2026-12-04, issue 20): ω = 0.349 (CL), 0.232 (V1), 0.468 (V2),
        // the nlmixr2lib file's variances 0.121801, 0.053824, 0.219024; corr(η_CL, η_V1) = 0.599
        double[][] omega = ModelCatalogue.fromClasspath()
                .find("fviii-allard-2020")
                .orElseThrow()
                .omega();

        assertThat(omega[0][0]).isCloseTo(0.121801, within(1e-9));
        assertThat(omega[1][1]).isCloseTo(0.053824, within(1e-9));
        assertThat(omega[2][2]).isCloseTo(0.219024, within(1e-9));
        assertThat(omega[0][1]).isCloseTo(0.599 * 0.349 * 0.232, within(1e-9));
        assertThat(omega[0][2]).isZero();
    }

    @Test
    void bjorkmanSaysItsResidualErrorIsUnverified() {
        assertThat(ModelCatalogue.fromClasspath()
                        .find("fviii-bjorkman-2012")
                        .orElseThrow()
                        .unverified())
                .contains("Residual error");
        assertThat(ModelCatalogue.fromClasspath()
                        .find("fviii-allard-2020")
                        .orElseThrow()
                        .unverified())
                .isNull();
    }

    @Test
    void convertsUnitsToDecilitres() {
        PopulationModel model = parse(VALID);

        assertThat(model.typical(Covariates.of(70, 30))).containsExactly(2.0, 30.0, 1.5, 5.0);
    }

    @Test
    void refusesANegativeVolume() {
        assertRefused(
                VALID.replace("\"typical\": 3, \"unit\": \"L\"", "\"typical\": -3, \"unit\": \"L\""),
                "volume V1 must be positive");
    }

    @Test
    void refusesAZeroClearance() {
        assertRefused(VALID.replace("\"typical\": 200", "\"typical\": 0"), "clearance CL must be positive");
    }

    @Test
    void refusesAnOmegaThatIsNotPositiveDefinite() {
        String threeEtas = VALID.replace(
                        "{\"parameter\": \"V1\", \"omega\": 0.2}",
                        "{\"parameter\": \"V1\", \"omega\": 0.2}, {\"parameter\": \"V2\", \"omega\": 0.4}")
                .replace(
                        "{\"between\": [\"CL\", \"V1\"], \"r\": 0.5}",
                        "{\"between\": [\"CL\", \"V1\"], \"r\": 0.9}, {\"between\": [\"CL\", \"V2\"], \"r\": 0.9},"
                                + " {\"between\": [\"V1\", \"V2\"], \"r\": -0.9}");

        assertRefused(threeEtas, "not positive definite");
    }

    @Test
    void refusesACorrelationOfOne() {
        assertRefused(VALID.replace("\"r\": 0.5", "\"r\": 1.0"), "strictly between -1 and 1");
    }

    @Test
    void refusesAnUnknownUnit() {
        assertRefused(VALID.replace("\"unit\": \"L\"", "\"unit\": \"gallon\""), "unit gallon");
    }

    @Test
    void refusesAnEffectOnAnUndeclaredCovariate() {
        assertRefused(
                VALID.replace("\"covariate\": \"weightKg\"", "\"covariate\": \"heightCm\""),
                "undeclared covariate heightCm");
    }

    @Test
    void refusesAMissingParameter() {
        assertRefused(VALID.replace("\"Q\": {\"typical\": 150, \"unit\": \"mL/h\"},", ""), "parameter Q is missing");
    }

    @Test
    void refusesUnknownFields() {
        assertRefused(
                VALID.replace("\"factor\": \"FVIII\",", "\"factor\": \"FVIII\", \"omegaa\": 1,"),
                "not a valid model file");
    }

    @Test
    void refusesAnIdThatDoesNotMatchTheFileName() {
        assertThatThrownBy(() -> ModelCatalogue.parse("pk/models/other.json", stream(VALID)))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("pk/models/other.json")
                .hasMessageContaining("does not match the file name");
    }

    @Test
    void refusesToStartWhenOneFileInTheFolderIsBad(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("test-model.json"), VALID);
        Files.writeString(
                folder.resolve("bad-model.json"),
                VALID.replace("test-model", "bad-model").replace("\"typical\": 500", "\"typical\": -500"));

        assertThatThrownBy(() -> ModelCatalogue.fromLocation(folder.toUri() + "*.json"))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("pk/models/bad-model.json")
                .hasMessageContaining("volume V2 must be positive");
    }

    @Test
    void namesAMissingCovariateByItsRequestField() {
        PopulationModel allard =
                ModelCatalogue.fromClasspath().find("fviii-allard-2020").orElseThrow();

        assertThatThrownBy(() -> allard.typical(Covariates.of(70, 30)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("product")
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("covariates.product");
    }

    @Test
    void refusesAnAbsurdWeight() {
        PopulationModel bjorkman =
                ModelCatalogue.fromClasspath().find("fviii-bjorkman-2012").orElseThrow();

        assertThatThrownBy(() -> bjorkman.typical(Covariates.of(700, 30)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("covariates.weightKg");
    }

    @Test
    void everyShippedModelNamesTheSourceOfEveryNumber() throws Exception {
        // issue 20: the source (paper, table) of every parameter, covariate effect, eta, correlation and residual
        tools.jackson.databind.json.JsonMapper json =
                tools.jackson.databind.json.JsonMapper.builder().build();
        org.springframework.core.io.Resource[] files =
                new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                        .getResources(ModelCatalogue.LOCATION);
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (org.springframework.core.io.Resource resource : files) {
            ModelFile file;
            try (java.io.InputStream in = resource.getInputStream()) {
                file = json.readValue(in, ModelFile.class);
            }
            String name = resource.getFilename();
            assertThat(file.parameters()).as(name).isNotEmpty();
            file.parameters().forEach((parameter, definition) -> {
                assertThat(definition.source()).as(name + " " + parameter).isNotBlank();
                if (definition.effects() != null) {
                    definition.effects().forEach(effect -> assertThat(effect.source())
                            .as(name + " effect on " + parameter)
                            .isNotBlank());
                }
            });
            file.eta().forEach(eta -> assertThat(eta.source())
                    .as(name + " eta " + eta.parameter())
                    .isNotBlank());
            if (file.correlations() != null) {
                file.correlations().forEach(c -> assertThat(c.source())
                        .as(name + " correlation " + c.between())
                        .isNotBlank());
            }
            assertThat(file.residual().source()).as(name + " residual").isNotBlank();
        }
    }

    @Test
    void refusesABlankSource() {
        assertRefused(
                VALID.replace(
                        "\"V1\": {\"typical\": 3, \"unit\": \"L\"}",
                        "\"V1\": {\"typical\": 3, \"unit\": \"L\", \"source\": \" \"}"),
                "parameter V1: source is blank");
    }

    @Test
    void loadsAOneCompartmentModelWithItsTwoParameters() {
        String oneCompartment = VALID.replace("\"compartments\": 2", "\"compartments\": 1")
                .replaceAll("(?s)\"Q\": \\{[^}]*},\\s*\"V2\": \\{[^}]*}", "")
                .replaceAll("(?s)(\"V1\": \\{[^}]*}),\\s*}", "$1}");
        PopulationModel model = parse(oneCompartment);

        assertThat(model.compartments()).isEqualTo(1);
        assertThat(model.parameterCount()).isEqualTo(2);
        double[] typical = model.typical(Covariates.of(70, 30));
        assertThat(typical).containsExactly(2.0, 30.0);
        assertThat(PopulationModel.toParameters(typical).oneCompartment()).isTrue();
        assertThat(PopulationModel.disposition(typical).terminalHalfLifeHours())
                .isCloseTo(Math.log(2) * 30 / 2, within(1e-9));
        assertRefused(
                oneCompartment.replace("\"V1\": {", "\"Q\": {\"typical\": 150, \"unit\": \"mL/h\"}, \"V1\": {"),
                "parameter Q is not one of [CL, V1]");
    }

    @Test
    void solmsIsTheOneCompartmentModelOfDamoctocogAlfaPegol() {
        PopulationModel solms =
                ModelCatalogue.fromClasspath().find("fviii-solms-2020").orElseThrow();

        assertThat(solms.compartments()).isEqualTo(1);
        assertThat(solms.fittedOn("damoctocog alfa pegol")).isTrue();
        assertThat(solms.fittedOn("rurioctocog alfa pegol")).isFalse();
        assertThat(solms.covariateNames()).containsExactly("leanBodyWeightKg", "vwfIuPerDl");
        // Solms 2020 Table 2: BSV 24.0 % (CL) and 12.8 % (Vc) CV, omega^2 = ln(1 + CV^2); correlation 0.449
        double[][] omega = solms.omega();
        assertThat(omega[0][0]).isCloseTo(Math.log(1 + 0.24 * 0.24), within(1e-6));
        assertThat(omega[1][1]).isCloseTo(Math.log(1 + 0.128 * 0.128), within(1e-6));
        assertThat(omega[0][1] / Math.sqrt(omega[0][0] * omega[1][1])).isCloseTo(0.449, within(1e-9));
        // additive variance 1.78 IU^2/dL^2 and proportional variance 0.175 add up
        assertThat(solms.residualVariance(10, 10)).isCloseTo(1.78 + 0.175 * 100, within(1e-3));
    }

    private static void assertRefused(String json, String problem) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("pk/models/test-model.json")
                .hasMessageContaining(problem);
    }

    private static PopulationModel parse(String json) {
        return ModelCatalogue.parse("pk/models/test-model.json", stream(json));
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
