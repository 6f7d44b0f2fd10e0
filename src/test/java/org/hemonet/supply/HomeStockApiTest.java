package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hemonet.product.Batch;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deliveries and home stock over HTTP: the stock arithmetic, the forecast, validation and the access matrix. */
class HomeStockApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HomeStock homeStock;

    @Autowired
    ProductCatalogue catalogue;

    SupplyFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SupplyFixtures(jdbc);
    }

    private static String stockOf(UUID patient) {
        return "/api/v1/patients/" + patient + "/stock";
    }

    private Batch octaviaBatch() {
        return catalogue.batches(fixtures.product("Octavia")).stream()
                .filter(b -> b.expiresOn().isAfter(LocalDate.now().plusDays(60)))
                .findFirst()
                .orElseThrow();
    }

    private static String delivery(UUID patient, String productId, String batch, int vials, int perVial, String on) {
        return """
                {"patientId":"%s","scheduledFor":"%s","window":"EARLY",
                 "items":[{"productId":"%s","batchNumber":"%s","vials":%d,"iuPerVial":%d}]}
                """
                .formatted(patient, on, productId, batch, vials, perVial);
    }

    private static String id(String json) {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(json);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void stockIsDeliveredMinusInfusedMinusWastedAndAVoidedInfusionReturnsItsVials() {
        UUID patient = fixtures.otherNorthPatient(2);
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        String octavia = fixtures.product("Octavia").toString();
        Batch batch = octaviaBatch();
        // a plan of 1000 IU every 2 days: 500 IU a day
        var plan = nurse.postJson(
                "/api/v1/patients/" + patient + "/treatment-plans",
                """
                {"regimen":"PROPHYLAXIS","productId":"%s","dose":1000,"schedule":"EVERY_N_DAYS",
                 "scheduleInterval":2,"validFrom":"%s"}
                """
                        .formatted(octavia, LocalDate.now()));
        assertThat(plan.statusCode()).isEqualTo(201);

        var booked = nurse.postJson(
                "/api/v1/deliveries",
                delivery(
                        patient,
                        octavia,
                        batch.batchNumber(),
                        20,
                        batch.unitsPerVial(),
                        LocalDate.now().toString()));
        assertThat(booked.statusCode()).isEqualTo(201);
        assertThat(booked.body()).contains("\"status\":\"SCHEDULED\"", "\"window\":\"EARLY\"");
        String deliveryId = id(booked.body());
        // not yet delivered: nothing at home
        assertThat(homeStock.stockOf(patient).items()).isEmpty();

        var delivered = nurse.postJson("/api/v1/deliveries/" + deliveryId + "/delivered", "{}");
        assertThat(delivered.statusCode()).isEqualTo(200);
        assertThat(delivered.body()).contains("\"status\":\"DELIVERED\"");
        assertThat(nurse.postJson("/api/v1/deliveries/" + deliveryId + "/delivered", "{}")
                        .statusCode())
                .isEqualTo(409);

        UUID first = UUID.randomUUID();
        homeStock.infused(
                first,
                patient,
                fixtures.product("Octavia"),
                batch.batchNumber(),
                3,
                batch.unitsPerVial(),
                Instant.now());
        homeStock.infused(
                first,
                patient,
                fixtures.product("Octavia"),
                batch.batchNumber(),
                3,
                batch.unitsPerVial(),
                Instant.now());
        homeStock.infused(
                UUID.randomUUID(),
                patient,
                fixtures.product("Octavia"),
                batch.batchNumber(),
                2,
                batch.unitsPerVial(),
                Instant.now());
        assertThat(homeStock.stockOf(patient).items().get(0).vials()).isEqualTo(15);
        homeStock.infusionVoided(first, "entered twice");
        assertThat(homeStock.stockOf(patient).items().get(0).vials()).isEqualTo(18);

        var wasted = nurse.postJson(
                "/api/v1/patients/" + patient + "/stock/wasted",
                "{\"productId\":\"%s\",\"batchNumber\":\"%s\",\"vials\":1}".formatted(octavia, batch.batchNumber()));
        assertThat(wasted.statusCode()).isEqualTo(200);

        var stock = nurse.get(stockOf(patient));
        assertThat(stock.statusCode()).isEqualTo(200);
        long iu = 17L * batch.unitsPerVial();
        int days = (int) Math.floor(iu / 500.0);
        assertThat(stock.body())
                .contains("\"productId\":\"" + octavia + "\"", "\"batchNumber\":\"" + batch.batchNumber() + "\"")
                .contains("\"expiresOn\":\"" + batch.expiresOn() + "\"", "\"vials\":17", "\"iu\":" + iu)
                .contains("\"daysOfStockLeft\":" + days, "\"lowStock\":" + (days < 10));
        assertThat(jdbc.sql("select count(*) from supply.stock_use where patient_id = :p and voided_at is not null")
                        .param("p", patient)
                        .query(Long.class)
                        .single())
                .as("a voided infusion is kept")
                .isEqualTo(1);
    }

    @Test
    void rejectsUnknownProductsBatchesOfAnotherProductAndBadCounts() {
        UUID patient = fixtures.otherNorthPatient(3);
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        Batch batch = octaviaBatch();
        String today = LocalDate.now().toString();
        var unknown = nurse.postJson(
                "/api/v1/deliveries",
                delivery(patient, UUID.randomUUID().toString(), batch.batchNumber(), 5, batch.unitsPerVial(), today));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"items[0].productId\"");
        var otherProduct = nurse.postJson(
                "/api/v1/deliveries",
                delivery(
                        patient,
                        fixtures.product("Elora").toString(),
                        batch.batchNumber(),
                        5,
                        batch.unitsPerVial(),
                        today));
        assertThat(otherProduct.statusCode()).isEqualTo(400);
        assertThat(otherProduct.body()).contains("\"field\":\"items[0].batchNumber\"", "another product");
        String octavia = fixtures.product("Octavia").toString();
        var noVials = nurse.postJson(
                "/api/v1/deliveries", delivery(patient, octavia, batch.batchNumber(), 0, batch.unitsPerVial(), today));
        assertThat(noVials.statusCode()).isEqualTo(400);
        assertThat(noVials.body()).contains("\"field\":\"items[0].vials\"");
        var wrongSize =
                nurse.postJson("/api/v1/deliveries", delivery(patient, octavia, batch.batchNumber(), 5, 7, today));
        assertThat(wrongSize.body()).contains("\"field\":\"items[0].iuPerVial\"");
        var farAway = nurse.postJson(
                "/api/v1/deliveries",
                delivery(patient, octavia, batch.batchNumber(), 5, batch.unitsPerVial(), "2031-01-01"));
        assertThat(farAway.statusCode()).isEqualTo(400);
        assertThat(farAway.body()).contains("\"field\":\"scheduledFor\"");
    }

    @Test
    void accessMatrixForStockAndDeliveries() {
        UUID tom = fixtures.tom();
        assertThat(new ApiClient(port)
                        .signIn("clinician.north")
                        .get(stockOf(tom))
                        .statusCode())
                .isEqualTo(200);
        var own = new ApiClient(port).signIn("patient.tom").get(stockOf(tom));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"daysOfStockLeft\":", "\"iu\":");
        assertThat(own.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(new ApiClient(port)
                        .signIn("patient.tom")
                        .get(stockOf(fixtures.leo()))
                        .statusCode())
                .isEqualTo(404);
        long before = fixtures.auditEvents(tom, "clinician.south", "HomeStock", "READ", "DENIED");
        assertThat(new ApiClient(port)
                        .signIn("clinician.south")
                        .get(stockOf(tom))
                        .statusCode())
                .isEqualTo(404);
        assertThat(fixtures.auditEvents(tom, "clinician.south", "HomeStock", "READ", "DENIED"))
                .isEqualTo(before + 1);
        assertThat(new ApiClient(port).signIn("analyst").get(stockOf(tom)).statusCode())
                .isEqualTo(403);

        var deliveries = new ApiClient(port).signIn("nurse.north").get("/api/v1/patients/" + tom + "/deliveries");
        assertThat(deliveries.statusCode()).isEqualTo(200);
        assertThat(deliveries.body()).contains("\"status\":\"DELIVERED\"", "\"status\":\"SCHEDULED\"");
        String deliveryId = id(deliveries.body());
        assertThat(new ApiClient(port)
                        .signIn("clinician.south")
                        .get("/api/v1/deliveries/" + deliveryId)
                        .statusCode())
                .isEqualTo(404);
        assertThat(new ApiClient(port)
                        .signIn("clinician.south")
                        .postJson("/api/v1/deliveries/" + deliveryId + "/delivered", "{}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(new ApiClient(port)
                        .signIn("patient.tom")
                        .postJson("/api/v1/deliveries/" + deliveryId + "/delivered", "{}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aStaleVersionIsRefusedWith412() {
        UUID tom = fixtures.tom();
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        Batch batch = octaviaBatch();
        var booked = nurse.postJson(
                "/api/v1/deliveries",
                delivery(
                        tom,
                        fixtures.product("Octavia").toString(),
                        batch.batchNumber(),
                        2,
                        batch.unitsPerVial(),
                        LocalDate.now().plusDays(3).toString()));
        String deliveryId = id(booked.body());
        var stale = nurse.postJson("/api/v1/deliveries/" + deliveryId + "/failed", "{\"version\":7,\"reason\":\"x\"}");
        assertThat(stale.statusCode()).isEqualTo(412);
        var failed = nurse.postJson(
                "/api/v1/deliveries/" + deliveryId + "/failed", "{\"version\":0,\"reason\":\"Nobody at home\"}");
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.body()).contains("\"status\":\"FAILED\"", "Nobody at home");
    }
}
