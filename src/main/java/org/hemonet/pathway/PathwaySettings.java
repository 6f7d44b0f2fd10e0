package org.hemonet.pathway;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the care pathway ({@code hemonet.pathway.*}, issue 17).
 *
 * @param annualReviewInterval how long after a completed review the next one is due (default 12 months, e.g.
 *     {@code P12M})
 * @param handoverReadAccess how long the paediatric team keeps read access to what it handed over to the adult centre
 *     (default 6 months, e.g. {@code P6M})
 */
@ConfigurationProperties("hemonet.pathway")
public record PathwaySettings(
        @DefaultValue("P12M") Period annualReviewInterval, @DefaultValue("P6M") Period handoverReadAccess) {}
