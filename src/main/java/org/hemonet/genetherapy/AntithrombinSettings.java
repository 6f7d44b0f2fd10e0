package org.hemonet.genetherapy;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Antithrombin-target dosing ({@code hemonet.antithrombin.*}, issue 21).
 *
 * @param targetLowPercent antithrombin activity under this is too low (default 15 %, fitusiran label)
 * @param targetHighPercent above this is too high (default 35 %)
 * @param escalateAfterMonths above the target, a step up is proposed only after this long on the current step (6)
 */
@ConfigurationProperties("hemonet.antithrombin")
public record AntithrombinSettings(
        @DefaultValue("15") BigDecimal targetLowPercent,
        @DefaultValue("35") BigDecimal targetHighPercent,
        @DefaultValue("6") int escalateAfterMonths) {

    public AntithrombinSettings {
        if (targetLowPercent.compareTo(targetHighPercent) >= 0) {
            throw new IllegalArgumentException("hemonet.antithrombin: the target's low end must be under its high end");
        }
    }
}
