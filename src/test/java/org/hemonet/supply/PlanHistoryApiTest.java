package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Changing and voiding treatment plans: a new version supersedes the old from a date; nothing is deleted. */
class PlanHistoryApiTest extends IntegrationTest {

    private static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TreatmentPlans plans;

    SupplyFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SupplyFixtures(jdbc);
    }

    private static String plansOf(UUID patient) {
        return "/api/v1/patients/" + patient + "/treatment-plans";
    }

    private String prescribe(ApiClient client, UUID patient, LocalDate from) {
        var created = client.postJson(
                plansOf(patient),
                """
                {"regimen":"PROPHYLAXIS","productId":"%s","dosePerKg":30,"weightKg":60,
                 "schedule":"WEEKDAYS","weekdays":["MONDAY","WEDNESDAY","FRIDAY"],"validFrom":"%s"}
                """
                        .formatted(fixtures.product("Octavia"), from));
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    @Test
    void aChangeFromADateEndsTheOldPlanTheDayBeforeAndKeepsWhoWhenAndWhy() {
        // plans tests in this class use North patients 17-19 so that they do not disturb other tests' patients
        UUID patient = fixtures.otherNorthPatient(17);
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        LocalDate from = LocalDate.now();
        String old = prescribe(nurse, patient, from);
        LocalDate changeFrom = from.plusDays(10);

        var changed = nurse.postJson(
                plansOf(patient) + "/" + old + "/changes",
                """
                {"dosePerKg":40,"validFrom":"%s","reason":"More bleeds at 30 IU/kg"}
                """
                        .formatted(changeFrom));

        assertThat(changed.statusCode()).isEqualTo(201);
        JsonNode plan = JSON.readTree(changed.body());
        // 60 kg × 40 IU/kg = 2400 IU → 2500 IU; the schedule is copied from the old plan
        assertThat(plan.get("dose").asInt()).isEqualTo(2500);
        assertThat(plan.get("supersedes").asString()).isEqualTo(old);
        assertThat(plan.get("schedule").get("weekdays").toString()).contains("MONDAY", "WEDNESDAY", "FRIDAY");
        assertThat(plans.activePlan(patient, changeFrom.minusDays(1))
                        .orElseThrow()
                        .id()
                        .toString())
                .isEqualTo(old);
        assertThat(plans.activePlan(patient, changeFrom).orElseThrow().dose()).isEqualByComparingTo("2500");

        JsonNode history =
                JSON.readTree(nurse.get(plansOf(patient) + "/history").body());
        JsonNode superseded = null;
        for (JsonNode entry : history) {
            if (entry.get("plan").get("id").asString().equals(old)) {
                superseded = entry;
            }
        }
        assertThat(superseded).isNotNull();
        assertThat(superseded.get("state").asString()).isEqualTo("SUPERSEDED");
        assertThat(superseded.get("plan").get("validTo").asString())
                .isEqualTo(changeFrom.minusDays(1).toString());
        assertThat(superseded.get("changedBy").asString()).isEqualTo("nurse.north");
        assertThat(superseded.get("changeReason").asString()).isEqualTo("More bleeds at 30 IU/kg");
        assertThat(superseded.get("changedAt").isNull()).isFalse();
        assertThat(fixtures.auditEvents(patient, "nurse.north", "TreatmentPlan", "UPDATE", "SUCCESS"))
                .isEqualTo(1);
    }

    @Test
    void aChangeNeedsAReasonAndADayWhileThePlanRuns() {
        UUID patient = fixtures.otherNorthPatient(18);
        ApiClient clinician = new ApiClient(port).signIn("clinician.north");
        LocalDate from = LocalDate.now();
        String old = prescribe(clinician, patient, from);
        String path = plansOf(patient) + "/" + old + "/changes";

        var noReason = clinician.postJson(path, "{\"validFrom\":\"%s\"}".formatted(from.plusDays(1)));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        var noDay = clinician.postJson(path, "{\"reason\":\"x\"}");
        assertThat(noDay.statusCode()).isEqualTo(400);
        assertThat(noDay.body()).contains("\"field\":\"validFrom\"");
        var before = clinician.postJson(path, "{\"reason\":\"x\",\"validFrom\":\"%s\"}".formatted(from.minusDays(3)));
        assertThat(before.statusCode()).isEqualTo(400);
        assertThat(before.body()).contains("\"field\":\"validFrom\"");
        var badDose = clinician.postJson(
                path, "{\"reason\":\"x\",\"dosePerKg\":900,\"validFrom\":\"%s\"}".formatted(from.plusDays(1)));
        assertThat(badDose.statusCode()).isEqualTo(400);
        assertThat(badDose.body()).contains("\"field\":\"dosePerKg\"");
        var stale = clinician.postJson(
                path, "{\"reason\":\"x\",\"version\":7,\"validFrom\":\"%s\"}".formatted(from.plusDays(1)));
        assertThat(stale.statusCode()).isEqualTo(412);
        var unknown = clinician.postJson(
                plansOf(patient) + "/" + UUID.randomUUID() + "/changes",
                "{\"reason\":\"x\",\"validFrom\":\"%s\"}".formatted(from.plusDays(1)));
        assertThat(unknown.statusCode()).isEqualTo(404);
        var otherCentre = new ApiClient(port)
                .signIn("clinician.south")
                .postJson(path, "{\"reason\":\"x\",\"validFrom\":\"%s\"}".formatted(from.plusDays(1)));
        assertThat(otherCentre.statusCode()).isEqualTo(404);
        var patientTom = new ApiClient(port)
                .signIn("patient.tom")
                .postJson(path, "{\"reason\":\"x\",\"validFrom\":\"%s\"}".formatted(from.plusDays(1)));
        assertThat(patientTom.statusCode()).isEqualTo(403);
        assertThat(plans.activePlan(patient, from.plusDays(1))
                        .orElseThrow()
                        .id()
                        .toString())
                .isEqualTo(old);
    }

    @Test
    void aVoidedPlanNeedsAReasonStaysInTheHistoryAndNoLongerSchedulesDoses() {
        UUID patient = fixtures.otherNorthPatient(19);
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        String first = prescribe(nurse, patient, LocalDate.now());
        LocalDate from = LocalDate.now().plusDays(1);
        String id = prescribe(nurse, patient, from);
        String path = plansOf(patient) + "/" + id + "/void";

        var noReason = nurse.postJson(path, "{\"reason\":\"  \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        var voided = nurse.postJson(path, "{\"reason\":\"Entered for the wrong patient\"}");
        assertThat(voided.statusCode()).isEqualTo(200);
        // the plan it had ended runs again, open-ended as before
        assertThat(plans.activePlan(patient, from)).hasValueSatisfying(p -> {
            assertThat(p.id().toString()).isEqualTo(first);
            assertThat(p.validTo()).isNull();
        });
        var again = nurse.postJson(path, "{\"reason\":\"again\"}");
        assertThat(again.statusCode()).isEqualTo(409);

        assertThat(jdbc.sql("select count(*) from supply.treatment_plan where id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        JsonNode history =
                JSON.readTree(nurse.get(plansOf(patient) + "/history").body());
        JsonNode entry = history.get(0);
        assertThat(entry.get("plan").get("id").asString()).isEqualTo(id);
        assertThat(entry.get("state").asString()).isEqualTo("VOIDED");
        assertThat(entry.get("voidedBy").asString()).isEqualTo("nurse.north");
        assertThat(entry.get("voidReason").asString()).isEqualTo("Entered for the wrong patient");
        assertThat(new ApiClient(port)
                        .signIn("analyst")
                        .get(plansOf(patient) + "/history")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new ApiClient(port)
                        .signIn("physio.north")
                        .postJson(path, "{\"reason\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);
    }
}
