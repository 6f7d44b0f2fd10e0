package org.hemonet.report;

import jakarta.annotation.PreDestroy;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The network dashboards' figures kept ready (issue 14, "not recomputed per page view"): each report, for each set of
 * parameters it has been asked for, is computed once and kept with the {@link SchemaChanges} count of the schemas it
 * reads. A view while that count is unchanged is served from memory; a view after it moved is served the figures
 * held, and starts one recomputation in the background (one at a time, at most every {@code min-refresh}), whose
 * result the next view gets. So a new delivery or diary entry shows in the dashboard within seconds (the statistics'
 * delay plus one computation) and a page view never waits for a computation except the first of its parameters. The
 * figures are those of the report's own computation, so they equal the same report computed straight from the rows.
 *
 * <p>Access checks, auditing and disclosure decisions that depend on who asks stay outside: only figures that are
 * the same for every reader are kept. Off ({@code hemonet.report.snapshots.enabled=false}) every view computes; the
 * test suite runs so, since its tests write and read back at once (ReportSnapshotsTest checks this class).
 */
@Component
class ReportSnapshots {

    private static final Logger log = LoggerFactory.getLogger(ReportSnapshots.class);

    /** Parameter sets kept at most; the least recently viewed go first. */
    static final int MAX_ENTRIES = 256;

    record Key(String report, List<?> parameters) {}

    private static final class Entry {
        final Object value;
        final long changes;
        final long computedAtNanos;
        final AtomicBoolean refreshing = new AtomicBoolean();
        volatile long viewedAtNanos;

        Entry(Object value, long changes) {
            this.value = value;
            this.changes = changes;
            this.computedAtNanos = System.nanoTime();
            this.viewedAtNanos = computedAtNanos;
        }
    }

    private final SchemaChanges changes;
    private final boolean enabled;
    private final long minRefreshNanos;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    /** First computations under way: a second view of the same parameters waits for the first's, not beside it. */
    private final Map<Key, java.util.concurrent.CompletableFuture<Object>> firsts = new ConcurrentHashMap<>();

    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "report-snapshots");
        thread.setDaemon(true);
        return thread;
    });

    ReportSnapshots(
            SchemaChanges changes,
            @Value("${hemonet.report.snapshots.enabled:true}") boolean enabled,
            @Value("${hemonet.report.snapshots.min-refresh:2s}") java.time.Duration minRefresh) {
        this.changes = changes;
        this.minRefreshNanos = minRefresh.toNanos();
        boolean counting = true;
        if (enabled) {
            try {
                counting = changes.counting();
            } catch (RuntimeException e) {
                counting = false;
            }
            if (!counting) {
                log.warn("PostgreSQL does not count row changes (track_counts is off): dashboards compute per view");
            }
        }
        this.enabled = enabled && counting;
    }

    /**
     * The figures of {@code report} for {@code parameters}, which read the tables of {@code schemas}: held ones while
     * those schemas are unchanged, else held ones while a fresh computation runs in the background.
     */
    @SuppressWarnings("unchecked")
    <T> T get(String report, Set<String> schemas, List<?> parameters, Supplier<T> compute) {
        if (!enabled) {
            return compute.get();
        }
        Key key = new Key(report, parameters);
        Entry entry = entries.get(key);
        if (entry == null) {
            return (T) first(key, schemas, compute);
        }
        entry.viewedAtNanos = System.nanoTime();
        if (entry.changes != changes.current(schemas)
                && System.nanoTime() - entry.computedAtNanos >= minRefreshNanos
                && entry.refreshing.compareAndSet(false, true)) {
            try {
                refresher.execute(() -> refresh(key, entry, schemas, compute));
            } catch (RejectedExecutionException e) {
                entry.refreshing.set(false);
            }
        }
        return (T) entry.value;
    }

    /**
     * The first computation of a key: one at a time per key, the others asking meanwhile wait for it (a dashboard
     * opened by several analysts at once, or the warm-up at start, costs one computation, not one each).
     */
    private Object first(Key key, Set<String> schemas, Supplier<?> compute) {
        java.util.concurrent.CompletableFuture<Object> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Object> running = firsts.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Entry held = entries.get(key);
            if (held != null) {
                mine.complete(held.value);
                return held.value;
            }
            long before = changes.fresh(schemas);
            Object value = compute.get();
            trim();
            entries.put(key, new Entry(value, before));
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            firsts.remove(key, mine);
        }
    }

    /**
     * A part of a computation, kept while the schemas it reads are unchanged and otherwise computed now, in the calling
     * thread (never from a background refresh that would leave it behind): for the parts of a report that read other
     * schemas than the whole, so that a refresh caused by a new diary entry does not read the joint scores or the
     * registry again (issue 18, speed). The count is read before computing, so a change during the computation is
     * computed again next time; off, every call computes.
     */
    @SuppressWarnings("unchecked")
    <T> T kept(String part, Set<String> schemas, List<?> parameters, Supplier<T> compute) {
        if (!enabled) {
            return compute.get();
        }
        Key key = new Key(part, parameters);
        long now = changes.fresh(schemas);
        Entry entry = entries.get(key);
        if (entry != null && entry.changes == now) {
            entry.viewedAtNanos = System.nanoTime();
            return (T) entry.value;
        }
        T value = compute.get();
        trim();
        entries.put(key, new Entry(value, now));
        return value;
    }

    /** Whether figures are kept at all (off in the test suite, or when PostgreSQL does not count row changes). */
    boolean enabled() {
        return enabled;
    }

    private void refresh(Key key, Entry old, Set<String> schemas, Supplier<?> compute) {
        try {
            long before = changes.fresh(schemas);
            Entry fresh = new Entry(compute.get(), before);
            fresh.viewedAtNanos = old.viewedAtNanos;
            entries.replace(key, old, fresh);
        } catch (RuntimeException e) {
            log.warn("Recomputing {} failed; its last figures stay: {}", key.report(), e.toString());
        } finally {
            old.refreshing.set(false);
        }
    }

    /** Drops the least recently viewed entries beyond {@link #MAX_ENTRIES}. */
    private void trim() {
        int excess = entries.size() + 1 - MAX_ENTRIES;
        if (excess > 0) {
            entries.entrySet().stream()
                    .sorted(Comparator.comparingLong(e -> e.getValue().viewedAtNanos))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(entries::remove);
        }
    }

    /** Waits for the refresh running now, if any (tests). */
    void awaitRefresh() throws Exception {
        refresher.submit(() -> {}).get();
    }

    int size() {
        return entries.size();
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
