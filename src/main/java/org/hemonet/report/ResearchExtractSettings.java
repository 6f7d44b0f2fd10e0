package org.hemonet.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param k the k of research extracts when a request names none (issue 18; at least 5, which is also the default):
 *     every published combination of the quasi-identifiers holds at least k rows
 */
@ConfigurationProperties("hemonet.research-extract")
public record ResearchExtractSettings(@DefaultValue("5") int k) {

    public ResearchExtractSettings {
        if (k < KAnonymity.MINIMUM_K) {
            throw new IllegalArgumentException("hemonet.research-extract.k must be at least " + KAnonymity.MINIMUM_K);
        }
    }
}
