package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Treatment plans and the dose calculator over HTTP, on the demo network and real PostgreSQL. */
class TreatmentPlanApiTest extends IntegrationTest {

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

    private String plansOf(UUID patient) {
        return "/api/v1/patients/" + patient + "/treatment-plans";
    }

    @Test
    void tomIsOnOctocogAlfaProphylaxisMonWedFriFromTheDemo() {
        var response = new ApiClient(port).signIn("clinician.north").get(plansOf(fixtures.tom()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(response.body())
                .contains("\"regimen\":\"PROPHYLAXIS\"", "octocog alfa", "\"dosePerKg\":30.00")
                .contains("\"weekdays\":[\"MONDAY\",\"WEDNESDAY\",\"FRIDAY\"]")
                .contains("\"bleedPlan\":{", "\"site\":\"INTRACRANIAL\"");
    }

    @Test
    void ownCentreReadsOtherCentreGets404AndADeniedEvent() {
        UUID tom = fixtures.tom();
        assertThat(new ApiClient(port).signIn("nurse.north").get(plansOf(tom)).statusCode())
                .isEqualTo(200);
        long before = fixtures.auditEvents(tom, "clinician.south", "TreatmentPlan", "READ", "DENIED");
        var denied = new ApiClient(port).signIn("clinician.south").get(plansOf(tom));
        var unknown = new ApiClient(port).signIn("clinician.south").get(plansOf(UUID.randomUUID()));
        assertThat(denied.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(stripInstance(denied.body())).isEqualTo(stripInstance(unknown.body()));
        assertThat(fixtures.auditEvents(tom, "clinician.south", "TreatmentPlan", "READ", "DENIED"))
                .isEqualTo(before + 1);
        assertThat(fixtures.auditEvents(tom, "nurse.north", "TreatmentPlan", "READ", "SUCCESS"))
                .isPositive();
    }

    @Test
    void analystGets403() {
        assertThat(new ApiClient(port)
                        .signIn("analyst")
                        .get(plansOf(fixtures.tom()))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void patientReadsOwnPlanButNotAnothers() {
        ApiClient tom = new ApiClient(port).signIn("patient.tom");
        assertThat(tom.get(plansOf(fixtures.tom())).statusCode()).isEqualTo(200);
        assertThat(tom.get(plansOf(fixtures.leo())).statusCode()).isEqualTo(404);
        ApiClient sara = new ApiClient(port).signIn("parent.sara");
        assertThat(sara.get(plansOf(fixtures.leo())).statusCode()).isEqualTo(200);
    }

    @Test
    void nursePrescribesAWeightBasedRegimenRoundedUpToVialsAndThePreviousPlanEnds() {
        UUID patient = fixtures.otherNorthPatient(0);
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        LocalDate from = LocalDate.now().plusDays(1);
        var created = nurse.postJson(
                plansOf(patient),
                """
                {"regimen":"PROPHYLAXIS","productId":"%s","dosePerKg":27,"weightKg":61.5,
                 "schedule":"WEEKDAYS","weekdays":["MONDAY","WEDNESDAY","FRIDAY"],"doseTime":"07:00",
                 "validFrom":"%s"}
                """
                        .formatted(fixtures.product("Octavia"), from));
        assertThat(created.statusCode()).isEqualTo(201);
        // 61.5 kg × 27 IU/kg = 1660.5 IU → 1750 IU (1000 + 500 + 250)
        assertThat(created.body()).contains("\"dose\":1750", "\"1000\":1", "\"500\":1", "\"250\":1");
        assertThat(plans.activePlan(patient, from).orElseThrow().dose()).isEqualByComparingTo("1750");
        assertThat(plans.activePlan(patient, from.minusDays(1)))
                .hasValueSatisfying(previous -> assertThat(previous.validTo()).isEqualTo(from.minusDays(1)));
        assertThat(fixtures.auditEvents(patient, "nurse.north", "TreatmentPlan", "CREATE", "SUCCESS"))
                .isEqualTo(1);
    }

    @Test
    void scheduledDosesForAdherenceFollowThePlan() {
        UUID tom = fixtures.tom();
        Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS);
        var doses = plans.scheduledDoses(tom, from, from.plus(14, ChronoUnit.DAYS));
        assertThat(doses).hasSize(6);
        assertThat(doses).allSatisfy(d -> assertThat(d.productId()).isEqualTo(fixtures.product("Octavia")));
    }

    @Test
    void rejectsBadDosesUnknownProductsAndWrongRoles() {
        UUID patient = fixtures.otherNorthPatient(1);
        ApiClient clinician = new ApiClient(port).signIn("clinician.north");
        String octavia = fixtures.product("Octavia").toString();
        String template =
                """
                {"regimen":"ON_DEMAND","productId":"%s","dose":%s,"validFrom":"%s"}
                """;
        String today = LocalDate.now().toString();
        var zero = clinician.postJson(plansOf(patient), template.formatted(octavia, "0", today));
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("\"field\":\"dose\"");
        var absurd = clinician.postJson(plansOf(patient), template.formatted(octavia, "60000", today));
        assertThat(absurd.statusCode()).isEqualTo(400);
        assertThat(absurd.body()).contains("\"field\":\"dose\"");
        var unknown = clinician.postJson(plansOf(patient), template.formatted(UUID.randomUUID(), "1000", today));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"productId\"");
        var past = clinician.postJson(plansOf(patient), template.formatted(octavia, "1000", "2020-01-01"));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("\"field\":\"validFrom\"");
        var emicizumab = clinician.postJson(
                plansOf(patient),
                """
                {"regimen":"PROPHYLAXIS","productId":"%s","dosePerKg":6,"weightKg":70,
                 "schedule":"EVERY_N_WEEKS","scheduleInterval":1,"validFrom":"%s"}
                """
                        .formatted(fixtures.product("Emivia 150"), today));
        assertThat(emicizumab.statusCode()).isEqualTo(400);
        assertThat(emicizumab.body()).contains("\"field\":\"scheduleInterval\"");
        assertThat(fixtures.auditEvents(patient, "clinician.north", "TreatmentPlan", "CREATE", "FAILED"))
                .isEqualTo(5);
        assertThat(new ApiClient(port)
                        .signIn("patient.tom")
                        .postJson(plansOf(fixtures.tom()), template.formatted(octavia, "1000", today))
                        .statusCode())
                .isEqualTo(403);
        var otherCentre = new ApiClient(port)
                .signIn("clinician.south")
                .postJson(plansOf(patient), template.formatted(octavia, "1000", today));
        assertThat(otherCentre.statusCode()).isEqualTo(404);
        assertThat(fixtures.auditEvents(patient, "clinician.south", "TreatmentPlan", "CREATE", "DENIED"))
                .isEqualTo(1);
    }

    @Test
    void doseCalculatorGivesTheWfhExample() {
        ApiClient clinician = new ApiClient(port).signIn("clinician.north");
        var response = clinician.postJson(
                "/api/v1/dose-calculator",
                "{\"productId\":\"%s\",\"weightKg\":70,\"desiredRiseIuPerDl\":50}"
                        .formatted(fixtures.product("Octavia")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"dose\":1750", "\"exactDose\":1750.00", "\"expectedRiseIuPerDl\":50.0");
        var child = clinician.postJson(
                "/api/v1/dose-calculator",
                "{\"productId\":\"%s\",\"weightKg\":30,\"desiredRiseIuPerDl\":40,\"ageYears\":8}"
                        .formatted(fixtures.product("Nonara")));
        assertThat(child.body()).contains("\"recovery\":0.70", "\"dose\":1750");
        var emicizumab = clinician.postJson(
                "/api/v1/dose-calculator",
                "{\"productId\":\"%s\",\"weightKg\":70,\"dosePerKg\":6}".formatted(fixtures.product("Emivia 150")));
        assertThat(emicizumab.body()).contains("\"dose\":420", "\"volumeMl\":2.80", "\"unit\":\"MG\"");
        var unknown = clinician.postJson(
                "/api/v1/dose-calculator",
                "{\"productId\":\"%s\",\"weightKg\":70,\"desiredRiseIuPerDl\":50}".formatted(UUID.randomUUID()));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"productId\"");
        var absurd = clinician.postJson(
                "/api/v1/dose-calculator",
                "{\"productId\":\"%s\",\"weightKg\":300,\"desiredRiseIuPerDl\":200}"
                        .formatted(fixtures.product("Nonara")));
        assertThat(absurd.statusCode()).isEqualTo(400);
        assertThat(new ApiClient(port)
                        .signIn("analyst")
                        .postJson("/api/v1/dose-calculator", "{}")
                        .statusCode())
                .isEqualTo(403);
    }

    private static String stripInstance(String body) {
        return body.replaceAll("\"instance\":\"[^\"]*\"", "").replaceAll("\"requestId\":\"[^\"]*\"", "");
    }
}
