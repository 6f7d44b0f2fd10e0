package org.hemonet.pathway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the emergency view ({@code hemonet.emergency.*}).
 *
 * @param validFor how long an emergency link opens after the patient shows it (default 12 hours)
 */
@ConfigurationProperties("hemonet.emergency")
public record EmergencySettings(@DefaultValue("12h") Duration validFor) {}
