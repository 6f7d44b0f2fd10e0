package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CentreTrendsTest {

    @Test
    void theChangeIsSignedAtTheFinerScaleOfTheTwoFigures() {
        assertThat(CentreTrends.change("0.50", "1.25")).isEqualTo("+0.75");
        assertThat(CentreTrends.change("2.4", "1.90")).isEqualTo("-0.50");
        assertThat(CentreTrends.change("1,200", "1,200")).isEqualTo("0");
        assertThat(CentreTrends.change("10", "15")).isEqualTo("+5");
    }

    @Test
    void noChangeIsGivenBesideASuppressedOrUndefinedFigure() {
        assertThat(CentreTrends.change("*", "1.00")).isEqualTo("*");
        assertThat(CentreTrends.change("1.00", "*")).isEqualTo("*");
        assertThat(CentreTrends.change("–", "1.00")).isEqualTo("–");
    }
}
