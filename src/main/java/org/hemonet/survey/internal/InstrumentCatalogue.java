package org.hemonet.survey.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hemonet.survey.Instrument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The instruments in {@code survey.instrument}, parsed once per version (a version never changes). On start it stores
 * the instruments written for Hemonet, the files under {@code survey/instruments/}, whose versions are not stored yet;
 * a file whose version is already stored with other words is reported and left alone: a changed wording needs a new
 * version. Every app node does this; the insert of a version that is there is a no-op.
 */
@Component
public class InstrumentCatalogue implements ApplicationRunner {

    public static final String BUILT_IN = "classpath*:survey/instruments/*.json";

    private static final Logger LOG = LoggerFactory.getLogger(InstrumentCatalogue.class);

    private final SurveyQueries queries;
    private final Clock clock;
    private final Map<String, Instrument> parsed = new ConcurrentHashMap<>();

    InstrumentCatalogue(SurveyQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Instrument instrument : builtIn()) {
            boolean stored = queries.insertInstrument(
                    instrument.id(),
                    instrument.version(),
                    instrument.title(),
                    InstrumentDefinitions.toJson(instrument),
                    "HEMONET",
                    null,
                    null,
                    null,
                    clock.instant());
            if (!stored && !version(instrument.id(), instrument.version()).equals(Optional.of(instrument))) {
                LOG.warn(
                        "Instrument {} version {} is stored with other content than survey/instruments; the stored"
                                + " version is kept (give changed wording a new version)",
                        instrument.id(),
                        instrument.version());
            }
        }
    }

    /** The instrument files shipped with Hemonet, validated; a bad file stops the start with the file's name. */
    public static List<Instrument> builtIn() throws IOException {
        List<Instrument> instruments = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(BUILT_IN)) {
            try (InputStream in = resource.getInputStream()) {
                try {
                    instruments.add(InstrumentDefinitions.parse(
                            InstrumentDefinitions.JSON.readTree(in), "definition", null, "HEMONET", null));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(
                            "survey/instruments/" + resource.getFilename() + ": " + e.getMessage(), e);
                }
            }
        }
        return instruments;
    }

    /** Every version not retired. */
    public List<Instrument> all() {
        return queries.instruments().stream().map(this::of).toList();
    }

    public Optional<Instrument> version(String id, int version) {
        Instrument cached = parsed.get(id + "@" + version);
        return cached != null
                ? Optional.of(cached)
                : queries.instrument(id, version).map(this::of);
    }

    private Instrument of(SurveyQueries.InstrumentRow row) {
        return parsed.computeIfAbsent(
                row.id() + "@" + row.version(),
                key -> InstrumentDefinitions.parse(
                        InstrumentDefinitions.JSON.readTree(row.definition()),
                        "definition",
                        row.version(),
                        row.source(),
                        row.centreId()));
    }
}
