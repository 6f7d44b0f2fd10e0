package org.hemonet.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.hemonet.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Bethesda titre and inhibitor status (clinical.md §2 worked checks). */
class BethesdaTitreTest {

    @Test
    void computesTheWorkedChecksOfTheSpecification() {
        assertThat(BethesdaTitre.compute(new BigDecimal("50.3"), BigDecimal.ONE))
                .isEqualByComparingTo("0.99");
        assertThat(BethesdaTitre.compute(new BigDecimal("38.5"), BigDecimal.ONE))
                .isEqualByComparingTo("1.38");
    }

    @Test
    void multipliesByTheDilution() {
        assertThat(BethesdaTitre.compute(new BigDecimal("50"), BigDecimal.valueOf(8)))
                .isEqualByComparingTo("8.00");
    }

    /** Fuzzing findings (issue 14): these dilutions were answered 500, an infinite titre and a numeric overflow. */
    @Test
    void refusesImplausibleDilutionsNamingTheField() {
        for (String dilution : List.of("1E+400", "100000000", "100000.01")) {
            assertThatThrownBy(() -> BethesdaTitre.compute(new BigDecimal("50"), new BigDecimal(dilution)))
                    .as(dilution)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("1:100000")
                    .extracting("field")
                    .isEqualTo("dilution");
        }
        assertThat(BethesdaTitre.compute(new BigDecimal("50"), new BigDecimal("100000")))
                .isEqualByComparingTo("100000.00");
    }

    @Test
    void acceptsTheEdgesOfTheValidRange() {
        assertThat(BethesdaTitre.compute(new BigDecimal("25"), BigDecimal.ONE)).isEqualByComparingTo("2.00");
        assertThat(BethesdaTitre.compute(new BigDecimal("75"), BigDecimal.ONE)).isEqualByComparingTo("0.42");
    }

    @Test
    void refusesResidualsOutsideTwentyFiveToSeventyFivePercent() {
        assertThatThrownBy(() -> BethesdaTitre.compute(new BigDecimal("24.9"), BigDecimal.ONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("25 and 75")
                .extracting("field")
                .isEqualTo("residualActivityPercent");
        assertThatThrownBy(() -> BethesdaTitre.compute(new BigDecimal("75.1"), new BigDecimal("2")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lower dilution");
        assertThatThrownBy(() -> BethesdaTitre.compute(new BigDecimal("151"), BigDecimal.ONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("150");
    }

    @Test
    void moreThanSeventyFivePercentUndilutedIsANegativeResultWithoutATitre() {
        assertThat(BethesdaTitre.compute(new BigDecimal("75.1"), BigDecimal.ONE))
                .isEqualByComparingTo("0");
        assertThat(BethesdaTitre.compute(new BigDecimal("98"), BigDecimal.ONE)).isEqualByComparingTo("0");
        assertThat(BethesdaTitre.compute(new BigDecimal("104"), BigDecimal.ONE)).isEqualByComparingTo("0");
        assertThat(BethesdaTitre.notDetected(BethesdaTitre.compute(new BigDecimal("90"), BigDecimal.ONE)))
                .isTrue();
        assertThat(BethesdaTitre.notDetected(BethesdaTitre.compute(new BigDecimal("75"), BigDecimal.ONE)))
                .as("75 % undiluted is still a titre: 0.42 BU")
                .isFalse();
        // the lowest titre the formula gives (0.42 BU) is positive at the FIX threshold of 0.3 BU (clinical.md §2):
        // only a "not detected" result lets a haemophilia B patient be negative
        assertThat(BethesdaTitre.compute(new BigDecimal("75"), BigDecimal.ONE)).isGreaterThan(new BigDecimal("0.3"));
        assertThat(BethesdaTitre.NOT_DETECTED).isLessThan(new BigDecimal("0.3"));
    }

    @Test
    void classifiesHighAndLowResponders() {
        LocalDate jan = LocalDate.of(2026, 1, 1);
        LocalDate jun = LocalDate.of(2026, 6, 1);
        BigDecimal threshold = InhibitorStatus.DEFAULT_POSITIVE_THRESHOLD_BU;
        assertThat(InhibitorStatus.of(List.of(), threshold)).isEqualTo(InhibitorStatus.NOT_TESTED);
        assertThat(InhibitorStatus.of(List.of(new InhibitorStatus.Result(jan, new BigDecimal("0.59"))), threshold))
                .isEqualTo(InhibitorStatus.NEGATIVE);
        assertThat(InhibitorStatus.of(List.of(new InhibitorStatus.Result(jan, new BigDecimal("0.6"))), threshold))
                .isEqualTo(InhibitorStatus.POSITIVE_LOW_RESPONDER);
        assertThat(InhibitorStatus.of(
                        List.of(
                                new InhibitorStatus.Result(jan, new BigDecimal("5")),
                                new InhibitorStatus.Result(jun, new BigDecimal("1.2"))),
                        threshold))
                .isEqualTo(InhibitorStatus.POSITIVE_HIGH_RESPONDER);
        assertThat(InhibitorStatus.of(
                        List.of(
                                new InhibitorStatus.Result(jan, new BigDecimal("12")),
                                new InhibitorStatus.Result(jun, new BigDecimal("0.3"))),
                        threshold))
                .isEqualTo(InhibitorStatus.NEGATIVE_PREVIOUS_HIGH_RESPONDER);
    }
}
