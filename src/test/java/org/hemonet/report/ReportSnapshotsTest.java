package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboards' snapshots (issue 14): held figures while the schemas they read are unchanged, a background
 * recomputation once they changed, the held figures served meanwhile; and PostgreSQL's row counts, on the real
 * database, moving once a committed write has been reported.
 */
class ReportSnapshotsTest extends IntegrationTest {

    @Autowired
    SchemaChanges changes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    /** Row counts set by the test. */
    static final class FakeChanges extends SchemaChanges {
        final AtomicLong count = new AtomicLong();

        FakeChanges() {
            super(null);
        }

        @Override
        boolean counting() {
            return true;
        }

        @Override
        long current(Set<String> schemas) {
            return count.get();
        }

        @Override
        long fresh(Set<String> schemas) {
            return count.get();
        }
    }

    @Test
    void heldWhileUnchangedThenRecomputedInTheBackgroundOnceChanged() throws Exception {
        FakeChanges fake = new FakeChanges();
        ReportSnapshots snapshots = new ReportSnapshots(fake, true, Duration.ZERO);
        AtomicInteger computed = new AtomicInteger();
        AtomicInteger figure = new AtomicInteger(10);
        Set<String> schemas = Set.of("supply");
        var compute = (java.util.function.Supplier<Integer>) () -> {
            computed.incrementAndGet();
            return figure.get();
        };

        assertThat(snapshots.get("r", schemas, List.of(1), compute)).isEqualTo(10);
        figure.set(11); // the rows changed, but the statistics have not reported it yet
        assertThat(snapshots.get("r", schemas, List.of(1), compute)).isEqualTo(10);
        assertThat(computed).hasValue(1);

        fake.count.incrementAndGet(); // now they have
        assertThat(snapshots.get("r", schemas, List.of(1), compute))
                .as("the held figures while the new ones are computed")
                .isEqualTo(10);
        snapshots.awaitRefresh();
        assertThat(snapshots.get("r", schemas, List.of(1), compute)).isEqualTo(11);
        assertThat(computed).hasValue(2);
        assertThat(snapshots.get("r", schemas, List.of(1), compute)).isEqualTo(11);
        assertThat(computed).as("no further computation while unchanged").hasValue(2);

        // other parameters are other figures
        figure.set(20);
        assertThat(snapshots.get("r", schemas, List.of(2), compute)).isEqualTo(20);
        assertThat(snapshots.get("r", schemas, List.of(1), compute)).isEqualTo(11);
        snapshots.stop();
    }

    /** Row counts per schema, set by the test. */
    static final class FakeSchemaChanges extends SchemaChanges {
        final java.util.Map<String, Long> counts = new java.util.concurrent.ConcurrentHashMap<>();

        FakeSchemaChanges() {
            super(null);
        }

        @Override
        boolean counting() {
            return true;
        }

        @Override
        long current(Set<String> schemas) {
            return schemas.stream().mapToLong(s -> counts.getOrDefault(s, 0L)).sum();
        }

        @Override
        long fresh(Set<String> schemas) {
            return current(schemas);
        }

        void write(String schema) {
            counts.merge(schema, 1L, Long::sum);
        }
    }

    @Test
    void aKeptPartIsComputedAgainOnlyWhenItsOwnSchemasChangeAndAtOnce() {
        FakeSchemaChanges fake = new FakeSchemaChanges();
        ReportSnapshots snapshots = new ReportSnapshots(fake, true, Duration.ofHours(1));
        AtomicInteger computed = new AtomicInteger();
        AtomicInteger figure = new AtomicInteger(1);
        var compute = (java.util.function.Supplier<Integer>) () -> {
            computed.incrementAndGet();
            return figure.get();
        };
        Set<String> scores = Set.of("outcome", "survey");

        assertThat(snapshots.kept("part", scores, List.of(2025), compute)).isEqualTo(1);
        figure.set(2);
        fake.write("diary"); // another schema: the part stands
        assertThat(snapshots.kept("part", scores, List.of(2025), compute)).isEqualTo(1);
        assertThat(computed).hasValue(1);

        fake.write("survey"); // its own: computed again in the caller, not later, whatever the refresh interval
        assertThat(snapshots.kept("part", scores, List.of(2025), compute)).isEqualTo(2);
        assertThat(computed).hasValue(2);
        assertThat(snapshots.kept("part", scores, List.of(2025), compute)).isEqualTo(2);
        assertThat(computed).hasValue(2);

        // other parameters are another part; off, every call computes
        assertThat(snapshots.kept("part", scores, List.of(2024), compute)).isEqualTo(2);
        assertThat(computed).hasValue(3);
        ReportSnapshots off = new ReportSnapshots(fake, false, Duration.ZERO);
        off.kept("part", scores, List.of(2025), compute);
        off.kept("part", scores, List.of(2025), compute);
        assertThat(computed).hasValue(5);
        snapshots.stop();
        off.stop();
    }

    @Test
    void aFailedRecomputationKeepsTheLastFiguresAndTheNextChangeTriesAgain() throws Exception {
        FakeChanges fake = new FakeChanges();
        ReportSnapshots snapshots = new ReportSnapshots(fake, true, Duration.ZERO);
        AtomicInteger calls = new AtomicInteger();
        var compute = (java.util.function.Supplier<String>) () -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("database away");
            }
            return "figures " + calls.get();
        };
        assertThat(snapshots.get("r", Set.of("diary"), List.of(), compute)).isEqualTo("figures 1");
        fake.count.incrementAndGet();
        snapshots.get("r", Set.of("diary"), List.of(), compute);
        snapshots.awaitRefresh();
        assertThat(snapshots.get("r", Set.of("diary"), List.of(), compute)).isEqualTo("figures 1");
        snapshots.awaitRefresh();
        assertThat(snapshots.get("r", Set.of("diary"), List.of(), compute)).isEqualTo("figures 3");
        snapshots.stop();
    }

    @Test
    void atMostOneRecomputationPerMinimumIntervalAndOffComputesEveryView() throws Exception {
        FakeChanges fake = new FakeChanges();
        ReportSnapshots slow = new ReportSnapshots(fake, true, Duration.ofHours(1));
        AtomicInteger computed = new AtomicInteger();
        slow.get("r", Set.of("diary"), List.of(), computed::incrementAndGet);
        fake.count.incrementAndGet();
        slow.get("r", Set.of("diary"), List.of(), computed::incrementAndGet);
        slow.awaitRefresh();
        assertThat(slow.get("r", Set.of("diary"), List.of(), computed::incrementAndGet))
                .isEqualTo(1);
        slow.stop();

        ReportSnapshots off = new ReportSnapshots(fake, false, Duration.ZERO);
        AtomicInteger views = new AtomicInteger();
        off.get("r", Set.of("diary"), List.of(), views::incrementAndGet);
        assertThat(off.get("r", Set.of("diary"), List.of(), views::incrementAndGet))
                .isEqualTo(2);
        off.stop();
    }

    @Test
    void keepsAtMostTheMostRecentlyViewedParameterSets() {
        FakeChanges fake = new FakeChanges();
        ReportSnapshots snapshots = new ReportSnapshots(fake, true, Duration.ZERO);
        for (int i = 0; i < ReportSnapshots.MAX_ENTRIES + 10; i++) {
            int n = i;
            snapshots.get("r", Set.of("diary"), List.of(n), () -> n);
        }
        assertThat(snapshots.size()).isEqualTo(ReportSnapshots.MAX_ENTRIES);
        AtomicInteger computed = new AtomicInteger();
        assertThat(snapshots.get("r", Set.of("diary"), List.of(0), computed::incrementAndGet))
                .as("the first, least recently viewed, was dropped and is computed again")
                .isEqualTo(1);
        snapshots.stop();
    }

    @Test
    void postgresCountsACommittedWriteToASchemaAndTheSnapshotFollows() throws Exception {
        var site = TestNetwork.in(context).centre("Snapshot");
        ReportSnapshots snapshots = new ReportSnapshots(changes, true, Duration.ZERO);
        var compute =
                (java.util.function.Supplier<String>) () -> jdbc.sql("select name from centre.centre where id = ?")
                        .param(site.centreId())
                        .query(String.class)
                        .single();
        String before = snapshots.get("name", Set.of("centre"), List.of(site.centreId()), compute);
        long counted = changes.fresh(Set.of("centre"));
        try (Connection c = dataSource.getConnection();
                var update = c.prepareStatement("update centre.centre set name = name || ' renamed' where id = ?")) {
            c.setAutoCommit(true);
            update.setObject(1, site.centreId());
            assertThat(update.executeUpdate()).isEqualTo(1);
            try (var flush = c.createStatement()) {
                // report this backend's counts now rather than when it next falls idle (PostgreSQL 15+; where the
                // role may not call it, the backend reports them within about ten seconds anyway)
                flush.execute("select pg_stat_force_next_flush()");
                flush.execute("select 1");
            } catch (java.sql.SQLException e) {
                // waited for below
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (changes.fresh(Set.of("centre")) == counted && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(changes.fresh(Set.of("centre"))).isGreaterThan(counted);
        assertThat(changes.fresh(Set.of("no_such_schema"))).isZero();

        Thread.sleep(1_100); // past the second for which current() keeps its reading
        snapshots.get("name", Set.of("centre"), List.of(site.centreId()), compute);
        snapshots.awaitRefresh();
        assertThat(snapshots.get("name", Set.of("centre"), List.of(site.centreId()), compute))
                .isEqualTo(before + " renamed");
        snapshots.stop();
    }

    @Test
    void aSecondViewDuringTheFirstComputationWaitsForItInsteadOfComputingBesideIt() throws Exception {
        ReportSnapshots snapshots = new ReportSnapshots(new FakeChanges(), true, Duration.ZERO);
        AtomicInteger computations = new AtomicInteger();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.function.Supplier<String> slow = () -> {
            computations.incrementAndGet();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "figures";
        };
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(() -> snapshots.get("slow", Set.of("diary"), List.of(2025), slow));
            started.await();
            var second = two.submit(() -> snapshots.get("slow", Set.of("diary"), List.of(2025), slow));
            Thread.sleep(200);
            assertThat(second.isDone()).as("waits for the first computation").isFalse();
            release.countDown();
            assertThat(first.get()).isEqualTo("figures");
            assertThat(second.get()).isEqualTo("figures");
            assertThat(computations).hasValue(1);
        } finally {
            two.shutdownNow();
            snapshots.stop();
        }
    }

    @Test
    void aFailedFirstComputationIsReportedToThoseWaitingAndTriedAgainByTheNext() {
        ReportSnapshots snapshots = new ReportSnapshots(new FakeChanges(), true, Duration.ZERO);
        AtomicInteger calls = new AtomicInteger();
        java.util.function.Supplier<String> flaky = () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database gone");
            }
            return "figures";
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> snapshots.get("flaky", Set.of("diary"), List.of(1), flaky))
                .hasMessage("database gone");
        assertThat(snapshots.get("flaky", Set.of("diary"), List.of(1), flaky)).isEqualTo("figures");
        snapshots.stop();
    }
}
