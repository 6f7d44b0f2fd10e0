package org.hemonet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hemonet.shared.database.EmbeddedDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One PostgreSQL for the whole test JVM: the server named by {@code TEST_DB_URL} ({@code TEST_DB_USER},
 * {@code TEST_DB_PASSWORD}) when set, otherwise an embedded PostgreSQL 17 in a temporary directory, started on first
 * use and stopped when the JVM exits.
 */
public final class TestDatabase {

    private static EmbeddedDatabase embedded;

    private TestDatabase() {}

    public static synchronized void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The {@code hemonet.db.*} settings of the test JVM's database, for an application context built by hand. */
    public static synchronized Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        String external = System.getenv("TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            properties.put("hemonet.db.url", external);
            properties.put("hemonet.db.user", env("TEST_DB_USER"));
            properties.put("hemonet.db.password", env("TEST_DB_PASSWORD"));
            return properties;
        }
        EmbeddedDatabase database = embedded();
        properties.put("hemonet.db.url", database.jdbcUrl());
        properties.put("hemonet.db.user", EmbeddedDatabase.APP_ROLE);
        properties.put("hemonet.db.password", EmbeddedDatabase.APP_PASSWORD);
        properties.put("hemonet.db.owner", database.superuser());
        properties.put("hemonet.db.owner-password", "");
        return properties;
    }

    public static synchronized EmbeddedDatabase embedded() {
        if (embedded == null) {
            try {
                Path directory = Files.createTempDirectory("hemonet-test-db");
                // zonky registers its own shutdown hook that stops the server when the JVM exits
                embedded = EmbeddedDatabase.start(directory.resolve("postgres"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return embedded;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
