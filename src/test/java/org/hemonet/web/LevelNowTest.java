package org.hemonet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionReason;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.pk.Dose;
import org.hemonet.pk.PkEstimator;
import org.hemonet.pk.PkParameters;
import org.junit.jupiter.api.Test;

class LevelNowTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final PkEstimator ESTIMATOR = new PkEstimator();

    static Infusion infusion(Duration ago, double dose, DoseUnit unit, boolean voided) {
        Instant at = NOW.minus(ago);
        return new Infusion(
                UUID.randomUUID(),
                UUID.randomUUID(),
                at,
                UUID.randomUUID(),
                "B1",
                BigDecimal.valueOf(dose),
                unit,
                InfusionReason.values()[0],
                null,
                null,
                null,
                at,
                "patient.tom",
                voided ? at.plusSeconds(60) : null,
                voided ? "patient.tom" : null,
                voided ? "twice" : null);
    }

    @Test
    void equalsLevelAtForTheCountedDosesAndSkipsVoidedMgOldAndFutureOnes() {
        PkParameters parameters =
                ESTIMATOR.typicalParameters("fviii-allard-2020", LevelNow.covariates("fviii-allard-2020", 70, 30));
        List<Infusion> infusions = List.of(
                infusion(Duration.ofHours(6), 2000, DoseUnit.IU, false),
                infusion(Duration.ofHours(54), 3000, DoseUnit.IU, false),
                infusion(Duration.ofHours(3), 5000, DoseUnit.IU, true),
                infusion(Duration.ofHours(2), 210, DoseUnit.MG, false),
                infusion(Duration.ofDays(15), 4000, DoseUnit.IU, false),
                infusion(Duration.ofHours(-5), 4000, DoseUnit.IU, false));

        LevelNow level = LevelNow.compute(ESTIMATOR, infusions, NOW, parameters, 0.5);

        List<Dose> expectedDoses = List.of(
                Dose.bolus(NOW.minus(Duration.ofHours(54)), 3000), Dose.bolus(NOW.minus(Duration.ofHours(6)), 2000));
        assertThat(LevelNow.doses(infusions, NOW)).isEqualTo(expectedDoses);
        double expected = ESTIMATOR.levelAt(NOW, expectedDoses, parameters, 0.5);
        assertThat(level.levelIuPerDl()).isCloseTo(expected, within(1e-9));
        assertThat(level.levelIuPerDl()).isGreaterThan(1);
        assertThat(level.lastInfusion()).isEqualTo(NOW.minus(Duration.ofHours(6)));
        assertThat(level.curve()).hasSize(73);
        assertThat(level.curve().get(24)[1])
                .isCloseTo(
                        ESTIMATOR.levelAt(NOW.plus(Duration.ofHours(24)), expectedDoses, parameters, 0.5),
                        within(1e-9));
        assertThat(level.curve().get(72)[1]).isLessThan(level.curve().get(0)[1]);
        assertThat(level.curveJson()).startsWith("[[0.00,");
    }

    @Test
    void noInfusionsGivesTheBaselineAndNoLastInfusion() {
        PkParameters parameters =
                ESTIMATOR.typicalParameters("fix-koopman-2023", LevelNow.covariates("fix-koopman-2023", 40, 12));
        LevelNow level = LevelNow.compute(ESTIMATOR, List.of(), NOW, parameters, 0);
        assertThat(level.lastInfusion()).isNull();
        assertThat(level.belowOne()).isTrue();
    }

    @Test
    void roundsWithoutFalsePrecision() {
        assertThat(LevelNow.rounded(12.4)).isEqualTo(12);
        assertThat(LevelNow.rounded(37.4)).isEqualTo(35);
        assertThat(LevelNow.rounded(123)).isEqualTo(120);
    }

    @Test
    void factorByDiagnosis() {
        assertThat(LevelNow.factorFor(DiagnosisType.HEMOPHILIA_A)).isEqualTo("FVIII");
        assertThat(LevelNow.factorFor(DiagnosisType.HEMOPHILIA_B)).isEqualTo("FIX");
        assertThat(LevelNow.factorFor(DiagnosisType.ACQUIRED_HEMOPHILIA)).isNull();
    }

    @Test
    void allardGivesTheEloctaCategoryOnlyToEfmoroctocogAlfa() {
        assertThat(LevelNow.covariates("fviii-allard-2020", 70, 30, "efmoroctocog alfa")
                        .get("product"))
                .isEqualTo("ELOCTA");
        assertThat(LevelNow.covariates("fviii-allard-2020", 70, 30, "octocog alfa")
                        .get("product"))
                .isEqualTo("STANDARD");
        assertThat(LevelNow.covariates("fix-brekkan-2016", 70, 30, "human coagulation factor IX (plasma-derived)")
                        .get("product"))
                .isNull();
    }
}
