package org.hemonet.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Where the data lives.
 *
 * <ul>
 *   <li>{@code hemonet.db.url} (env {@code HEMONET_DB_URL}) empty: an embedded PostgreSQL 17 with its data in
 *       {@code $HEMONET_DATA_DIR/postgres}; migrations run as its superuser, the application as
 *       {@value EmbeddedDatabase#APP_ROLE}.
 *   <li>otherwise: that server, as {@code HEMONET_DB_USER}; migrations run as {@code HEMONET_DB_OWNER} when given (so
 *       that the application's role can be denied DELETE and audit UPDATE), else as the same user.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${hemonet.db.url:}'.isBlank()")
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
            return EmbeddedDatabase.start(Path.of(properties.dataDir()).resolve("postgres"));
        }

        @Bean(destroyMethod = "close")
        @Primary
        HikariDataSource dataSource(EmbeddedDatabase database, DatabaseProperties properties) {
            return pool(database.jdbcUrl(), EmbeddedDatabase.APP_ROLE, EmbeddedDatabase.APP_PASSWORD, properties);
        }

        @Bean
        @FlywayDataSource
        DataSource flywayDataSource(EmbeddedDatabase database) {
            return database.ownerDataSource();
        }

        @Bean
        FlywayConfigurationCustomizer appRolePlaceholder() {
            return configuration -> configuration.placeholders(java.util.Map.of("app_role", EmbeddedDatabase.APP_ROLE));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${hemonet.db.url:}'.isBlank()")
    static class External {

        /**
         * The primary's pool; with {@code hemonet.db.replica.url} ({@code HEMONET_DB_REPLICA_URL}) set, read-only
         * transactions go to that streaming replica instead ({@link ReplicaRoutingDataSource}, docs/scaling.md).
         */
        @Bean(destroyMethod = "close")
        @Primary
        DataSource dataSource(DatabaseProperties properties) {
            var db = properties.db();
            HikariDataSource primary = pool(db.url(), db.user(), db.password(), properties);
            var replica = db.replica();
            if (replica.url().isBlank()) {
                return primary;
            }
            boolean ownLogin = replica.user() != null && !replica.user().isBlank();
            HikariDataSource replicaPool = pool(
                    replica.url(),
                    ownLogin ? replica.user() : db.user(),
                    ownLogin ? replica.password() : db.password(),
                    properties);
            replicaPool.setPoolName("hemonet-replica");
            replicaPool.setReadOnly(true);
            replicaPool.addDataSourceProperty("ApplicationName", "hemonet-replica");
            return new ReplicaRoutingDataSource(primary, replicaPool);
        }

        @Bean
        @FlywayDataSource
        DataSource flywayDataSource(DatabaseProperties properties) {
            var db = properties.db();
            var ds = new PGSimpleDataSource();
            ds.setUrl(db.url());
            boolean separateOwner = db.owner() != null && !db.owner().isBlank();
            ds.setUser(separateOwner ? db.owner() : db.user());
            ds.setPassword(separateOwner ? db.ownerPassword() : db.password());
            return ds;
        }

        @Bean
        FlywayConfigurationCustomizer appRolePlaceholder(DatabaseProperties properties) {
            return configuration -> configuration.placeholders(
                    java.util.Map.of("app_role", properties.db().user()));
        }
    }

    private static HikariDataSource pool(String url, String user, String password, DatabaseProperties properties) {
        var ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(user);
        ds.setPassword(password);
        ds.setMaximumPoolSize(properties.db().poolSize());
        ds.setPoolName("hemonet");
        // shown in pg_stat_activity, so that an operator sees which connections are the application's
        ds.addDataSourceProperty("ApplicationName", "hemonet");
        // keep row values (possibly identifiers or clinical values) out of exception messages and logs (security.md
        // §16)
        ds.addDataSourceProperty("logServerErrorDetail", "false");
        return ds;
    }
}
