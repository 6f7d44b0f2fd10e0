package org.hemonet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NhsNumbersTest {

    /** NHS Data Dictionary example: 943 476 5919 has check digit 9. */
    @Test
    void computesTheModulus11CheckDigitOfTheDataDictionaryExample() {
        assertThat(NhsNumbers.checkDigit("943476591")).isEqualTo(9);
    }

    @Test
    void remainderZeroGivesCheckDigitZero() {
        // 4·10 + 0·9 + 1·8 + 0·7 + 2·6 + 3·5 + 2·4 + 1·3 + 3·2 = 92, 92 mod 11 = 4, check = 11 − 4 = 7
        assertThat(NhsNumbers.checkDigit("401023213")).isEqualTo(7);
        // a sum divisible by 11 gives 11, written as 0
        assertThat(NhsNumbers.checkDigit("000000000")).isEqualTo(0);
    }
}
