package org.hemonet.demo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes rows with PostgreSQL {@code COPY ... FROM STDIN} (the driver's {@link CopyManager}) on one connection in one
 * transaction: rows are buffered per table and, every few megabytes, copied table by table in {@link BulkTable} order
 * (so foreign keys hold) by a background thread while the generator fills the next buffers. Nothing is visible to
 * others until {@link #commit()}; on failure the transaction rolls back and nothing is half-written.
 */
final class CopyLoader implements RowSink, AutoCloseable {

    private static final int FLUSH_CHARS = 8 << 20;

    private final Connection connection;
    private final CopyManager copy;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "generate-copy");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong rowsWritten = new AtomicLong();
    private final Map<BulkTable, Long> counts = new EnumMap<>(BulkTable.class);
    private Map<BulkTable, StringBuilder> buffers = new EnumMap<>(BulkTable.class);
    private long bufferedChars;
    private long bufferedRows;
    private Future<?> pending;

    CopyLoader(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (var statement = connection.createStatement()) {
            // a bulk load: its durability is the commit at the end, not each page on the way
            statement.execute("set local synchronous_commit = off");
        }
    }

    @Override
    public void row(BulkTable table, Object... values) {
        StringBuilder buffer = buffers.computeIfAbsent(table, t -> new StringBuilder(1 << 16));
        int before = buffer.length();
        RowSink.encode(buffer, table, values);
        bufferedChars += buffer.length() - before;
        bufferedRows++;
        counts.merge(table, 1L, Long::sum);
        if (bufferedChars >= FLUSH_CHARS) {
            flush();
        }
    }

    /** Rows already copied into the database (not counting those still buffered). */
    long rowsWritten() {
        return rowsWritten.get();
    }

    /** Rows handed to the loader, per table. */
    Map<BulkTable, Long> counts() {
        return new EnumMap<>(counts);
    }

    /** Hands the buffered rows to the writer thread, after the previous batch has been written. */
    void flush() {
        Map<BulkTable, StringBuilder> batch = buffers;
        long rows = bufferedRows;
        buffers = new EnumMap<>(BulkTable.class);
        bufferedChars = 0;
        bufferedRows = 0;
        await();
        pending = writer.submit(() -> {
            for (Map.Entry<BulkTable, StringBuilder> entry : batch.entrySet()) {
                try {
                    copy.copyIn(
                            entry.getKey().copySql(),
                            new StringReader(entry.getValue().toString()));
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException(
                            "COPY into " + entry.getKey().table() + " failed: " + e, e);
                }
            }
            rowsWritten.addAndGet(rows);
            return null;
        });
    }

    private void await() {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pending = null;
        }
    }

    /** Copies what is left and commits the whole load. */
    void commit() throws SQLException {
        flush();
        await();
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        writer.shutdownNow();
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } finally {
            connection.setAutoCommit(true);
            connection.close();
        }
    }
}
