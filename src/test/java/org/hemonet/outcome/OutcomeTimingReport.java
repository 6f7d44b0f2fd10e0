package org.hemonet.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hemonet.diary.BleedDiary;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures (does not assert on time) one patient's outcomes over 10 years of diary: 5,200 infusions and 300 bleeds,
 * over real HTTP (session, access check, audit write, JSON). Prints p50/p95 for docs/benchmarks.md. Run:
 * {@code ./mvnw -q -o test -Dtest=OutcomeTimingReport}.
 *
 * <p>With {@code -Doutcome.scale.patients=8000} the diary is a UK-sized network (issue 6 "Scale"): 7,999 more patients
 * with 10 years of prophylaxis every third day (≈ 10 million infusions) and about three bleeds a year each, written
 * month by month in time order as a live system writes them, so the timed patient's rows lie scattered among everyone
 * else's. Timed twice: straight after the load (autovacuum may have run during it, as in production) and after an
 * explicit {@code VACUUM}, the steady state autovacuum keeps (see the diary migration V20261128_0800).
 */
class OutcomeTimingReport extends IntegrationTest {

    private static final int RUNS = 300;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BleedDiary diary;

    @LocalServerPort
    int port;

    @Test
    void outcomesOfTenYearsOfDiary() throws SQLException {
        UUID patient = jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
        Instant start = Instant.now().minus(3650, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        int networkPatients = Integer.getInteger("outcome.scale.patients", 0);
        List<String> lines = new ArrayList<>();
        try (Connection owner = TestDatabase.embedded().ownerDataSource().getConnection();
                Statement sql = owner.createStatement()) {
            long t0 = System.nanoTime();
            int others = Math.max(0, networkPatients - 1);
            // 30-day slices in time order; each slice writes everyone's infusions and bleeds of that month, sorted by
            // time
            for (int day = 0; day < 3650; day += 30) {
                String from = "timestamptz '" + start + "' + interval '" + day + " days'";
                String to = "timestamptz '" + start + "' + interval '" + Math.min(day + 30, 3650) + " days'";
                sql.execute(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, batch_number, dose, unit,
                            reason, recorded_by)
                        select * from (
                            select gen_random_uuid(), '%1$s'::uuid, t, md5('timed-product')::uuid, 'B' || g, 2000, 'IU',
                                'PROPHYLAXIS', 'timing'
                            from generate_series(0, 1824) g, lateral (select %2$s + make_interval(hours => 48 * g) t) x
                            where t >= %3$s and t < %4$s
                            union all
                            select gen_random_uuid(), '%1$s'::uuid, t, md5('timed-product')::uuid, 'C' || g, 1000, 'IU',
                                'OTHER', 'timing'
                            from generate_series(0, 3374) g, lateral (select %2$s + make_interval(hours => 17 * g) t) x
                            where t >= %3$s and t < %4$s
                            union all
                            select gen_random_uuid(), md5('scale-patient-' || p)::uuid, t,
                                md5('scale-product-' || p %% 40)::uuid, 'N' || (g / 60), 2500, 'IU', 'PROPHYLAXIS', 'scale'
                            from generate_series(1, %5$d) p, generate_series(0, 1216) g,
                                lateral (select %2$s + make_interval(hours => 72 * g + p %% 72) t) x
                            where t >= %3$s and t < %4$s
                        ) rows order by 3"""
                                .formatted(patient, "timestamptz '" + start + "'", from, to, others));
                sql.execute(
                        """
                        insert into diary.bleed (id, patient_id, started_at, site, cause, pain, recorded_by)
                        select * from (
                            select gen_random_uuid(), '%1$s'::uuid, t,
                                (array['LEFT_KNEE','RIGHT_ANKLE','LEFT_ELBOW','NOSE'])[1 + g %% 4],
                                (array['SPONTANEOUS','TRAUMATIC'])[1 + g %% 2], g %% 11, 'timing'
                            from generate_series(0, 299) g, lateral (select %2$s + make_interval(hours => 292 * g) t) x
                            where t >= %3$s and t < %4$s
                            union all
                            select gen_random_uuid(), md5('scale-patient-' || p)::uuid, t, 'LEFT_ANKLE', 'SPONTANEOUS', 4,
                                'scale'
                            from generate_series(1, %5$d) p, generate_series(0, 29) k,
                                lateral (select %2$s + make_interval(hours => 2920 * k + (p * 37) %% 2920) t) x
                            where t >= %3$s and t < %4$s
                        ) rows order by 3"""
                                .formatted(patient, "timestamptz '" + start + "'", from, to, others));
            }
            sql.execute("analyze diary.infusion");
            sql.execute("analyze diary.bleed");
            long rows = jdbc.sql("select count(*) from diary.infusion")
                    .query(Long.class)
                    .single();
            String network = "in a network of " + (others + 1) + " patients and " + rows + " infusions (filled in "
                    + (System.nanoTime() - t0) / 1_000_000_000 + " s)";
            System.out.println("OUTCOME-TIMING " + network);
            ApiClient api = new ApiClient(port).signIn("patient.tom");
            LocalDate today = LocalDate.now();
            String path = "/api/v1/patients/" + patient + "/outcomes?from=" + today.minusYears(10) + "&to=" + today;
            lines.add("outcomes, 10 years, 5,200 infusions + 300 bleeds " + network + ", " + RUNS + " runs each.");
            lines.add("Before VACUUM: " + measure(api, path, patient) + ".");
            sql.execute("vacuum analyze diary.infusion");
            sql.execute("vacuum analyze diary.bleed");
            lines.add("After VACUUM: " + measure(api, path, patient) + ".");
        }
        System.out.println("OUTCOME-TIMING " + String.join(" ", lines));
    }

    /** Whole requests, then the diary read alone (what the endpoint reads, and every column for comparison). */
    private String measure(ApiClient api, String path, UUID patient) {
        for (int i = 0; i < 50; i++) {
            api.get(path);
        }
        long[] request = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            var response = api.get(path);
            request[i] = System.nanoTime() - t0;
            assertThat(response.statusCode()).isEqualTo(200);
        }
        long[] facts = time(() -> diary.factsOf(patient));
        long[] entries = time(() -> diary.entriesOf(patient));
        return "request " + percentiles(request) + "; of which the diary read (factsOf) " + percentiles(facts)
                + "; every column (entriesOf) " + percentiles(entries);
    }

    private static long[] time(Runnable read) {
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            read.run();
            nanos[i] = System.nanoTime() - t0;
        }
        return nanos;
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return "p50 %.1f ms, p95 %.1f ms, max %.1f ms"
                .formatted(
                        sorted[sorted.length / 2] / 1e6,
                        sorted[(int) (sorted.length * 0.95)] / 1e6,
                        sorted[sorted.length - 1] / 1e6);
    }
}
