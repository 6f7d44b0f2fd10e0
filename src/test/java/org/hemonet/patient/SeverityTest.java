package org.hemonet.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ISTH bands (clinical.md §1), including both edges of every band and the carrier classes for women. */
class SeverityTest {

    @ParameterizedTest(name = "{0} {1} at {2} IU/dL, phenotype {3} -> {4}")
    @CsvSource(
            nullValues = "NULL",
            value = {
                "HEMOPHILIA_A, MALE, 0, false, SEVERE",
                "HEMOPHILIA_A, MALE, 0.99, false, SEVERE",
                "HEMOPHILIA_A, MALE, 1, false, MODERATE",
                "HEMOPHILIA_B, MALE, 5, false, MODERATE",
                "HEMOPHILIA_B, MALE, 5.01, false, MILD",
                "HEMOPHILIA_A, MALE, 39.9, false, MILD",
                "HEMOPHILIA_A, MALE, 40, false, NULL",
                "HEMOPHILIA_A, FEMALE, 0.5, false, SEVERE",
                "HEMOPHILIA_A, FEMALE, 39, true, MILD",
                "HEMOPHILIA_A, FEMALE, 40, true, SYMPTOMATIC_CARRIER",
                "HEMOPHILIA_B, FEMALE, 65, false, ASYMPTOMATIC_CARRIER",
                "VON_WILLEBRAND_DISEASE, FEMALE, 20, true, NULL",
                "FACTOR_VII_DEFICIENCY, MALE, 0.5, false, NULL"
            })
    void derivesSeverityFromTheBaselineLevel(
            DiagnosisType type, Sex sex, BigDecimal level, boolean phenotype, Severity expected) {
        assertThat(Severity.derive(type, sex, level, phenotype)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"HEMOPHILIA_A, MALE", "HEMOPHILIA_B, FEMALE"})
    void noLevelMeansNoSeverity(DiagnosisType type, Sex sex) {
        assertThat(Severity.derive(type, sex, null, false)).isNull();
    }
}
