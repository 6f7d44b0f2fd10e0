package org.hemonet.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hemonet.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** NHS number modulus-11 check (NHS Data Dictionary, "NHS Number"); 943 476 5919 is the Data Dictionary's example. */
class NhsNumberTest {

    @Test
    void acceptsValidNumbersWithOrWithoutSpaces() {
        assertThat(NhsNumber.normalise("943 476 5919", "nationalId")).isEqualTo("9434765919");
        assertThat(NhsNumber.normalise("943-476-5919", "nationalId")).isEqualTo("9434765919");
        assertThat(NhsNumber.isValid("9990000018")).isTrue();
    }

    @Test
    void refusesAWrongCheckDigitNamingTheField() {
        assertThatThrownBy(() -> NhsNumber.normalise("9434765918", "nationalId"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("nationalId");
    }

    @Test
    void refusesWrongLengthAndLetters() {
        assertThat(NhsNumber.isValid("943476591")).isFalse();
        assertThat(NhsNumber.isValid("94347659190")).isFalse();
        assertThat(NhsNumber.isValid("94347659A9")).isFalse();
    }

    @Test
    void aCheckValueOfTenIsNeverValid() {
        // 1234567890: weighted sum 1*10+2*9+...+9*2 = 210, 210 mod 11 = 1, 11 - 1 = 10: no valid check digit
        for (int last = 0; last <= 9; last++) {
            assertThat(NhsNumber.isValid("123456789" + last)).isFalse();
        }
    }
}
