package org.hemonet.safety.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text cells of the returns CSV (security.md §21): quoted where needed, formulas neutralised. */
class SafetyReturnsCsvTest {

    @Test
    void cellsStartingLikeAFormulaAreNeutralisedAndCommasQuoted() {
        assertThat(SafetyReturnsApi.cell("Advate")).isEqualTo("Advate");
        assertThat(SafetyReturnsApi.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SafetyReturnsApi.cell("+1")).isEqualTo("'+1");
        assertThat(SafetyReturnsApi.cell("-1")).isEqualTo("'-1");
        assertThat(SafetyReturnsApi.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SafetyReturnsApi.cell("North, East")).isEqualTo("\"North, East\"");
        assertThat(SafetyReturnsApi.cell("")).isEmpty();
    }
}
