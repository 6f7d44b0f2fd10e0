package org.hemonet.shared.database;

import java.io.Closeable;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The application's DataSource when a streaming replica is configured (issue 14, docs/scaling.md): a transaction
 * marked read-only ({@code @Transactional(readOnly = true)}, or a {@code TransactionTemplate} set read-only) runs on
 * the replica; every other transaction, and every statement outside a transaction, runs on the primary.
 *
 * <p>Spring's {@link LazyConnectionDataSourceProxy} does the routing: the transaction manager marks the proxy's
 * connection read-only before any statement runs, and the proxy fetches the real connection from the read-only pool
 * only then. What must see its own writes (a sync's answer, an audit event, a page after a save) is therefore written
 * and read inside one read-write transaction, or read outside any read-only one. Closing it closes both pools.
 */
final class ReplicaRoutingDataSource extends LazyConnectionDataSourceProxy implements Closeable {

    private final DataSource primary;
    private final DataSource replica;

    ReplicaRoutingDataSource(DataSource primary, DataSource replica) {
        super(primary);
        setReadOnlyDataSource(replica);
        this.primary = primary;
        this.replica = replica;
        afterPropertiesSet();
    }

    DataSource primary() {
        return primary;
    }

    DataSource replica() {
        return replica;
    }

    @Override
    public void close() throws IOException {
        try {
            closeIfCloseable(replica);
        } finally {
            closeIfCloseable(primary);
        }
    }

    private static void closeIfCloseable(DataSource dataSource) throws IOException {
        if (dataSource instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
