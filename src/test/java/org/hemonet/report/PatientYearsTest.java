package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.ScheduledDoses;
import org.hemonet.outcome.CohortOutcomes;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.support.BleedYears;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each patient's figures of a year kept across views (issue 18, speed): equal to the outcome engine's figures computed
 * straight from the rows, recomputed only for the patient whose diary or record changed, and for everyone when the
 * current year's today moves. Three patients of the test's own: diaries from 1 December 2018 with 0, 1 and 2 knee
 * bleeds in 2019 (observed the whole year: ABR 0, 1 and 2).
 */
class PatientYearsTest extends IntegrationTest {

    private static final int YEAR = 2019;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientRegistry registry;

    @Autowired
    CohortOutcomes cohorts;

    @Autowired
    CentreMeasures measures;

    private PatientYears years(boolean keep) {
        return new PatientYears(
                cohorts,
                measures,
                context.getBean(BleedDiary.class),
                context.getBean(ScheduledDoses.class),
                context.getBean(Clock.class),
                context.getBean(PatientYearRows.class),
                keep);
    }

    private List<UUID> diaries(String label) {
        TestNetwork.Site site = TestNetwork.in(context).centre(label);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID p = site.patient("Y" + i, label).patientId();
            BleedYears.write(jdbc, p, YEAR, i, "patient-years-test");
            ids.add(p);
        }
        return ids;
    }

    private List<PatientSummary> summaries(List<UUID> ids) {
        return registry.allForAggregates().stream()
                .filter(p -> ids.contains(p.id()))
                .toList();
    }

    /** The figures computed straight from the rows, as the centres compared did before they were kept. */
    private Map<UUID, PatientYears.Figures> straight(List<UUID> ids, int year) {
        return years(false).of(year, summaries(ids));
    }

    @Test
    void keptFiguresEqualTheRowsAndOnlyAChangedPatientIsRecomputed() {
        List<UUID> ids = diaries("Kept");
        PatientYears years = years(true);

        Map<UUID, PatientYears.Figures> first = years.of(YEAR, summaries(ids));
        assertThat(years.computed).hasValue(3);
        assertThat(first).isEqualTo(straight(ids, YEAR)).hasSize(3);
        assertThat(first.get(ids.get(2)).bleeds().episodes()).isEqualTo(2);
        assertThat(first.get(ids.get(2)).bleeds().abr()).isEqualByComparingTo("2");
        assertThat(first.get(ids.get(0)).measured().observationDays()).isEqualTo(365);

        assertThat(years.of(YEAR, summaries(ids))).isEqualTo(first);
        assertThat(years.computed).as("nothing changed: nothing recomputed").hasValue(3);

        // a bleed of the first patient, written as any writer would: only that patient is read again
        jdbc.sql(
                        """
                        insert into diary.bleed (id, patient_id, started_at, site, cause, recorded_by)
                        values (:id, :p, timestamptz '2019-09-01 10:00Z', 'RIGHT_ELBOW', 'SPONTANEOUS', 'patient-years-test')""")
                .param("id", UUID.randomUUID())
                .param("p", ids.get(0))
                .update();
        Map<UUID, PatientYears.Figures> second = years.of(YEAR, summaries(ids));
        assertThat(years.computed).hasValue(4);
        assertThat(second.get(ids.get(0)).bleeds().episodes()).isEqualTo(1);
        assertThat(second.get(ids.get(1))).isSameAs(first.get(ids.get(1)));
        assertThat(second).isEqualTo(straight(ids, YEAR));

        // another year of the same patients is computed once, beside the first
        years.of(YEAR - 1, summaries(ids));
        assertThat(years.computed).hasValue(7);
        years.of(YEAR, summaries(ids));
        years.of(YEAR - 1, summaries(ids));
        assertThat(years.computed).hasValue(7);

        // a change to the patient's record (a new diagnosis) recomputes that patient, every year of them
        jdbc.sql("update patient.diagnosis set type = 'HEMOPHILIA_B' where patient_id = :p and superseded_at is null")
                .param("p", ids.get(2))
                .update();
        years.of(YEAR, summaries(ids));
        years.of(YEAR - 1, summaries(ids));
        assertThat(years.computed).hasValue(9);
    }

    @Test
    void keptFiguresSurviveARestartAndAreComputedAgainWhenTheirInputsChanged() {
        List<UUID> ids = diaries("Stored");
        Map<UUID, PatientYears.Figures> computed = years(true).of(YEAR, summaries(ids));

        // another instance (a restart, or the other node): read back, not computed, and equal
        PatientYears restarted = years(true);
        assertThat(restarted.of(YEAR, summaries(ids))).isEqualTo(computed);
        assertThat(restarted.computed).hasValue(0);
        assertThat(restarted.loaded).hasValue(3);

        // a voided bleed changes the diary: the stored row no longer answers for that patient
        jdbc.sql("update diary.bleed set voided_at = now(), void_reason = 'entered in error' where patient_id = :p")
                .param("p", ids.get(2))
                .update();
        PatientYears again = years(true);
        Map<UUID, PatientYears.Figures> after = again.of(YEAR, summaries(ids));
        assertThat(again.computed).hasValue(1);
        assertThat(again.loaded).hasValue(2);
        assertThat(after.get(ids.get(2)).bleeds().episodes()).isZero();
        assertThat(after).isEqualTo(straight(ids, YEAR));
    }

    @Test
    void theDigestOfTheInputsIsStableAndMovesWithEachOfThem() {
        PatientSummary p = summaries(diaries("Digest")).get(0);
        LocalDate day = LocalDate.of(2020, 1, 1);
        String digest = PatientYears.inputs(4, p, List.of("plan b", "plan a"), day);
        assertThat(digest).hasSize(64).isEqualTo(PatientYears.inputs(4, p, List.of("plan a", "plan b"), day));
        assertThat(PatientYears.inputs(5, p, List.of("plan a", "plan b"), day)).isNotEqualTo(digest);
        assertThat(PatientYears.inputs(4, p, List.of("plan a"), day)).isNotEqualTo(digest);
        assertThat(PatientYears.inputs(4, p, List.of("plan a", "plan b"), day.plusDays(1)))
                .isNotEqualTo(digest);
        PatientSummary heavier = new PatientSummary(
                p.id(),
                p.centreId(),
                p.givenName(),
                p.familyName(),
                p.dateOfBirth(),
                p.sex(),
                p.diagnosis(),
                p.diagnosisSubtype(),
                p.baselineLevelIuPerDl(),
                p.baselineMeasuredOn(),
                p.severity(),
                new java.math.BigDecimal("81.5"),
                day,
                p.inhibitorStatus(),
                p.latestTitreBu(),
                p.timeZone());
        assertThat(PatientYears.inputs(4, heavier, List.of("plan a", "plan b"), day))
                .isNotEqualTo(digest);
    }

    @Test
    void inTheCurrentYearANewDayRecomputesTheObservationTime() {
        TestClock.get().set(Instant.parse("2019-06-30T12:00:00Z"));
        List<UUID> ids = diaries("Today");
        PatientYears years = years(true);

        Map<UUID, PatientYears.Figures> june = years.of(YEAR, summaries(ids));
        // 1 January to 30 June 2019 (the patients' zone is the network's, UTC+1 in summer: still 30 June)
        assertThat(june.get(ids.get(0)).measured().observationDays()).isEqualTo(181);
        years.of(YEAR, summaries(ids));
        assertThat(years.computed).hasValue(3);

        TestClock.get().advance(Duration.ofDays(1));
        Map<UUID, PatientYears.Figures> july = years.of(YEAR, summaries(ids));
        assertThat(years.computed)
                .as("a day later, every patient of the current year")
                .hasValue(6);
        assertThat(july.get(ids.get(0)).measured().observationDays()).isEqualTo(182);
        assertThat(july).isEqualTo(straight(ids, YEAR));

        // a past year does not depend on the day: kept
        years.of(YEAR - 1, summaries(ids));
        TestClock.get().advance(Duration.ofDays(1));
        years.of(YEAR - 1, summaries(ids));
        assertThat(years.computed).hasValue(9);
        assertThat(LocalDate.now(TestClock.get())).isEqualTo(LocalDate.of(2019, 7, 2));
    }

    @Test
    void withoutKeepingEveryAskComputesEveryPatient() {
        List<UUID> ids = diaries("Unkept");
        PatientYears years = years(false);
        years.of(YEAR, summaries(ids));
        years.of(YEAR, summaries(ids));
        assertThat(years.computed).hasValue(6);
        assertThat(Set.copyOf(ids)).isEqualTo(years.of(YEAR, summaries(ids)).keySet());
    }
}
