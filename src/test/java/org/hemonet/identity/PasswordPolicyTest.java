package org.hemonet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** security.md §8. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void staffNeedTwelveCharactersAndPatientsEight() {
        assertThat(policy.problem("Tr0mbone-Ki", Role.CLINICIAN, "someone"))
                .hasValueSatisfying(p -> assertThat(p).contains("12"));
        assertThat(policy.problem("Tr0mbone-Kit", Role.CLINICIAN, "someone")).isEmpty();
        assertThat(policy.problem("Kite-7fw", Role.PATIENT, "someone")).isEmpty();
        assertThat(policy.problem("Kite-7f", Role.PATIENT, "someone"))
                .hasValueSatisfying(p -> assertThat(p).contains("8"));
    }

    @Test
    void refusesMoreThan128Characters() {
        assertThat(policy.problem("x".repeat(128) + "y", Role.PATIENT, "someone"))
                .isPresent();
        assertThat(policy.problem("ab1-".repeat(32), Role.PATIENT, "someone")).isEmpty();
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(policy.problem("PASSWORD", Role.PATIENT, "someone")).isPresent();
        assertThat(policy.problem("Password123", Role.PATIENT, "someone"))
                .hasValueSatisfying(p -> assertThat(p).contains("too common"));
        assertThat(policy.problem("qwertyuiop123", Role.CLINICIAN, "someone")).isPresent();
    }

    @Test
    void refusesTheUsernameAsPassword() {
        assertThat(policy.problem("clinician.north", Role.CLINICIAN, "clinician.north"))
                .isPresent();
    }
}
