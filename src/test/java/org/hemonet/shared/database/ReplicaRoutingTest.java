package org.hemonet.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import javax.sql.DataSource;
import org.hemonet.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-only transactions go to the streaming replica when one is configured (issue 14, docs/scaling.md), everything
 * else to the primary. The test JVM's one database plays both servers under two names: the pools name their
 * connections ({@code application_name} {@code hemonet} and {@code hemonet-replica}), and the replica's pool is
 * read-only, as a streaming replica is.
 */
class ReplicaRoutingTest {

    private static DatabaseProperties properties(String replicaUrl) {
        Map<String, String> test = TestDatabase.properties();
        return new DatabaseProperties(
                "target/test-data",
                new DatabaseProperties.Db(
                        test.get("hemonet.db.url"),
                        test.get("hemonet.db.user"),
                        test.get("hemonet.db.password"),
                        null,
                        null,
                        2,
                        new DatabaseProperties.Replica(replicaUrl, null, null)));
    }

    private static String server(DataSource dataSource, Boolean readOnlyTransaction) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String sql = "select current_setting('application_name')";
        if (readOnlyTransaction == null) {
            return jdbc.queryForObject(sql, String.class);
        }
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.setReadOnly(readOnlyTransaction);
        return transaction.execute(status -> jdbc.queryForObject(sql, String.class));
    }

    private static void close(DataSource dataSource) throws IOException {
        ((Closeable) dataSource).close();
    }

    @Test
    void readOnlyTransactionsRunOnTheReplicaAndEverythingElseOnThePrimary() throws IOException {
        String url = TestDatabase.properties().get("hemonet.db.url");
        DataSource dataSource = new DatabaseConfiguration.External().dataSource(properties(url));
        try {
            assertThat(dataSource).isInstanceOf(ReplicaRoutingDataSource.class);
            assertThat(server(dataSource, true)).isEqualTo("hemonet-replica");
            assertThat(server(dataSource, false)).isEqualTo("hemonet");
            assertThat(server(dataSource, null)).as("outside a transaction").isEqualTo("hemonet");
            // and in turn, so that a pooled connection is not reused on the wrong side
            assertThat(server(dataSource, true)).isEqualTo("hemonet-replica");
            assertThat(server(dataSource, false)).isEqualTo("hemonet");
        } finally {
            close(dataSource);
        }
    }

    @Test
    void aWriteInAReadOnlyTransactionIsRefused() throws IOException {
        String url = TestDatabase.properties().get("hemonet.db.url");
        DataSource dataSource = new DatabaseConfiguration.External().dataSource(properties(url));
        try {
            TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            readOnly.setReadOnly(true);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            // a streaming replica refuses every write; so does the replica's pool here (read-only connections)
            assertThatThrownBy(() -> readOnly.executeWithoutResult(
                            status -> jdbc.execute("create temporary table replica_routing_probe (id int)")))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("read-only transaction");
            assertThat(jdbc.queryForObject(
                            "select to_regclass('pg_temp.replica_routing_probe') is null", Boolean.class))
                    .isTrue();
        } finally {
            close(dataSource);
        }
    }

    @Test
    void withoutAReplicaEverythingRunsOnThePrimary() throws IOException {
        DataSource dataSource = new DatabaseConfiguration.External().dataSource(properties(""));
        try {
            assertThat(dataSource).isNotInstanceOf(ReplicaRoutingDataSource.class);
            assertThat(server(dataSource, true)).isEqualTo("hemonet");
            assertThat(server(dataSource, false)).isEqualTo("hemonet");
        } finally {
            close(dataSource);
        }
    }
}
