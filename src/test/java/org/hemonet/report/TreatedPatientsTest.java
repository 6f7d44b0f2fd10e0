package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.hemonet.diary.BleedDiary;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.hemonet.survey.SurveyResults;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The patients treated in a year (clinical.md §9), kept between refreshes of the centres compared and asked again only
 * for patients whose diary moved (issue 18, speed): after every change of a seeded random sequence of infusions
 * written, voided and moved across the year's edges, by SQL as any writer would, the kept set equals the set read
 * straight from the rows.
 */
class TreatedPatientsTest extends IntegrationTest {

    private static final int YEAR = 2017;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private MoreMeasuresSource source(boolean keep) {
        ReportSnapshots snapshots = new ReportSnapshots(context.getBean(SchemaChanges.class), keep, Duration.ZERO);
        return new MoreMeasuresSource(
                context.getBean(BenchmarkQueries.class),
                context.getBean(BleedDiary.class),
                context.getBean(SurveyResults.class),
                context.getBean(NetworkTime.class),
                snapshots);
    }

    private UUID infusion(UUID patient, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit, reason,
                            recorded_by)
                        values (:id, :p, :at, :product, 1000, 'IU', 'PROPHYLAXIS', 'treated-test')""")
                .param("id", id)
                .param("p", patient)
                .param("at", java.sql.Timestamp.from(at))
                .param("product", UUID.randomUUID())
                .update();
        return id;
    }

    @Test
    void theKeptSetEqualsTheRowsAfterEveryChange() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Treated");
        List<UUID> patients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            patients.add(site.patient("T" + i, "Treated").patientId());
        }
        MoreMeasuresSource kept = source(true);
        MoreMeasuresSource straight = source(false);
        java.time.ZoneId zone = context.getBean(NetworkTime.class).zone();
        Instant start = java.time.LocalDate.of(YEAR, 1, 1).atStartOfDay(zone).toInstant();
        Instant end = java.time.LocalDate.of(YEAR + 1, 1, 1).atStartOfDay(zone).toInstant();
        // inside the year, on its first and last instants, and just outside it on either side
        List<Instant> times =
                List.of(start, start.plusSeconds(86_400 * 100), end.minusSeconds(1), start.minusSeconds(1), end);

        assertThat(kept.treated(YEAR, patients)).isEmpty();
        Random random = new Random(17);
        List<UUID> living = new ArrayList<>();
        int changes = 0;
        for (int step = 0; step < 40; step++) {
            int action = random.nextInt(3);
            if (action == 0 || living.isEmpty()) {
                UUID patient = patients.get(random.nextInt(patients.size()));
                living.add(infusion(patient, times.get(random.nextInt(times.size()))));
            } else if (action == 1) {
                UUID voided = living.remove(random.nextInt(living.size()));
                jdbc.sql("update diary.infusion set voided_at = now(), void_reason = 'entered twice' where id = :id")
                        .param("id", voided)
                        .update();
            } else {
                UUID moved = living.get(random.nextInt(living.size()));
                jdbc.sql("update diary.infusion set administered_at = :at where id = :id")
                        .param("at", java.sql.Timestamp.from(times.get(random.nextInt(times.size()))))
                        .param("id", moved)
                        .update();
            }
            changes++;
            Set<UUID> expected = straight.treated(YEAR, patients);
            assertThat(kept.treated(YEAR, patients))
                    .as("after change %d", changes)
                    .isEqualTo(expected);
            if (step == 20) {
                assertThat(expected)
                        .as("the sequence treats some patients in the year")
                        .isNotEmpty();
            }
        }
        // the straight read agrees with the safety module's product-years, the definition it stands for
        Set<UUID> productYears = new java.util.HashSet<>();
        context.getBean(BleedDiary.class).productYears(YEAR, YEAR, zone).stream()
                .filter(py -> patients.contains(py.patientId()))
                .forEach(py -> productYears.add(py.patientId()));
        assertThat(straight.treated(YEAR, patients)).isEqualTo(productYears);
    }
}
