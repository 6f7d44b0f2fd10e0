package org.hemonet.centre;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the care network as a whole ({@code hemonet.network.*}).
 *
 * @param emergencyNumber the public emergency telephone number where the network is (999 UK, 112 EU, 911 US), shown in
 *     every language; a centre may override it
 * @param timeZone the network's own time zone: months and years of network reports, and the default zone of a centre
 *     and its patients
 */
@ConfigurationProperties("hemonet.network")
public record NetworkSettings(
        @DefaultValue("999") String emergencyNumber, @DefaultValue("Europe/London") ZoneId timeZone) {}
