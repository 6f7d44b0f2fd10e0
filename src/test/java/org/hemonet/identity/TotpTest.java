package org.hemonet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 Appendix B test vectors (SHA-1, secret "12345678901234567890"), truncated to 6 digits. */
class TotpTest {

    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void encodesTheRfcSecretInBase32() {
        assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.unbase32(RFC_SECRET))
                .asString(StandardCharsets.US_ASCII)
                .isEqualTo("12345678901234567890");
    }

    @ParameterizedTest(name = "T = {0} s -> {1}")
    @CsvSource({
        "59, 287082",
        "1111111109, 081804",
        "1111111111, 050471",
        "1234567890, 005924",
        "2000000000, 279037",
        "20000000000, 353130"
    })
    void matchesTheRfc6238TestVectors(long epochSeconds, String expected) {
        assertThat(Totp.currentCode(RFC_SECRET, Instant.ofEpochSecond(epochSeconds)))
                .isEqualTo(expected);
    }

    @Test
    void acceptsOneStepOfClockDriftEitherSideButNoMore() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now))
                .hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now))
                .hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now))
                .isEmpty();
    }

    @Test
    void refusesMalformedCodes() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.matchingStep(RFC_SECRET, "28708", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "287 082", now)).hasValue(1);
    }

    @Test
    void theDemoSecretWorksInAuthenticatorApps() {
        assertThat(Totp.otpauthUri("Hemonet", "clinician.north", "JBSWY3DPEHPK3PXP"))
                .isEqualTo("otpauth://totp/Hemonet:clinician.north?secret=JBSWY3DPEHPK3PXP&issuer=Hemonet"
                        + "&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.unbase32("JBSWY3DPEHPK3PXP"))
                .containsExactly('H', 'e', 'l', 'l', 'o', '!', (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef);
    }
}
