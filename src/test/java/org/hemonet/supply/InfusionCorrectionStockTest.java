package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hemonet.product.Batch;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Home stock follows the diary's voids and corrections (issue 5: stock = delivered − infused − wasted): a voided
 * infusion gives its vials back, a corrected dose or batch takes what the corrected infusion needs instead — never
 * both the old and the new.
 */
class InfusionCorrectionStockTest extends IntegrationTest {

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

    private int vials(UUID patient, UUID product, String batch) {
        return homeStock.stockOf(patient).items().stream()
                .filter(line ->
                        line.productId().equals(product) && line.batchNumber().equals(batch))
                .mapToInt(StockLine::vials)
                .sum();
    }

    private static String id(String json) {
        return json.replaceAll("(?s)^\\{\"id\":\"([0-9a-f-]+)\".*", "$1");
    }

    /** Delivers 20 vials of each batch to the patient, through the nurse's API. */
    private void deliver(ApiClient nurse, UUID patient, UUID product, Batch batch) {
        var booked = nurse.postJson(
                "/api/v1/deliveries",
                """
                {"patientId":"%s","scheduledFor":"%s","window":"STANDARD",
                 "items":[{"productId":"%s","batchNumber":"%s","vials":20,"iuPerVial":%d}]}
                """
                        .formatted(patient, LocalDate.now(), product, batch.batchNumber(), batch.unitsPerVial()));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String delivery = booked.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
        assertThat(nurse.postJson("/api/v1/deliveries/" + delivery + "/delivered", "{}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aCorrectedDoseOrBatchRecountsTheVialsAndAVoidGivesThemAllBack() {
        UUID patient = fixtures.otherNorthPatient(13);
        UUID octavia = fixtures.product("Octavia");
        List<Batch> batches = catalogue.batches(octavia).stream()
                .filter(b -> b.expiresOn().isAfter(LocalDate.now().plusDays(60)))
                .toList();
        assertThat(batches).hasSizeGreaterThanOrEqualTo(2);
        Batch a = batches.get(0);
        Batch b = batches.get(1);
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        deliver(nurse, patient, octavia, a);
        deliver(nurse, patient, octavia, b);
        int a0 = vials(patient, octavia, a.batchNumber());
        int b0 = vials(patient, octavia, b.batchNumber());
        String base = "/api/v1/patients/" + patient + "/infusions";

        // two vials' worth of batch A
        var logged = nurse.postJson(
                base,
                """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": %d, "reason": "PROPHYLAXIS"}"""
                        .formatted(
                                Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                                octavia,
                                a.batchNumber(),
                                2 * a.unitsPerVial()));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        String infusion = id(logged.body());
        assertThat(vials(patient, octavia, a.batchNumber())).isEqualTo(a0 - 2);

        // the dose was a little more than three vials' worth less one unit: three vials, not 2 + 3
        var moreDose = nurse.postJson(
                base + "/" + infusion + "/corrections",
                "{\"version\": 0, \"reason\": \"gave more\", \"doseIu\": %d}".formatted(3 * a.unitsPerVial() - 1));
        assertThat(moreDose.statusCode()).as(moreDose.body()).isEqualTo(201);
        assertThat(vials(patient, octavia, a.batchNumber())).isEqualTo(a0 - 3);

        // it was batch B after all: A gets its three vials back, B gives what the dose needs of its vial size
        int dose = 3 * a.unitsPerVial() - 1;
        int ofB = (int) Math.ceil(dose / (double) b.unitsPerVial());
        var otherBatch = nurse.postJson(
                base + "/" + infusion + "/corrections",
                "{\"version\": 1, \"reason\": \"wrong batch typed\", \"batchNumber\": \"%s\"}"
                        .formatted(b.batchNumber()));
        assertThat(otherBatch.statusCode()).as(otherBatch.body()).isEqualTo(201);
        assertThat(vials(patient, octavia, a.batchNumber())).isEqualTo(a0);
        assertThat(vials(patient, octavia, b.batchNumber())).isEqualTo(b0 - ofB);

        // a refused correction (stale version) changes no stock
        assertThat(nurse.postJson(
                                base + "/" + infusion + "/corrections",
                                "{\"version\": 1, \"reason\": \"stale\", \"doseIu\": 100}")
                        .statusCode())
                .isEqualTo(412);
        assertThat(vials(patient, octavia, b.batchNumber())).isEqualTo(b0 - ofB);

        // voided: every vial is back, and the use row is kept (voided), not deleted
        var voided = nurse.postJson(base + "/" + infusion + "/void", "{\"reason\": \"entered for the wrong patient\"}");
        assertThat(voided.statusCode()).isEqualTo(200);
        assertThat(vials(patient, octavia, a.batchNumber())).isEqualTo(a0);
        assertThat(vials(patient, octavia, b.batchNumber())).isEqualTo(b0);
        assertThat(jdbc.sql("select count(*) from supply.stock_use where source_id = :id and voided_at is not null")
                        .param("id", UUID.fromString(infusion))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(nurse.postJson(
                                base + "/" + infusion + "/corrections",
                                "{\"version\": 2, \"reason\": \"after the void\", \"doseIu\": 100}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(vials(patient, octavia, b.batchNumber())).isEqualTo(b0);
    }

    @Test
    void anInfusionCorrectedToNoBatchStopsCountingAndCountsAgainWhenTheBatchIsNamed() {
        UUID patient = fixtures.otherNorthPatient(14);
        UUID octavia = fixtures.product("Octavia");
        Batch a = catalogue.batches(octavia).stream()
                .filter(x -> x.expiresOn().isAfter(LocalDate.now().plusDays(60)))
                .findFirst()
                .orElseThrow();
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        deliver(nurse, patient, octavia, a);
        int a0 = vials(patient, octavia, a.batchNumber());
        String base = "/api/v1/patients/" + patient + "/infusions";
        var logged = nurse.postJson(
                base,
                """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": %d, "reason": "PROPHYLAXIS"}"""
                        .formatted(
                                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                                octavia,
                                a.batchNumber(),
                                a.unitsPerVial()));
        String infusion = id(logged.body());
        assertThat(vials(patient, octavia, a.batchNumber())).isEqualTo(a0 - 1);

        assertThat(nurse.postJson(
                                base + "/" + infusion + "/corrections",
                                "{\"version\": 0, \"reason\": \"not from home stock\", \"batchNumber\": \"\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(vials(patient, octavia, a.batchNumber())).isEqualTo(a0);

        assertThat(nurse.postJson(
                        base + "/" + infusion + "/corrections",
                        "{\"version\": 1, \"reason\": \"it was\", \"batchNumber\": \"%s\", \"doseIu\": %d}"
                                .formatted(a.batchNumber(), 2 * a.unitsPerVial())))
                .satisfies(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
        assertThat(vials(patient, octavia, a.batchNumber())).isEqualTo(a0 - 2);
    }
}
