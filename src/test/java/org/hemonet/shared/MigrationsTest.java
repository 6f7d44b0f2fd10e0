package org.hemonet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.hemonet.shared.database.EmbeddedDatabase;
import org.hemonet.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every migration runs on an empty database; the application role may not delete. */
class MigrationsTest {

    private static PGSimpleDataSource owner;
    private static PGSimpleDataSource app;

    @BeforeAll
    static void freshDatabase() {
        EmbeddedDatabase server = TestDatabase.embedded();
        String name = "migrations_" + UUID.randomUUID().toString().replace("-", "");
        JdbcClient.create(server.ownerDataSource())
                .sql("create database " + name)
                .update();
        String url = server.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE, "/" + name);
        owner = new PGSimpleDataSource();
        owner.setUrl(url);
        owner.setUser(server.superuser());
        app = new PGSimpleDataSource();
        app.setUrl(url);
        app.setUser(EmbeddedDatabase.APP_ROLE);
        app.setPassword(EmbeddedDatabase.APP_PASSWORD);
        Flyway.configure()
                .dataSource(owner)
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", EmbeddedDatabase.APP_ROLE))
                .load()
                .migrate();
    }

    @Test
    void createsOneSchemaPerModule() {
        var schemas = JdbcClient.create(owner)
                .sql("select schema_name from information_schema.schemata")
                .query(String.class)
                .list();
        assertThat(schemas).contains("centre", "patient", "identity");
    }

    @Test
    void applicationRoleCannotDeleteClinicalData() {
        JdbcClient jdbc = JdbcClient.create(app);
        assertThat(jdbc.sql("select count(*) from patient.patient")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThatThrownBy(() -> jdbc.sql("delete from patient.patient").update())
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from centre.centre").update())
                .rootCause()
                .hasMessageContaining("permission denied");
    }
}
