package org.hemonet.survey;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A questionnaire at one version (FHIR {@code Questionnaire}: {@code id}/{@code url}, {@code version}, {@code title},
 * {@code item}; docs/surveys.md "FHIR mapping"). A version never changes once loaded.
 *
 * @param id stable over versions, e.g. {@code hemonet-satisfaction}
 * @param source HEMONET (written for Hemonet) or LICENSED (loaded by a centre that holds a licence)
 * @param centreId the centre a licensed instrument belongs to, or null for the whole network
 * @param copyright who holds the wording and on what terms
 */
public record Instrument(
        String id,
        int version,
        String title,
        @Nullable String description,
        String source,
        java.util.@Nullable UUID centreId,
        @Nullable String copyright,
        List<InstrumentItem> items,
        List<Domain> domains) {

    public Instrument {
        items = List.copyOf(items);
        domains = List.copyOf(domains);
    }

    public Optional<InstrumentItem> item(String linkId) {
        return items.stream().filter(i -> i.linkId().equals(linkId)).findFirst();
    }

    public Optional<Domain> domain(String domainId) {
        return domains.stream().filter(d -> d.id().equals(domainId)).findFirst();
    }
}
