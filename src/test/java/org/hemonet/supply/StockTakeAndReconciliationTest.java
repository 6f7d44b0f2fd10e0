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

/** Stock-take differences and delivered-against-logged reconciliation with its flags. */
class StockTakeAndReconciliationTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    HomeStock homeStock;

    SupplyFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SupplyFixtures(jdbc);
    }

    @Test
    void stockTakeRecordsTheDifferenceAndReconciliationFlagsUnderLogging() {
        UUID patient = fixtures.otherNorthPatient(7);
        UUID octavia = fixtures.product("Octavia");
        String batch = "STK-" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.receiveBatch(octavia, batch, LocalDate.now().plusYears(2), 100, 1000, LocalDate.now(), null);
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        String today =
                "/api/v1/patients/" + patient + "/reconciliation?from=" + LocalDate.now() + "&to=" + LocalDate.now();
        long deliveredBefore = number(nurse.get(today).body(), "delivered");
        long loggedBefore = number(nurse.get(today).body(), "logged");
        var booked = nurse.postJson(
                "/api/v1/deliveries",
                """
                {"patientId":"%s","scheduledFor":"%s","window":"STANDARD",
                 "items":[{"productId":"%s","batchNumber":"%s","vials":10,"iuPerVial":1000}]}
                """
                        .formatted(patient, LocalDate.now(), octavia, batch));
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(booked.body());
        assertThat(id.find()).isTrue();
        nurse.postJson("/api/v1/deliveries/" + id.group(1) + "/delivered", "{}");
        // 2 vials logged as infused of 10 delivered: 20 % < 75 %
        homeStock.infused(UUID.randomUUID(), patient, octavia, batch, 2, 1000, Instant.now());

        var count = nurse.postJson(
                "/api/v1/patients/" + patient + "/stock/counts",
                "{\"productId\":\"%s\",\"batchNumber\":\"%s\",\"vials\":5}".formatted(octavia, batch));
        assertThat(count.statusCode()).isEqualTo(200);
        // expected 8 at home, 5 counted: 3 left stock unrecorded
        assertThat(count.body()).contains("\"difference\":3", "\"vials\":5");

        var reconciliation = nurse.get(today);
        assertThat(reconciliation.statusCode()).isEqualTo(200);
        assertThat(number(reconciliation.body(), "delivered")).isEqualTo(deliveredBefore + 10_000);
        assertThat(number(reconciliation.body(), "logged")).isEqualTo(loggedBefore + 2_000);
        assertThat(reconciliation.body()).contains("\"underLogging\":true");
        assertThat(new ApiClient(port)
                        .signIn("clinician.south")
                        .get("/api/v1/patients/" + patient + "/reconciliation")
                        .statusCode())
                .isEqualTo(404);
        assertThat(new ApiClient(port)
                        .signIn("analyst")
                        .get("/api/v1/patients/" + patient + "/reconciliation")
                        .statusCode())
                .isEqualTo(403);
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as(field).isTrue();
        return Long.parseLong(m.group(1));
    }
}
