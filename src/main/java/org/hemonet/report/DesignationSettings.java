package org.hemonet.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param minimumSeverePatients severely affected patients a comprehensive care centre needs (clinical.md §7; 40)
 */
@ConfigurationProperties("hemonet.designation")
public record DesignationSettings(@DefaultValue("40") int minimumSeverePatients) {}
