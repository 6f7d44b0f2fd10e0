package org.hemonet.pk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The population models, one JSON file per model under {@code pk/models/} on the classpath. Every file is validated
 * when the catalogue is built; one bad file stops the catalogue (and so the application) with a message naming the
 * file and the problem.
 */
public final class ModelCatalogue {

    public static final String LOCATION = "classpath*:pk/models/*.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, PopulationModel> models;

    private ModelCatalogue(Map<String, PopulationModel> models) {
        this.models = Map.copyOf(models);
    }

    /** Loads and validates every model file found at {@link #LOCATION}. */
    public static ModelCatalogue fromClasspath() {
        return fromLocation(LOCATION);
    }

    /** Loads and validates every model file matching a Spring resource pattern. */
    public static ModelCatalogue fromLocation(String pattern) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(pattern);
        } catch (IOException e) {
            throw new ModelDefinitionException(pattern, "cannot list the model files: " + e.getMessage(), e);
        }
        Map<String, PopulationModel> models = new TreeMap<>();
        for (Resource resource : resources) {
            String fileName = "pk/models/" + resource.getFilename();
            try (InputStream in = resource.getInputStream()) {
                PopulationModel model = parse(fileName, in);
                if (models.putIfAbsent(model.id(), model) != null) {
                    throw new ModelDefinitionException(fileName, "model id " + model.id() + " is defined twice");
                }
            } catch (IOException e) {
                throw new ModelDefinitionException(fileName, "cannot be read: " + e.getMessage(), e);
            }
        }
        if (models.isEmpty()) {
            throw new ModelDefinitionException(pattern, "no model files found");
        }
        return new ModelCatalogue(models);
    }

    /** Parses and validates one model file; the id must match the file name ({@code <id>.json}). */
    static PopulationModel parse(String fileName, InputStream json) {
        ModelFile file;
        try {
            file = JSON.readValue(json, ModelFile.class);
        } catch (JacksonException e) {
            throw new ModelDefinitionException(fileName, "is not a valid model file: " + e.getOriginalMessage(), e);
        }
        PopulationModel model = PopulationModel.from(file, fileName);
        String expectedName = model.id() + ".json";
        if (!fileName.endsWith("/" + expectedName) && !fileName.equals(expectedName)) {
            throw new ModelDefinitionException(fileName, "id " + model.id() + " does not match the file name");
        }
        return model;
    }

    public Optional<PopulationModel> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    public Collection<PopulationModel> all() {
        return models.values();
    }
}
