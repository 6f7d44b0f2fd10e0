package org.hemonet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hemonet.shared.database.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsDataBetweenRestarts() {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir)) {
            JdbcClient jdbc = JdbcClient.create(first.ownerDataSource());
            jdbc.sql("create table kept (note text)").update();
            jdbc.sql("insert into kept values ('survives a restart')").update();
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir)) {
            JdbcClient jdbc = JdbcClient.create(second.ownerDataSource());
            assertThat(jdbc.sql("select note from kept").query(String.class).list())
                    .containsExactly("survives a restart");
        }
    }

    @Test
    void createsTheApplicationDatabaseAndALimitedRole() {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            JdbcClient jdbc = JdbcClient.create(database.ownerDataSource());
            assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = :r")
                            .param("r", EmbeddedDatabase.APP_ROLE)
                            .query(Boolean.class)
                            .single())
                    .isFalse();
            assertThat(jdbc.sql("select current_database()").query(String.class).single())
                    .isEqualTo(EmbeddedDatabase.DATABASE);
        }
    }
}
