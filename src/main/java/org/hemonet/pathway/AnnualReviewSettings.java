package org.hemonet.pathway;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the annual review ({@code hemonet.pathway.*}).
 *
 * @param annualReviewInterval how long after a completed review the next one is due (default 12 months, e.g.
 *     {@code 12m} or {@code P12M})
 */
@ConfigurationProperties("hemonet.pathway")
public record AnnualReviewSettings(@DefaultValue("P12M") Period annualReviewInterval) {}
