package org.hemonet.report;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many rows have been written to each schema so far, as PostgreSQL's cumulative statistics count them
 * ({@code pg_stat_user_tables}: rows inserted, updated and deleted, aborted transactions included). The figure only
 * grows (or jumps when someone resets the statistics), so a different figure means "something in these schemas may
 * have changed" and the same figure "nothing committed there has been counted since". A backend reports its counts
 * after its transaction ends, at most once a second and within about ten seconds when it then sits idle
 * (PostgreSQL 15+), so a change is seen within seconds and never before it is committed. Read at most once a second
 * ({@link #current}); {@link #fresh} reads now. Used by {@link ReportSnapshots} (issue 14).
 */
@Component
class SchemaChanges {

    private record Counts(long readAtNanos, Map<String, Long> bySchema) {}

    private static final long CACHE_NANOS = 1_000_000_000L;

    private final JdbcClient jdbc;

    private final AtomicReference<Counts> cached = new AtomicReference<>();

    SchemaChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether PostgreSQL counts rows at all ({@code track_counts}); without it nothing would ever look changed. */
    boolean counting() {
        return "on"
                .equals(jdbc.sql("select current_setting('track_counts')")
                        .query(String.class)
                        .single());
    }

    /** The rows written to {@code schemas} so far, as read within the last second. */
    long current(Set<String> schemas) {
        Counts counts = cached.get();
        if (counts == null || System.nanoTime() - counts.readAtNanos() > CACHE_NANOS) {
            counts = read();
        }
        return sum(counts, schemas);
    }

    /** The rows written to {@code schemas} so far, read now. */
    long fresh(Set<String> schemas) {
        return sum(read(), schemas);
    }

    private static long sum(Counts counts, Set<String> schemas) {
        return schemas.stream()
                .mapToLong(s -> counts.bySchema().getOrDefault(s, 0L))
                .sum();
    }

    private Counts read() {
        Map<String, Long> bySchema = jdbc
                .sql(
                        """
                        select schemaname, coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) as written
                        from pg_stat_user_tables group by schemaname
                        """)
                .query((rs, n) -> Map.entry(rs.getString("schemaname"), rs.getLong("written")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Counts counts = new Counts(System.nanoTime(), bySchema);
        cached.set(counts);
        return counts;
    }
}
