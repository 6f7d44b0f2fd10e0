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
            @DefaultValue("20") int poolSize) {}
}
