package org.hemonet.outcome;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures (does not assert) the time of one patient's outcomes over 10 years of diary: 5,200 infusions (prophylaxis
 * every other day) and 300 bleeds, over real HTTP (session, access check, audit write, JSON). Prints p50/p95 for
 * docs/benchmarks.md. Run: {@code ./mvnw -q -o test -Dtest=OutcomeTimingReport}.
 *
 * <p>With {@code -Doutcome.scale.patients=8000} it first fills the diary with a UK-sized network around that patient
 * (issue 6 "Scale"): 7,999 more patients with 10 years of prophylaxis every third day (≈ 10 million infusions) and three
 * bleeds a year each, so the timed reads go through indexes of production size.
 */
class OutcomeTimingReport extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BleedDiary diary;

    @LocalServerPort
    int port;

    @Test
    void outcomesOfTenYearsOfDiary() {
        UUID patient = jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
        Instant start = Instant.now().minus(3650, ChronoUnit.DAYS);
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, batch_number, dose, unit,
                            reason, recorded_by)
                        select gen_random_uuid(), :p, cast(:start as timestamptz) + make_interval(hours => 48 * g), gen_random_uuid(), 'B' || g,
                            2000, 'IU', 'PROPHYLAXIS', 'timing'
                        from generate_series(0, 1824) g""")
                .param("p", patient)
                .param("start", java.sql.Timestamp.from(start))
                .update();
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, batch_number, dose, unit,
                            reason, recorded_by)
                        select gen_random_uuid(), :p, cast(:start as timestamptz) + make_interval(hours => 17 * g), gen_random_uuid(), 'C' || g,
                            1000, 'IU', 'OTHER', 'timing'
                        from generate_series(0, 3374) g""")
                .param("p", patient)
                .param("start", java.sql.Timestamp.from(start))
                .update();
        jdbc.sql(
                        """
                        insert into diary.bleed (id, patient_id, started_at, site, cause, pain, recorded_by)
                        select gen_random_uuid(), :p, cast(:start as timestamptz) + make_interval(hours => 292 * g),
                            (array['LEFT_KNEE','RIGHT_ANKLE','LEFT_ELBOW','NOSE'])[1 + g % 4],
                            (array['SPONTANEOUS','TRAUMATIC'])[1 + g % 2], g % 11, 'timing'
                        from generate_series(0, 299) g""")
                .param("p", patient)
                .param("start", java.sql.Timestamp.from(start))
                .update();
        int networkPatients = Integer.getInteger("outcome.scale.patients", 0);
        String network = networkPatients > 1 ? fillNetwork(networkPatients - 1, start) : "";
        ApiClient api = new ApiClient(port).signIn("patient.tom");
        LocalDate to = LocalDate.now();
        String path = "/api/v1/patients/" + patient + "/outcomes?from=" + to.minusYears(10) + "&to=" + to;
        for (int i = 0; i < 50; i++) {
            api.get(path);
        }
        int runs = 300;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            var response = api.get(path);
            nanos[i] = System.nanoTime() - t0;
            assertThat(response.statusCode()).isEqualTo(200);
        }
        Arrays.sort(nanos);
        long[] readNanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            diary.entriesOf(patient);
            readNanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(readNanos);
        List<String> lines = new ArrayList<>();
        lines.add("outcomes, 10 years, 5,200 infusions + 300 bleeds" + network + ", " + runs + " runs:");
        lines.add("p50 " + nanos[runs / 2] / 1e6 + " ms, p95 " + nanos[(int) (runs * 0.95)] / 1e6 + " ms, max "
                + nanos[runs - 1] / 1e6 + " ms;");
        lines.add("of which reading the diary alone: p50 " + readNanos[runs / 2] / 1e6 + " ms, p95 "
                + readNanos[(int) (runs * 0.95)] / 1e6 + " ms");
        System.out.println("OUTCOME-TIMING " + String.join(" ", lines));
    }

    /** Background diaries of {@code others} generated patients; returns a description for the printed line. */
    private String fillNetwork(int others, Instant start) {
        long t0 = System.nanoTime();
        int perPatient = 3650 / 3;
        for (int done = 0; done < others; done += 500) {
            int batch = Math.min(500, others - done);
            jdbc.sql(
                            """
                            insert into diary.infusion (id, patient_id, administered_at, product_id, batch_number, dose,
                                unit, reason, recorded_by)
                            select gen_random_uuid(), p.id, cast(:start as timestamptz) + make_interval(hours => 72 * g),
                                p.product, 'N' || (g / 60), 2500, 'IU', 'PROPHYLAXIS', 'scale'
                            from (select gen_random_uuid() id, gen_random_uuid() product from generate_series(1, :n)) p
                            cross join generate_series(0, :per - 1) g""")
                    .param("start", java.sql.Timestamp.from(start))
                    .param("n", batch)
                    .param("per", perPatient)
                    .update();
        }
        jdbc.sql(
                        """
                        insert into diary.bleed (id, patient_id, started_at, site, cause, pain, recorded_by)
                        select gen_random_uuid(), i.patient_id, i.administered_at + interval '5 hours', 'LEFT_ANKLE',
                            'SPONTANEOUS', 4, 'scale'
                        from diary.infusion i where i.recorded_by = 'scale' and random() < 0.025""")
                .update();
        jdbc.sql("analyze diary.infusion").update();
        jdbc.sql("analyze diary.bleed").update();
        long rows = jdbc.sql("select count(*) from diary.infusion")
                .query(Long.class)
                .single();
        System.out.println("OUTCOME-TIMING network of " + (others + 1) + " patients, " + rows + " infusions, filled in "
                + (System.nanoTime() - t0) / 1_000_000_000 + " s");
        return " in a network of " + (others + 1) + " patients and " + rows + " infusions";
    }
}
