package org.hemonet.genetherapy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The fitusiran antithrombin-based dosing steps (Qfitlia USPI 2025 section 2.3; target 15–35 %): under 15 % one step
 * down (50 → 20 → 10 mg every 2 months, then stop), above 35 % after 6 months the same dose monthly.
 */
class AntithrombinRuleTest {

    static final AntithrombinSettings LABEL = new AntithrombinSettings(new BigDecimal("15"), new BigDecimal("35"), 6);
    static final LocalDate SINCE = LocalDate.of(2026, 1, 5);

    private static AntithrombinRule.Recommendation at(String percent, AntithrombinStep step, LocalDate sampled) {
        return AntithrombinRule.recommend(new BigDecimal(percent), step, SINCE, sampled, LABEL);
    }

    @Test
    void followsTheLabelLadder() {
        LocalDate late = SINCE.plusMonths(7);
        assertThat(at("10", AntithrombinStep.MG50_EVERY_2_MONTHS, late).to())
                .isEqualTo(AntithrombinStep.MG20_EVERY_2_MONTHS);
        assertThat(at("14.9", AntithrombinStep.MG20_EVERY_2_MONTHS, late).to())
                .isEqualTo(AntithrombinStep.MG10_EVERY_2_MONTHS);
        assertThat(at("14.9", AntithrombinStep.MG10_EVERY_2_MONTHS, late).action())
                .isEqualTo(AntithrombinRule.Action.STOP);
        // the ends of the target are in it
        assertThat(at("15", AntithrombinStep.MG50_EVERY_2_MONTHS, late).action())
                .isEqualTo(AntithrombinRule.Action.KEEP);
        assertThat(at("35", AntithrombinStep.MG50_EVERY_2_MONTHS, late).action())
                .isEqualTo(AntithrombinRule.Action.KEEP);
        assertThat(at("35.1", AntithrombinStep.MG20_EVERY_2_MONTHS, late).to())
                .isEqualTo(AntithrombinStep.MG20_EVERY_MONTH);
        assertThat(at("50", AntithrombinStep.MG50_EVERY_MONTH, late).reason()).isEqualTo("ABOVE_TARGET_NO_STEP");
        assertThat(at("10", AntithrombinStep.MG50_EVERY_MONTH, late).action())
                .isEqualTo(AntithrombinRule.Action.LENGTHEN_INTERVAL);
        // six months to the day on the step is long enough; a day less is not
        assertThat(at("40", AntithrombinStep.MG50_EVERY_2_MONTHS, SINCE.plusMonths(6))
                        .action())
                .isEqualTo(AntithrombinRule.Action.SHORTEN_INTERVAL);
        assertThat(at(
                                "40",
                                AntithrombinStep.MG50_EVERY_2_MONTHS,
                                SINCE.plusMonths(6).minusDays(1))
                        .reason())
                .isEqualTo("ABOVE_TARGET_TOO_EARLY");
    }
}
