package org.hemonet.genetherapy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 21's fitusiran dosing: antithrombin activity results of a patient on 50 mg every 2 months for 7 months give
 * the label's next step (target 15–35 %): 10 % → lower the dose to 20 mg every 2 months, 25 % → keep, 40 % → shorten
 * the interval to 50 mg every month; above the target before 6 months on a step → keep and measure again. The clinician
 * confirms, and the course moves.
 */
class AntithrombinDosingTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    @Autowired
    ProductCatalogue catalogue;

    private final JsonMapper json = JsonMapper.builder().build();

    TestNetwork.Site site;
    ApiClient nurse;
    ApiClient clinician;
    Product fitura;
    LocalDate today;

    @BeforeEach
    void aCentre() {
        site = TestNetwork.in(context).centre("Fitusiran");
        nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        clinician = new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        fitura = GeneTherapyPatients.product(catalogue, "Fitura");
        today = LocalDate.now(ZoneOffset.UTC).minusDays(30);
        TestClock.get().set(today.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    private JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private UUID onFitusiranSince(LocalDate startedOn) {
        UUID patient = GeneTherapyPatients.register(registry, site, "Finn", DiagnosisType.HEMOPHILIA_A);
        JsonNode course = ok(
                nurse.postJson(
                        "/api/v1/patients/" + patient + "/antithrombin-lowering",
                        "{\"productId\":\"%s\",\"startedOn\":\"%s\"}".formatted(fitura.id(), startedOn)),
                201);
        assertThat(course.get("step").asString()).isEqualTo("MG50_EVERY_2_MONTHS");
        assertThat(course.get("doseMg").asInt()).isEqualTo(50);
        assertThat(course.get("intervalMonths").asInt()).isEqualTo(2);
        return patient;
    }

    private JsonNode antithrombin(UUID patient, String percent) {
        JsonNode r = ok(
                nurse.postJson(
                        "/api/v1/patients/" + patient + "/lab-results",
                        "{\"analyte\":\"ANTITHROMBIN\",\"value\":%s,\"unit\":\"%%\",\"sampledOn\":\"%s\"}"
                                .formatted(percent, today)),
                201);
        assertThat(r.get("alerts")).isEmpty();
        assertThat(r.get("recommendations")).hasSize(1);
        return r.get("recommendations").get(0);
    }

    @Test
    void antithrombinAtTenTwentyFiveAndFortyPercentGiveTheLabelSteps() {
        UUID low = onFitusiranSince(today.minusMonths(7));
        JsonNode at10 = antithrombin(low, "10");
        assertThat(at10.get("action").asString()).isEqualTo("LOWER_DOSE");
        assertThat(at10.get("detail").asString()).contains("50 mg every 2 months → 20 mg every 2 months");
        assertThat(at10.get("status").asString()).isEqualTo("PENDING");

        UUID inTarget = onFitusiranSince(today.minusMonths(7));
        JsonNode at25 = antithrombin(inTarget, "25");
        assertThat(at25.get("action").asString()).isEqualTo("KEEP");

        UUID high = onFitusiranSince(today.minusMonths(7));
        JsonNode at40 = antithrombin(high, "40");
        assertThat(at40.get("action").asString()).isEqualTo("SHORTEN_INTERVAL");
        assertThat(at40.get("detail").asString()).contains("50 mg every month");

        // nothing changes until the clinician confirms; then the course is on the new step from today
        JsonNode before = ok(clinician.get("/api/v1/patients/" + high + "/antithrombin-lowering"), 200);
        assertThat(before.get("step").asString()).isEqualTo("MG50_EVERY_2_MONTHS");
        assertThat(before.get("recommendations").get(0).get("toStep").asString())
                .isEqualTo("MG50_EVERY_MONTH");
        // a nurse may not confirm dosing
        assertThat(nurse.postJson(
                                "/api/v1/patients/" + high + "/antithrombin-lowering/recommendations/"
                                        + at40.get("id").asString() + "/decision",
                                "{\"decision\":\"CONFIRM\"}")
                        .statusCode())
                .isEqualTo(403);
        JsonNode after = ok(
                clinician.postJson(
                        "/api/v1/patients/" + high + "/antithrombin-lowering/recommendations/"
                                + at40.get("id").asString() + "/decision",
                        "{\"decision\":\"CONFIRM\"}"),
                200);
        assertThat(after.get("step").asString()).isEqualTo("MG50_EVERY_MONTH");
        assertThat(after.get("intervalMonths").asInt()).isEqualTo(1);
        assertThat(after.get("stepSince").asString()).isEqualTo(today.toString());
        assertThat(after.get("recommendations").get(0).get("status").asString()).isEqualTo("CONFIRMED");
        // the reduced breakthrough-bleed doses while antithrombin is lowered
        assertThat(after.get("breakthroughDoses").toString()).contains("10 IU/kg", "30 U/kg");
        // confirmed once only
        assertThat(clinician
                        .postJson(
                                "/api/v1/patients/" + high + "/antithrombin-lowering/recommendations/"
                                        + at40.get("id").asString() + "/decision",
                                "{\"decision\":\"DECLINE\"}")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void aboveTheTargetBeforeSixMonthsOnTheStepKeepsTheDose() {
        UUID early = onFitusiranSince(today.minusMonths(2));
        JsonNode at40 = antithrombin(early, "40");
        assertThat(at40.get("action").asString()).isEqualTo("KEEP");
        assertThat(at40.get("detail").asString()).contains("measure again");
    }

    @Test
    void aResultWithoutACourseRecommendsNothing() {
        UUID patient = GeneTherapyPatients.register(registry, site, "Nora", DiagnosisType.HEMOPHILIA_A);
        JsonNode r = ok(
                nurse.postJson(
                        "/api/v1/patients/" + patient + "/lab-results",
                        "{\"analyte\":\"ANTITHROMBIN\",\"value\":0.4,\"unit\":\"IU/mL\",\"sampledOn\":\"%s\"}"
                                .formatted(today)),
                201);
        assertThat(r.get("recommendations")).isEmpty();
        // 0.4 IU/mL is 40 %
        assertThat(r.get("result").get("canonicalValue").decimalValue()).isEqualByComparingTo("40");
        assertThat(r.get("result").get("flag").asString()).isEqualTo("LOW");
    }
}
