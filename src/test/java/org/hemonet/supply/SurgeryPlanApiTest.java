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

/** Surgery factor plans per operation (clinical.md §6, WFH 2020 surgery targets). */
class SurgeryPlanApiTest extends IntegrationTest {

    private static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    SupplyFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SupplyFixtures(jdbc);
    }

    private static String plansOf(UUID patient) {
        return "/api/v1/patients/" + patient + "/surgery-plans";
    }

    /**
     * Reference case: haemophilia A (octocog alfa, recovery 2.0 IU/dL per IU/kg), 70 kg, major surgery with the WFH
     * 2020 defaults. Dose = 70 × lower target ÷ 2.0, rounded up to whole vials of 250/500/1000/2000/3000 IU: pre-op 80
     * → 2800 → 3000; days 1–3 at 60 → 2100 → 2250; days 4–6 at 40 → 1400 → 1500; days 7–14 at 30 → 1050 → 1250.
     */
    @Test
    void majorSurgeryForSeventyKilogramsFollowsTheWfhTargetsDayByDay() {
        UUID patient = fixtures.otherNorthPatient(12);
        LocalDate day = LocalDate.now().plusDays(20);
        ApiClient clinician = new ApiClient(port).signIn("clinician.north");
        var created = clinician.postJson(
                plansOf(patient),
                """
                {"operation":"Right total knee replacement","date":"%s","kind":"MAJOR","productId":"%s",
                 "weightKg":70}
                """
                        .formatted(day, fixtures.product("Octavia")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode plan = JSON.readTree(created.body());
        JsonNode phases = plan.get("phases");
        assertThat(phases).hasSize(4);
        assertThat(phases.get(0).get("lowIuPerDl").asInt()).isEqualTo(80);
        assertThat(phases.get(0).get("highIuPerDl").asInt()).isEqualTo(100);
        assertThat(phases.get(0).get("dose").asInt()).isEqualTo(3000);
        assertThat(phases.get(0).get("vials").get("3000").asInt()).isEqualTo(1);
        assertThat(phases.get(1).get("dose").asInt()).isEqualTo(2250);
        assertThat(phases.get(2).get("dose").asInt()).isEqualTo(1500);
        assertThat(phases.get(3).get("dose").asInt()).isEqualTo(1250);
        JsonNode days = plan.get("days");
        assertThat(days).hasSize(15);
        assertThat(days.get(0).get("date").asString()).isEqualTo(day.toString());
        assertThat(days.get(14).get("day").asInt()).isEqualTo(14);
        assertThat(days.get(14).get("date").asString())
                .isEqualTo(day.plusDays(14).toString());
        assertThat(plan.get("total").asLong()).isEqualTo(3000 + 3 * 2250 + 3 * 1500 + 8 * 1250);

        String id = plan.get("id").asString();
        assertThat(clinician.get(plansOf(patient) + "/" + id).body()).contains("Right total knee replacement");
        assertThat(clinician.get(plansOf(patient)).body()).contains(id);
        assertThat(new ApiClient(port)
                        .signIn("physio.north")
                        .get(plansOf(patient))
                        .statusCode())
                .isEqualTo(200);
        assertThat(fixtures.auditEvents(patient, "clinician.north", "SurgeryPlan", "CREATE", "SUCCESS"))
                .isEqualTo(1);
    }

    @Test
    void ownTargetsByPostOperativeDayRangesAndMinorSurgery() {
        UUID patient = fixtures.otherNorthPatient(12);
        var created = new ApiClient(port)
                .signIn("nurse.north")
                .postJson(
                        plansOf(patient),
                        """
                        {"operation":"Dental extraction","date":"%s","kind":"MINOR","productId":"%s","weightKg":50,
                         "preOpLowIuPerDl":60,
                         "phases":[{"fromDay":1,"toDay":2,"lowIuPerDl":40,"highIuPerDl":60},
                                   {"fromDay":3,"toDay":3,"lowIuPerDl":30}]}
                        """
                                .formatted(LocalDate.now().plusDays(5), fixtures.product("Octavia")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode plan = JSON.readTree(created.body());
        // 50 kg × 60 ÷ 2 = 1500; × 40 ÷ 2 = 1000; × 30 ÷ 2 = 750
        assertThat(plan.get("days")).hasSize(4);
        assertThat(plan.get("days").get(0).get("dose").asInt()).isEqualTo(1500);
        assertThat(plan.get("days").get(0).get("highIuPerDl").asInt()).isEqualTo(80);
        assertThat(plan.get("days").get(2).get("dose").asInt()).isEqualTo(1000);
        assertThat(plan.get("days").get(3).get("dose").asInt()).isEqualTo(750);
        assertThat(plan.get("days").get(3).get("highIuPerDl").asInt()).isEqualTo(30);
    }

    @Test
    void badPlansNameTheFieldAndOnlyTheCentrePlans() {
        UUID patient = fixtures.otherNorthPatient(12);
        ApiClient clinician = new ApiClient(port).signIn("clinician.north");
        String octavia = fixtures.product("Octavia").toString();
        String date = LocalDate.now().plusDays(10).toString();
        record Case(String body, String field) {}
        var cases = java.util.List.of(
                new Case(
                        "{\"date\":\"%s\",\"kind\":\"MAJOR\",\"productId\":\"%s\"}".formatted(date, octavia),
                        "operation"),
                new Case("{\"operation\":\"x\",\"kind\":\"MAJOR\",\"productId\":\"%s\"}".formatted(octavia), "date"),
                new Case("{\"operation\":\"x\",\"date\":\"%s\",\"productId\":\"%s\"}".formatted(date, octavia), "kind"),
                new Case(
                        "{\"operation\":\"x\",\"date\":\"%s\",\"kind\":\"MAJOR\",\"productId\":\"%s\"}"
                                .formatted(date, fixtures.product("Emivia 150")),
                        "productId"),
                new Case(
                        "{\"operation\":\"x\",\"date\":\"%s\",\"kind\":\"MAJOR\",\"productId\":\"%s\",\"weightKg\":400}"
                                .formatted(date, octavia),
                        "weightKg"),
                new Case(
                        "{\"operation\":\"x\",\"date\":\"%s\",\"kind\":\"MAJOR\",\"productId\":\"%s\",\"preOpLowIuPerDl\":0}"
                                .formatted(date, octavia),
                        "preOpLowIuPerDl"),
                new Case(
                        ("{\"operation\":\"x\",\"date\":\"%s\",\"kind\":\"MAJOR\",\"productId\":\"%s\",\"phases\":"
                                        + "[{\"fromDay\":1,\"toDay\":3,\"lowIuPerDl\":60},{\"fromDay\":5,\"toDay\":6,"
                                        + "\"lowIuPerDl\":40}]}")
                                .formatted(date, octavia),
                        "phases[1].fromDay"),
                new Case(
                        ("{\"operation\":\"x\",\"date\":\"%s\",\"kind\":\"MAJOR\",\"productId\":\"%s\",\"phases\":"
                                        + "[{\"fromDay\":1,\"toDay\":3,\"lowIuPerDl\":60,\"highIuPerDl\":40}]}")
                                .formatted(date, octavia),
                        "phases[0].highIuPerDl"));
        for (Case c : cases) {
            var response = clinician.postJson(plansOf(patient), c.body());
            assertThat(response.statusCode()).as(c.field()).isEqualTo(400);
            assertThat(response.body()).as(c.field()).contains("\"field\":\"" + c.field() + "\"");
        }
        String ok = "{\"operation\":\"x\",\"date\":\"%s\",\"kind\":\"MINOR\",\"productId\":\"%s\",\"weightKg\":60}"
                .formatted(date, octavia);
        assertThat(new ApiClient(port)
                        .signIn("clinician.south")
                        .postJson(plansOf(patient), ok)
                        .statusCode())
                .isEqualTo(404);
        assertThat(new ApiClient(port)
                        .signIn("physio.north")
                        .postJson(plansOf(patient), ok)
                        .statusCode())
                .isEqualTo(403);
        assertThat(new ApiClient(port).signIn("analyst").get(plansOf(patient)).statusCode())
                .isEqualTo(403);
        assertThat(new ApiClient(port)
                        .signIn("clinician.north")
                        .get(plansOf(patient) + "/" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
    }
}
