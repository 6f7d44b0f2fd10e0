package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.diary.BleedDiary;
import org.hemonet.outcome.CohortOutcomes;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.support.BleedYears;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.hemonet.survey.SurveyResults;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The centres compared and the service measures served from {@link ReportSnapshots} (issue 18, speed): the raw figures
 * are computed once per set of parameters and every reader's view — a centre's own clinician unsuppressed, an analyst
 * through disclosure control, the funnel and the trend — is made from them without recomputing; a change to the data
 * shows once the statistics report it and the background refresh has run. The snapshots are off in the test suite, so
 * this test builds its own (as ReportSnapshotsTest does) around the application's own sources.
 *
 * <p>"Cached", 8 patients with factor I deficiency (no other test's diagnosis), diaries over 2023 without a bleed: ABR
 * median 0.00. Then five of them log a knee bleed in 2023 (observed the whole year: ABR 1.00 each): the median of 0, 0,
 * 0, 1, 1, 1, 1, 1 is 1.00.
 */
class CentreComparisonSnapshotsTest extends IntegrationTest {

    private static final int YEAR = 2023;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    /** The further measures' source, counting how often a year's figures are read. */
    static final class CountingSource extends MoreMeasuresSource {
        final AtomicInteger gathered = new AtomicInteger();

        CountingSource(ApplicationContext c) {
            super(
                    c.getBean(BenchmarkQueries.class),
                    c.getBean(BleedDiary.class),
                    c.getBean(SurveyResults.class),
                    c.getBean(NetworkTime.class),
                    c.getBean(ReportSnapshots.class));
        }

        @Override
        Year read(int year, java.util.Collection<java.util.UUID> patients) {
            gathered.incrementAndGet();
            return super.read(year, patients);
        }
    }

    /** Service measures' queries, counting how often the patients' reviews are read. */
    static final class CountingQueries extends BenchmarkQueries {
        final AtomicInteger reads = new AtomicInteger();

        CountingQueries(JdbcClient jdbc) {
            super(jdbc);
        }

        @Override
        Set<UUID> reviewedWithinYear(java.time.LocalDate asOf) {
            reads.incrementAndGet();
            return super.reviewedWithinYear(asOf);
        }
    }

    @Test
    void everyReaderIsServedFromOneComputationAndAChangeShowsAfterTheRefresh() throws Exception {
        TestNetwork.Site site = TestNetwork.in(context).centre("Cached");
        List<UUID> patients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID p = site.patient("C" + i, "Cached").patientId();
            jdbc.sql("update patient.diagnosis set type = 'FACTOR_I_DEFICIENCY' where patient_id = :p"
                            + " and superseded_at is null")
                    .param("p", p)
                    .update();
            BleedYears.write(jdbc, p, YEAR, 0, "snapshots-test");
            patients.add(p);
        }
        ReportSnapshotsTest.FakeChanges changes = new ReportSnapshotsTest.FakeChanges();
        ReportSnapshots snapshots = new ReportSnapshots(changes, true, Duration.ZERO);
        CountingSource source = new CountingSource(context);
        CentreComparison comparison = new CentreComparison(
                context.getBean(CohortOutcomes.class),
                context.getBean(CentreDirectory.class),
                context.getBean(PatientRegistry.class),
                context.getBean(ValueReport.class),
                source,
                context.getBean(PatientYears.class),
                snapshots,
                context.getBean(NetworkTime.class));
        CentreFunnel funnels = new CentreFunnel(comparison);
        CentreTrends trends = new CentreTrends(comparison);
        Actor clinician =
                new Actor(UUID.randomUUID(), "cached-clinician", "CLINICIAN", Set.of(site.centreId()), Set.of());
        Actor analyst = new Actor(UUID.randomUUID(), "cached-analyst", "NETWORK_ANALYST", Set.of(), Set.of());
        CentreComparison.Filter filter = new CentreComparison.Filter(DiagnosisType.FACTOR_I_DEFICIENCY, null, null);

        // a filter on the diagnosis reads every diagnosis's figures too (the grid rule, CentreComparison.smallIn): all
        // from one reading of the year, kept with it
        assertThat(CentreComparison.grid(filter)).hasSize(DiagnosisType.values().length);
        int cells = 1;
        CentreComparison.Row own = row(comparison.compare(clinician, YEAR, filter), site.centreId());
        assertThat(own.patients()).isEqualTo("8");
        assertThat(own.abrMedian()).isEqualTo("0.00");
        assertThat(source.gathered).hasValue(cells);

        // another reader, the funnel and the trend: the same raw figures, each reader's own disclosure
        CentreComparison.Row controlled = row(comparison.compare(analyst, YEAR, filter), site.centreId());
        assertThat(controlled.disclosureControl()).isTrue();
        assertThat(controlled.patients()).isEqualTo("10");
        assertThat(controlled.abrMedian()).isEqualTo("0.00");
        assertThat(funnels.funnel(analyst, YEAR, CentreFunnel.Measure.ZERO_BLEED_PROPORTION, filter)
                        .points())
                .hasSize(1);
        assertThat(trends.trends(analyst, CentreTrends.Measure.ABR_MEDIAN, YEAR, YEAR, filter)
                        .centres())
                .hasSize(1);
        assertThat(source.gathered).as("served without recomputation").hasValue(cells);

        // five patients log a bleed: held figures until the statistics report the change
        for (UUID p : patients.subList(0, 5)) {
            jdbc.sql(
                            """
                            insert into diary.bleed (id, patient_id, started_at, site, cause, recorded_by)
                            values (:id, :p, timestamptz '2023-06-01 10:00Z', 'LEFT_KNEE', 'SPONTANEOUS', 'snapshots-test')""")
                    .param("id", UUID.randomUUID())
                    .param("p", p)
                    .update();
        }
        assertThat(row(comparison.compare(clinician, YEAR, filter), site.centreId())
                        .abrMedian())
                .isEqualTo("0.00");
        changes.count.incrementAndGet();
        assertThat(row(comparison.compare(analyst, YEAR, filter), site.centreId())
                        .abrMedian())
                .as("the held figures while the new ones are computed")
                .isEqualTo("0.00");
        snapshots.awaitRefresh();
        assertThat(row(comparison.compare(clinician, YEAR, filter), site.centreId())
                        .abrMedian())
                .isEqualTo("1.00");
        assertThat(row(comparison.compare(analyst, YEAR, filter), site.centreId())
                        .abrMedian())
                .isEqualTo("1.00");
        assertThat(source.gathered).hasValue(2 * cells);

        // other parameters are other figures: the year before is computed once
        comparison.compare(analyst, YEAR - 1, filter);
        comparison.compare(clinician, YEAR - 1, filter);
        assertThat(source.gathered).hasValue(3 * cells);
        snapshots.stop();
    }

    @Test
    void theServiceMeasuresAreServedFromOneComputationToEveryReader() throws Exception {
        TestNetwork.Site site = TestNetwork.in(context).centre("Served");
        for (int i = 0; i < 3; i++) {
            site.patient("S" + i, "Served");
        }
        ReportSnapshotsTest.FakeChanges changes = new ReportSnapshotsTest.FakeChanges();
        ReportSnapshots snapshots = new ReportSnapshots(changes, true, Duration.ZERO);
        CountingQueries queries = new CountingQueries(jdbc);
        ServiceMeasures service = new ServiceMeasures(
                context.getBean(PatientRegistry.class),
                queries,
                context.getBean(DesignationReport.class),
                context.getBean(org.hemonet.patient.RegistrySettings.class),
                context.getBean(NetworkTime.class),
                snapshots);
        int year = context.getBean(NetworkTime.class).lastCompleteYear();
        Actor clinician =
                new Actor(UUID.randomUUID(), "served-clinician", "CLINICIAN", Set.of(site.centreId()), Set.of());
        Actor analyst = new Actor(UUID.randomUUID(), "served-analyst", "COMMISSIONER", Set.of(), Set.of());

        assertThat(serviceRow(service.report(clinician, year), site.centreId()).patients())
                .isEqualTo("3");
        assertThat(serviceRow(service.report(analyst, year), site.centreId()).patients())
                .isEqualTo("*");
        assertThat(queries.reads).as("one computation for both readers").hasValue(1);

        site.patient("S3", "Served");
        changes.count.incrementAndGet();
        service.report(analyst, year);
        snapshots.awaitRefresh();
        assertThat(serviceRow(service.report(clinician, year), site.centreId()).patients())
                .isEqualTo("4");
        assertThat(queries.reads).hasValue(2);
        snapshots.stop();
    }

    private static CentreComparison.Row row(CentreComparison.Comparison c, UUID centre) {
        return c.items().stream()
                .filter(r -> centre.equals(r.centreId()))
                .findFirst()
                .orElseThrow();
    }

    private static ServiceMeasures.Row serviceRow(ServiceMeasures.Report r, UUID centre) {
        return r.items().stream()
                .filter(x -> centre.equals(x.centreId()))
                .findFirst()
                .orElseThrow();
    }
}
