package org.hemonet.outcome.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures (does not assert a time) the "patients needing attention" read model for a real centre's 600 patients, each
 * with 3 years of diary (prophylaxis every other day, 10 bleeds a year, each treated once) and a prophylaxis plan:
 * the batched diary, entry-span and schedule reads and the rules, without the patient search before them — cold (every
 * patient computed), kept (issue 14: nothing changed), and after ten patients' diaries changed. Run:
 * {@code ./mvnw -q -o test -Dtest=AttentionTimingReport}.
 */
class AttentionTimingReport extends IntegrationTest {

    static final int PATIENTS = 600;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AttentionList attention;

    @Autowired
    org.hemonet.diary.BleedDiary diary;

    @Autowired
    org.hemonet.diary.ScheduledDoses schedule;

    @Test
    void attentionReadModelOfSixHundredPatients() {
        UUID centre = jdbc.sql("select id from centre.centre where code = 'EAST'")
                .query(UUID.class)
                .single();
        UUID product = jdbc.sql("select id from product.product order by id limit 1")
                .query(UUID.class)
                .single();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < PATIENTS; i++) {
            ids.add(UUID.randomUUID());
        }
        UUID[] array = ids.toArray(UUID[]::new);
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit, reason,
                            recorded_by)
                        select gen_random_uuid(), p, now() - make_interval(hours => 48 * g), :product, 2000, 'IU',
                            'PROPHYLAXIS', 'timing'
                        from unnest(cast(:ids as uuid[])) p, generate_series(1, 547) g""")
                .param("ids", array)
                .param("product", product)
                .update();
        jdbc.sql(
                        """
                        insert into diary.bleed (id, patient_id, started_at, site, cause, pain, recorded_by)
                        select gen_random_uuid(), p, now() - make_interval(hours => 876 * g + 5),
                            (array['LEFT_KNEE','RIGHT_ANKLE','LEFT_ELBOW','NOSE'])[1 + g % 4],
                            (array['SPONTANEOUS','TRAUMATIC'])[1 + g % 2], g % 11, 'timing'
                        from unnest(cast(:ids as uuid[])) p, generate_series(1, 30) g""")
                .param("ids", array)
                .update();
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit, reason,
                            bleed_id, recorded_by)
                        select gen_random_uuid(), b.patient_id, b.started_at + interval '1 hour', :product, 3000, 'IU',
                            'BLEED', b.id, 'timing'
                        from diary.bleed b where b.recorded_by = 'timing'""")
                .param("product", product)
                .update();
        jdbc.sql(
                        """
                        insert into supply.treatment_plan (id, patient_id, centre_id, regimen, product_id, unit, dose,
                            schedule_kind, schedule_interval, dose_time, time_zone, valid_from, prescriber_id,
                            prescriber_name)
                        select gen_random_uuid(), p, :centre, 'PROPHYLAXIS', :product, 'IU', 2000, 'EVERY_N_DAYS', 2,
                            '08:00', 'Europe/London', :from, p, 'timing'
                        from unnest(cast(:ids as uuid[])) p""")
                .param("ids", array)
                .param("centre", centre)
                .param("product", product)
                .param("from", LocalDate.now().minusYears(3))
                .update();
        jdbc.sql("analyze").update();

        java.util.Map<UUID, java.time.ZoneId> zones = new java.util.HashMap<>();
        ids.forEach(id -> zones.put(id, java.time.ZoneId.of("Europe/London")));
        // cold: every patient computed (the first view, or after every diary changed)
        long cold = System.nanoTime();
        attention.reasonsFor(zones, Instant.now());
        double coldMs = (System.nanoTime() - cold) / 1e6;
        int runs = 20;
        long[] nanos = new long[runs];
        int flagged = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            flagged = attention.reasonsFor(zones, Instant.now()).size();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "ATTENTION-TIMING %d patients, %d flagged: cold %.1f ms; kept: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                PATIENTS,
                flagged,
                coldMs,
                nanos[runs / 2] / 1e6,
                nanos[(int) Math.ceil(runs * 0.95) - 1] / 1e6,
                nanos[runs - 1] / 1e6);
        // ten patients sync an infusion: only they are computed again
        UUID[] ten = Arrays.copyOf(array, 10);
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit, reason,
                            recorded_by)
                        select gen_random_uuid(), p, now(), :product, 2000, 'IU', 'PROPHYLAXIS', 'timing'
                        from unnest(cast(:ids as uuid[])) p""")
                .param("ids", ten)
                .param("product", product)
                .update();
        long before = attention.recomputed();
        long t10 = System.nanoTime();
        attention.reasonsFor(zones, Instant.now());
        System.out.printf(
                "ATTENTION-CHANGED 10 patients changed: %.1f ms, %d recomputed%n",
                (System.nanoTime() - t10) / 1e6, attention.recomputed() - before);
        // the parts, once each, to see where the time goes
        Instant now = Instant.now();
        Instant since = now.minus(java.time.Duration.ofDays(91));
        long t0 = System.nanoTime();
        var entries = diary.factsOf(ids, since);
        long t1 = System.nanoTime();
        diary.entrySpans(ids);
        long t2 = System.nanoTime();
        schedule.dosesBetween(ids, since, now);
        long t3 = System.nanoTime();
        System.out.printf(
                "ATTENTION-PARTS entries %.1f ms (%d infusions), spans %.1f ms, doses %.1f ms; load %s%n",
                (t1 - t0) / 1e6,
                entries.values().stream().mapToInt(e -> e.infusions().size()).sum(),
                (t2 - t1) / 1e6,
                (t3 - t2) / 1e6,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        assertThat(nanos[runs - 1]).isPositive();
    }
}
