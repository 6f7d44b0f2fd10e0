package org.hemonet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.util.Set;
import java.util.UUID;
import org.hemonet.supply.Schedule;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signing off a proposed regimen from the PK study page updates the treatment plan (issue 7). */
class PkSignOffTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID tom() {
        return jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
    }

    /** Tom's plans as they were before a test: other test classes rely on the demo plan, so each test voids its new plan (plans are never deleted) and puts the old one back. */
    java.util.List<java.util.Map<String, Object>> snapshot;

    @org.junit.jupiter.api.BeforeEach
    void rememberPlans() {
        snapshot = jdbc.sql(
                        "select id, valid_to, voided_at, voided_by, void_reason, version from supply.treatment_plan where patient_id = :p")
                .param("p", tom())
                .query()
                .listOfRows();
    }

    @org.junit.jupiter.api.AfterEach
    void restorePlans() {
        java.util.List<Object> ids = snapshot.stream().map(r -> r.get("id")).toList();
        jdbc.sql(
                        "update supply.treatment_plan set voided_at = now(), voided_by = prescriber_id, void_reason = 'test clean-up' where patient_id = :p and voided_at is null and id not in (:ids)")
                .param("p", tom())
                .param("ids", ids)
                .update();
        for (java.util.Map<String, Object> row : snapshot) {
            jdbc.sql(
                            """
                            update supply.treatment_plan set valid_to = :to, voided_at = :at, voided_by = :by,
                            void_reason = :reason, version = :version where id = :id""")
                    .param("to", row.get("valid_to"))
                    .param("at", row.get("voided_at"))
                    .param("by", row.get("voided_by"))
                    .param("reason", row.get("void_reason"))
                    .param("version", row.get("version"))
                    .param("id", row.get("id"))
                    .update();
        }
    }

    long plans(UUID patient) {
        return jdbc.sql("select count(*) from supply.treatment_plan where patient_id = :p")
                .param("p", patient)
                .query(Long.class)
                .single();
    }

    @Test
    void clinicianSignsOffARegimenAndANewPlanIsPrescribed() {
        UUID tom = tom();
        ApiClient api = new ApiClient(port).signIn("clinician.north");
        String page = api.getHtml("/patients/" + tom + "/pk").body();
        assertThat(page).contains("Sign off this regimen", "/pk/sign-off");
        long before = plans(tom);

        HttpResponse<String> posted = api.postForm(
                "/patients/" + tom + "/pk/sign-off", "periodHours=72&doseHours=0.0&doseIu=2000&label=every+3+days");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String after = api.getHtml("/patients/" + tom + "/pk").body();
        assertThat(after).as(after).contains("Regimen signed off (every 3 days)");
        assertThat(plans(tom)).isEqualTo(before + 1);
        assertThat(jdbc.sql(
                                "select notes from supply.treatment_plan where patient_id = :p order by created_at desc limit 1")
                        .param("p", tom)
                        .query(String.class)
                        .single())
                .contains("PK study");
    }

    @Test
    void aPatientCannotSignOff() {
        UUID tom = tom();
        long before = plans(tom);
        HttpResponse<String> posted = new ApiClient(port)
                .signIn("patient.tom")
                .postForm("/patients/" + tom + "/pk/sign-off", "periodHours=72&doseHours=0&doseIu=2000");
        assertThat(posted.statusCode()).isIn(403, 404);
        assertThat(plans(tom)).isEqualTo(before);
    }

    @Test
    void pkSchedulesMapToPlanSchedules() {
        assertThat(PkStudyController.SignOffSchedule.of(48, "0.0"))
                .isEqualTo(new PkStudyController.SignOffSchedule(Schedule.Kind.EVERY_N_DAYS, 2, Set.of()));
        assertThat(PkStudyController.SignOffSchedule.of(168, "0.0,48.0,96.0"))
                .isEqualTo(new PkStudyController.SignOffSchedule(
                        Schedule.Kind.WEEKDAYS, 1, Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)));
        assertThat(PkStudyController.SignOffSchedule.of(36, "0")).isNull();
    }
}
