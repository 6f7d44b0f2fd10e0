package org.hemonet.outcome.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attention list keeps each patient's reasons (issue 14) and must never show kept reasons that no longer hold: a
 * second look at an unchanged patient is not recomputed; a bleed added or voided (written straight into the diary's
 * tables, as a bulk load or the registry import would: the database's triggers count every writer), a plan added or
 * voided or edited in place, time passing a rule's boundary, and a clock set back each make the patient be computed
 * again with the new answer. Own patients (random ids, rows written here) and explicit moments, so no other test's rows or clock matter.
 */
class AttentionKeptTest extends IntegrationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant NOW =
            LocalDate.of(2026, 6, 15).atTime(12, 0).atZone(LONDON).toInstant();

    @Autowired
    AttentionList attention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUnchangedPatientIsServedAsKeptAndAChangedDiaryIsRecomputed() {
        UUID patient = UUID.randomUUID();
        bleed(patient, NOW.minus(Duration.ofDays(60)));
        bleed(patient, NOW.minus(Duration.ofDays(40)));

        assertThat(kinds(patient, NOW)).isEmpty();
        long computed = attention.recomputed();
        assertThat(kinds(patient, NOW.plusSeconds(60))).isEmpty();
        assertThat(attention.recomputed()).as("unchanged: kept").isEqualTo(computed);

        UUID third = bleed(patient, NOW.minus(Duration.ofDays(20)));
        assertThat(kinds(patient, NOW.plusSeconds(120))).containsExactly(AttentionRules.Kind.NEW_TARGET_JOINT);
        assertThat(attention.recomputed()).isEqualTo(computed + 1);

        jdbc.sql(
                        "update diary.bleed set voided_at = :at, voided_by = 't', void_reason = 'entered twice' where id = :id")
                .param("at", java.sql.Timestamp.from(NOW))
                .param("id", third)
                .update();
        assertThat(kinds(patient, NOW.plusSeconds(180))).isEmpty();
    }

    @Test
    void aPlanAddedOrVoidedIsSeen() {
        UUID patient = UUID.randomUUID();
        // every second day logged: half the doses of a daily plan
        for (int d = 88; d >= 2; d -= 2) {
            infusion(patient, day(d).atTime(9, 0));
        }
        assertThat(kinds(patient, NOW)).as("no plan: no adherence").isEmpty();

        UUID plan = dailyPlan(patient);
        assertThat(kinds(patient, NOW.plusSeconds(60))).containsExactly(AttentionRules.Kind.LOW_ADHERENCE);

        jdbc.sql("update supply.treatment_plan set voided_at = :at, voided_by = :id, void_reason = 'wrong patient'"
                        + " where id = :id")
                .param("at", java.sql.Timestamp.from(NOW))
                .param("id", plan)
                .update();
        assertThat(kinds(patient, NOW.plusSeconds(120))).isEmpty();
    }

    @Test
    void aPlanEditedInPlaceWithoutANewVersionIsSeen() {
        UUID patient = UUID.randomUUID();
        // every second day logged: all the doses of an every-other-day plan, half of a daily one
        for (int d = 88; d >= 2; d -= 2) {
            infusion(patient, day(d).atTime(9, 0));
        }
        UUID plan = dailyPlan(patient);
        jdbc.sql("update supply.treatment_plan set schedule_interval = 2 where id = :id")
                .param("id", plan)
                .update();
        assertThat(kinds(patient, NOW)).as("every other day: adherent").isEmpty();
        long computed = attention.recomputed();
        assertThat(kinds(patient, NOW.plusSeconds(60))).isEmpty();
        assertThat(attention.recomputed()).as("unchanged: kept").isEqualTo(computed);

        // a writer that changes the schedule and nothing else (no version, no change stamp): the digest still differs
        jdbc.sql("update supply.treatment_plan set schedule_interval = 1 where id = :id")
                .param("id", plan)
                .update();
        assertThat(kinds(patient, NOW.plusSeconds(120))).containsExactly(AttentionRules.Kind.LOW_ADHERENCE);
        assertThat(attention.recomputed()).isEqualTo(computed + 1);
    }

    @Test
    void timePassingARuleBoundaryOrAClockSetBackRecomputes() {
        UUID patient = UUID.randomUUID();
        dailyPlan(patient);
        // logged every day until 13 days and 23 hours ago: silent one hour from NOW
        Instant last = NOW.minus(Duration.ofDays(14)).plus(Duration.ofHours(1));
        for (int d = 89; d >= 15; d--) {
            infusion(patient, day(d).atTime(8, 0));
        }
        jdbcInfusion(patient, last);

        assertThat(kinds(patient, NOW)).isEmpty();
        long computed = attention.recomputed();
        assertThat(kinds(patient, NOW.plus(Duration.ofMinutes(59)))).isEmpty();
        assertThat(attention.recomputed()).isEqualTo(computed);
        assertThat(kinds(patient, NOW.plus(Duration.ofMinutes(61)))).containsExactly(AttentionRules.Kind.DIARY_SILENT);
        assertThat(attention.recomputed()).isEqualTo(computed + 1);

        assertThat(kinds(patient, NOW)).as("the clock set back").isEmpty();
        assertThat(attention.recomputed()).isEqualTo(computed + 2);
    }

    // ---- fixtures: rows written straight into the tables

    private List<AttentionRules.Kind> kinds(UUID patient, Instant now) {
        return attention.reasonsFor(Map.of(patient, LONDON), now).getOrDefault(patient, List.of()).stream()
                .map(AttentionRules.Reason::kind)
                .toList();
    }

    private LocalDate day(int daysBefore) {
        return NOW.atZone(LONDON).toLocalDate().minusDays(daysBefore);
    }

    private UUID bleed(UUID patient, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into diary.bleed (id, patient_id, started_at, site, cause, pain, recorded_by)
                        values (:id, :patient, :at, 'LEFT_KNEE', 'SPONTANEOUS', 4, 't')""")
                .param("id", id)
                .param("patient", patient)
                .param("at", java.sql.Timestamp.from(at))
                .update();
        return id;
    }

    private void infusion(UUID patient, java.time.LocalDateTime local) {
        jdbcInfusion(patient, local.atZone(LONDON).toInstant());
    }

    private void jdbcInfusion(UUID patient, Instant at) {
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit, reason,
                            recorded_by)
                        values (gen_random_uuid(), :patient, :at, :product, 2000, 'IU', 'PROPHYLAXIS', 't')""")
                .param("patient", patient)
                .param("at", java.sql.Timestamp.from(at))
                .param("product", DemoProducts.factorConcentrate(jdbc).productId())
                .update();
    }

    /** A daily 08:00 prophylaxis plan in force since 120 days before NOW. */
    private UUID dailyPlan(UUID patient) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into supply.treatment_plan (id, patient_id, centre_id, regimen, product_id, unit, dose,
                            schedule_kind, schedule_interval, dose_time, time_zone, valid_from, prescriber_id,
                            prescriber_name)
                        values (:id, :patient, (select id from centre.centre where code = 'EAST'), 'PROPHYLAXIS',
                            :product, 'IU', 2000, 'EVERY_N_DAYS', 1, :time, 'Europe/London', :from, :id, 't')""")
                .param("id", id)
                .param("patient", patient)
                .param("product", DemoProducts.factorConcentrate(jdbc).productId())
                .param("time", LocalTime.of(8, 0))
                .param("from", day(120))
                .update();
        return id;
    }
}
