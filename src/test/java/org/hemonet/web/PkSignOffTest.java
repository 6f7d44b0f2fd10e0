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
        // a signed-off study would make Tom's level page use his own PK in other test classes: void it (never deleted)
        jdbc.sql(
                        "update pk.study set voided_at = now(), voided_by = 'test', void_reason = 'test clean-up' where patient_id = :p and voided_at is null")
                .param("p", tom())
                .update();
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

    /** Saves a study for Tom through the API: one typed dose, three levels halving about every 12 h. */
    UUID savedStudy(ApiClient api, UUID tom) {
        java.time.Instant dose = java.time.Instant.now()
                .minus(30, java.time.temporal.ChronoUnit.HOURS)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        HttpResponse<String> saved = api.postJson(
                "/api/v1/patients/" + tom + "/pk-studies",
                """
                {"model": "fviii-allard-2020", "weightKg": 72, "ageYears": 34,
                 "doses": [{"at": "%s", "iu": 3600}],
                 "samples": [{"at": "%s", "iuPerDl": 60}, {"at": "%s", "iuPerDl": 38}, {"at": "%s", "iuPerDl": 19}]}"""
                        .formatted(
                                dose,
                                dose.plus(4, java.time.temporal.ChronoUnit.HOURS),
                                dose.plus(12, java.time.temporal.ChronoUnit.HOURS),
                                dose.plus(24, java.time.temporal.ChronoUnit.HOURS)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        return UUID.fromString(new tools.jackson.databind.json.JsonMapper()
                .readTree(saved.body())
                .get("id")
                .asString());
    }

    UUID activeProduct(UUID tom) {
        return jdbc.sql(
                        "select product_id from supply.treatment_plan where patient_id = :p and voided_at is null and valid_to is null order by created_at desc limit 1")
                .param("p", tom)
                .query(UUID.class)
                .single();
    }

    UUID productOfClass(String classPattern, UUID not) {
        return jdbc.sql(
                        "select id from product.product where product_class like :c and status = 'ACTIVE' and unit = 'IU' and id <> :not order by brand_name limit 1")
                .param("c", classPattern)
                .param("not", not)
                .query(UUID.class)
                .single();
    }

    @Test
    void clinicianSignsOffARegimenFromASavedStudyWithAChosenProductAndTomThenSeesHisOwnPk() {
        UUID tom = tom();
        ApiClient api = new ApiClient(port).signIn("clinician.north");
        UUID study = savedStudy(api, tom);
        String page = api.getHtml("/patients/" + tom + "/pk/studies/" + study).body();
        assertThat(page).contains("Sign off this regimen", "/pk/sign-off", "name=\"productId\"", "vials");
        UUID current = activeProduct(tom);
        assertThat(page).as("the active plan's product is the default").contains("value=\"" + current + "\" selected");
        UUID other = productOfClass("FVIII%", current);
        long before = plans(tom);

        HttpResponse<String> posted =
                api.postForm("/patients/" + tom + "/pk/sign-off", "studyId=" + study + "&regimen=2&productId=" + other);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String after = api.getHtml("/patients/" + tom + "/pk/studies/" + study).body();
        assertThat(after).as(after).contains("Regimen signed off (every 3 day", "Regimen signed off ");
        assertThat(plans(tom)).isEqualTo(before + 1);
        var plan = jdbc.sql(
                        "select id, product_id, notes from supply.treatment_plan where patient_id = :p order by created_at desc limit 1")
                .param("p", tom)
                .query()
                .singleRow();
        assertThat(plan.get("product_id")).isEqualTo(other);
        assertThat((String) plan.get("notes")).contains("PK study");
        assertThat(jdbc.sql("select signed_off_plan_id from pk.study where id = :id")
                        .param("id", study)
                        .query(UUID.class)
                        .single())
                .isEqualTo(plan.get("id"));

        String level =
                new ApiClient(port).signIn("patient.tom").getHtml("/my-level").body();
        // the explanation inside the estimate card is checked by the browser walk (Tom may have no recent infusion)
        assertThat(level).as(level).contains("Based on your own PK study of", "made this estimate personal");
        assertThat(level).doesNotContain("Ask your centre about a PK study");
    }

    @Test
    void aProductOfTheWrongFactorIsRefusedAndNothingIsPrescribed() {
        UUID tom = tom();
        ApiClient api = new ApiClient(port).signIn("clinician.north");
        UUID study = savedStudy(api, tom);
        long before = plans(tom);
        UUID factorNine = productOfClass("FIX%", UUID.randomUUID());
        HttpResponse<String> posted = api.postForm(
                "/patients/" + tom + "/pk/sign-off", "studyId=" + study + "&regimen=0&productId=" + factorNine);
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(api.getHtml("/patients/" + tom + "/pk/studies/" + study).body())
                .contains("Choose a factor concentrate of the right factor");
        assertThat(plans(tom)).isEqualTo(before);
        String level =
                new ApiClient(port).signIn("patient.tom").getHtml("/my-level").body();
        assertThat(level).as("a study only saved is not used").doesNotContain("Based on your own PK study");
    }

    @Test
    void aPatientCannotSignOff() {
        UUID tom = tom();
        long before = plans(tom);
        HttpResponse<String> posted = new ApiClient(port)
                .signIn("patient.tom")
                .postForm("/patients/" + tom + "/pk/sign-off", "studyId=" + UUID.randomUUID() + "&regimen=0");
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
