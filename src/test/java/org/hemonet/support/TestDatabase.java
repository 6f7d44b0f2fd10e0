package org.hemonet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        String external = System.getenv("TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            registry.add("hemonet.db.url", () -> external);
            registry.add("hemonet.db.user", () -> env("TEST_DB_USER"));
            registry.add("hemonet.db.password", () -> env("TEST_DB_PASSWORD"));
            return;
        }
        EmbeddedDatabase database = embedded();
        registry.add("hemonet.db.url", database::jdbcUrl);
        registry.add("hemonet.db.user", () -> EmbeddedDatabase.APP_ROLE);
        registry.add("hemonet.db.password", () -> EmbeddedDatabase.APP_PASSWORD);
        registry.add("hemonet.db.owner", database::superuser);
        registry.add("hemonet.db.owner-password", () -> "");
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
