package org.hemonet.audit.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hemonet.shared.database.EmbeddedDatabase;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One embedded PostgreSQL 17 per test JVM with the audit migration applied by its owner, and a pool of the
 * application's role ({@value EmbeddedDatabase#APP_ROLE}), whose grants are what the tests are about.
 */
final class AuditTestDatabase {

    private static @Nullable AuditTestDatabase instance;

    private final EmbeddedDatabase server;
    private final HikariDataSource app;

    private AuditTestDatabase(EmbeddedDatabase server) {
        this.server = server;
        this.app = new HikariDataSource();
        app.setJdbcUrl(server.jdbcUrl());
        app.setUsername(EmbeddedDatabase.APP_ROLE);
        app.setPassword(EmbeddedDatabase.APP_PASSWORD);
        app.setMaximumPoolSize(20);
        app.setPoolName("audit-test");
    }

    static synchronized AuditTestDatabase get() {
        if (instance == null) {
            Path dataDir = tempDir();
            EmbeddedDatabase server = EmbeddedDatabase.start(dataDir);
            migrate(server.ownerDataSource());
            AuditTestDatabase database = new AuditTestDatabase(server);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> database.close(dataDir)));
            instance = database;
        }
        return instance;
    }

    /** The application's role: SELECT and INSERT only on the audit tables. */
    DataSource app() {
        return app;
    }

    /** The superuser that owns the schema: what a tampering administrator would use. */
    DataSource owner() {
        return server.ownerDataSource();
    }

    /** A new, empty database on the same server, with the audit migration applied. */
    Restored emptyDatabase(String name) {
        JdbcClient.create(owner()).sql("create database " + name).update();
        String url = "jdbc:postgresql://localhost:" + server.port() + "/" + name;
        var owner = new PGSimpleDataSource();
        owner.setUrl(url);
        owner.setUser(server.superuser());
        migrate(owner);
        var app = new PGSimpleDataSource();
        app.setUrl(url);
        app.setUser(EmbeddedDatabase.APP_ROLE);
        app.setPassword(EmbeddedDatabase.APP_PASSWORD);
        return new Restored(owner, app);
    }

    record Restored(DataSource owner, DataSource app) {}

    /** Empties the audit tables and restarts the sequence, as the owner. */
    void reset() {
        JdbcClient.create(owner())
                .sql("truncate audit.seal, audit.event restart identity")
                .update();
    }

    private static void migrate(DataSource owner) {
        Flyway.configure()
                .dataSource(owner)
                .locations("classpath:db/migration/audit")
                .placeholders(Map.of("app_role", EmbeddedDatabase.APP_ROLE))
                .load()
                .migrate();
    }

    private void close(Path dataDir) {
        app.close();
        server.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("hemonet-audit-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
