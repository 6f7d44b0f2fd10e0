package org.hemonet.shared.database;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Storage settings.
 *
 * @param dataDir directory for the embedded database and other local data ({@code HEMONET_DATA_DIR}, default
 *     {@code ./data})
 * @param db an external PostgreSQL server; empty url means embedded
 */
@ConfigurationProperties("hemonet")
public record DatabaseProperties(@DefaultValue("./data") String dataDir, @DefaultValue Db db) {

    public record Db(
            @DefaultValue("") String url,
            @DefaultValue("") String user,
            @DefaultValue("") String password,
            @Nullable String owner,
            @Nullable String ownerPassword,
            @DefaultValue("20") int poolSize,
            @DefaultValue Replica replica) {}

    /**
     * A PostgreSQL streaming replica of the server above for read-only transactions (issue 14, docs/scaling.md);
     * empty url: none, everything goes to the primary. User and password default to the primary's.
     */
    public record Replica(@DefaultValue("") String url, @Nullable String user, @Nullable String password) {}
}
