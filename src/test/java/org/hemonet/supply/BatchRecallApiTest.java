package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A recall finds every patient linked to a recalled batch, across centres: one whose only link is a voided infusion,
 * one whose vials are still unopened at home.
 */
class BatchRecallApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    HomeStock homeStock;

    @Autowired
    BatchRecalls recalls;

    SupplyFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SupplyFixtures(jdbc);
    }

    @Test
    void findsAVoidedInfusionAndUnopenedVialsAcrossCentresGroupedByCentre() {
        UUID octavia = fixtures.product("Octavia");
        String batch = "RCL-" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.receiveBatch(octavia, batch, LocalDate.now().plusYears(2), 500, 1000, LocalDate.now(), null);
        UUID north = fixtures.otherNorthPatient(5);
        UUID leo = fixtures.leo();

        // North: five unopened vials delivered to the home
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        var booked = nurse.postJson(
                "/api/v1/deliveries",
                """
                {"patientId":"%s","scheduledFor":"%s","window":"STANDARD",
                 "items":[{"productId":"%s","batchNumber":"%s","vials":5,"iuPerVial":1000}]}
                """
                        .formatted(north, LocalDate.now(), octavia, batch));
        assertThat(booked.statusCode()).isEqualTo(201);
        assertThat(nurse.postJson("/api/v1/deliveries/" + id(booked.body()) + "/delivered", "{}")
                        .statusCode())
                .isEqualTo(200);
        // South: Leo's only link is an infusion that was voided
        UUID infusion = UUID.randomUUID();
        homeStock.infused(infusion, leo, octavia, batch, 1, 1000, Instant.now());
        homeStock.infusionVoided(infusion, "wrong batch typed");

        var issued = new ApiClient(port)
                .signIn("analyst")
                .postJson(
                        "/api/v1/recalls",
                        """
                        {"productId":"%s","batchNumbers":["%s"],"reason":"Particles seen in vials","level":"PATIENT"}
                        """
                                .formatted(octavia, batch));
        assertThat(issued.statusCode()).isEqualTo(201);
        // the analyst sees counts by centre, no identifiers
        assertThat(issued.body())
                .contains("\"patientCount\":2", "North Comprehensive Care Centre", "South Comprehensive Care Centre")
                .doesNotContain(north.toString(), leo.toString());
        String recallId = id(issued.body());

        var northView = new ApiClient(port).signIn("clinician.north").get("/api/v1/recalls/" + recallId);
        assertThat(northView.statusCode()).isEqualTo(200);
        assertThat(northView.body())
                .contains(north.toString(), "\"vialsAtHome\":5", "\"vialsReceived\":5")
                .doesNotContain(leo.toString(), "Okafor");
        var southView = new ApiClient(port).signIn("clinician.south").get("/api/v1/recalls/" + recallId);
        assertThat(southView.body())
                .contains(leo.toString(), "Leo Okafor", "\"voidedInfusions\":1", "\"vialsInfused\":0")
                .doesNotContain(north.toString());
        assertThat(fixtures.auditEvents(leo, "analyst", "Recall", recallId, "SEARCH", "SUCCESS"))
                .isEqualTo(1);
        assertThat(recalls.isRecalled(octavia, batch)).isTrue();

        // Sara acknowledges for Leo; the centre sees who acknowledged
        var ack = new ApiClient(port)
                .signIn("parent.sara")
                .postJson("/api/v1/recalls/" + recallId + "/acknowledgements", "{\"patientId\":\"%s\"}".formatted(leo));
        assertThat(ack.statusCode()).isEqualTo(204);
        assertThat(new ApiClient(port)
                        .signIn("clinician.south")
                        .get("/api/v1/recalls/" + recallId)
                        .body())
                .contains("\"acknowledged\":1", "\"acknowledgedAt\":\"");
    }

    @Test
    void rejectsABatchOfAnotherProductAndRefusesPatientsAndAdmins() {
        String octaviaBatch =
                catalogue.batches(fixtures.product("Octavia")).get(0).batchNumber();
        var wrong = new ApiClient(port)
                .signIn("analyst")
                .postJson(
                        "/api/v1/recalls",
                        """
                        {"productId":"%s","batchNumbers":["%s"],"reason":"x","level":"PATIENT"}
                        """
                                .formatted(fixtures.product("Elora"), octaviaBatch));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"field\":\"batchNumbers[0]\"", "another product");
        String body =
                """
                {"productId":"%s","batchNumbers":["%s"],"reason":"x","level":"PATIENT"}
                """
                        .formatted(fixtures.product("Octavia"), octaviaBatch);
        assertThat(new ApiClient(port)
                        .signIn("patient.tom")
                        .postJson("/api/v1/recalls", body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(new ApiClient(port)
                        .signIn("admin")
                        .postJson("/api/v1/recalls", body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(new ApiClient(port)
                        .signIn("analyst")
                        .get("/api/v1/recalls/" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
    }

    private static String id(String json) {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(json);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
