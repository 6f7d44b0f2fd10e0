package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.product.Batch;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The diary and supply together: infusions name real products and batches (security.md §20), are counted out of home
 * stock, and the treatment plan gives the outcomes their prophylaxis schedule.
 */
class DiaryConnectionTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ProductCatalogue catalogue;

    private final JsonMapper json = JsonMapper.builder().build();

    private SupplyFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SupplyFixtures(jdbc);
    }

    private UUID tom() {
        return jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
    }

    private static String infusion(UUID productId, String batch, int doseIu) {
        return """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": %d, "reason": "PROPHYLAXIS"}"""
                .formatted(
                        Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                        productId,
                        batch,
                        doseIu);
    }

    @Test
    void anInfusionOfAnUnknownProductOrBatchIsRefusedNamingTheField() {
        ApiClient tomsPhone = new ApiClient(port).signIn("patient.tom");
        var unknownProduct = tomsPhone.postJson(
                "/api/v1/patients/" + tom() + "/infusions", infusion(UUID.randomUUID(), "ANY-1", 1000));
        assertThat(unknownProduct.statusCode()).isEqualTo(400);
        assertThat(unknownProduct.body()).contains("\"field\":\"productId\"");

        JsonNode line = json.readTree(
                        tomsPhone.get("/api/v1/patients/" + tom() + "/stock").body())
                .get("items")
                .get(0);
        var wrongBatch = tomsPhone.postJson(
                "/api/v1/patients/" + tom() + "/infusions",
                infusion(UUID.fromString(line.get("productId").asString()), "NO-SUCH-BATCH", 1000));
        assertThat(wrongBatch.statusCode()).isEqualTo(400);
        assertThat(wrongBatch.body()).contains("\"field\":\"batchNumber\"");
    }

    /**
     * Owns its data: a centre, nurse and patient of its own, so that no other test's change to a demo patient's plan
     * or stock (the tests run in random order) can move what it counts.
     */
    @Test
    void aLoggedInfusionIsCountedOutOfHomeStockAndTheOutcomesKnowTheSchedule() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Connection");
        TestNetwork.Staff nurseAccount = site.staff(Role.NURSE);
        PatientAccounts.Created patient = site.patient("Connie", "Nection");
        UUID productId = fixtures.product("Octavia");
        Batch batch = catalogue.batches(productId).stream()
                .filter(b -> b.expiresOn().isAfter(LocalDate.now().plusDays(60)))
                .findFirst()
                .orElseThrow();
        ApiClient nurse = new ApiClient(port).signIn(nurseAccount.username());
        // a daily plan from a week ago: today always has a scheduled dose, so adherence has a denominator
        assertThat(nurse.postJson(
                                "/api/v1/patients/" + patient.patientId() + "/treatment-plans",
                                """
                                {"regimen":"PROPHYLAXIS","productId":"%s","dose":1000,"schedule":"EVERY_N_DAYS",
                                 "scheduleInterval":1,"validFrom":"%s"}
                                """
                                        .formatted(productId, LocalDate.now().minusDays(7)))
                        .statusCode())
                .isEqualTo(201);
        var booked = nurse.postJson(
                "/api/v1/deliveries",
                """
                {"patientId":"%s","scheduledFor":"%s","window":"EARLY",
                 "items":[{"productId":"%s","batchNumber":"%s","vials":10,"iuPerVial":%d}]}
                """
                        .formatted(
                                patient.patientId(),
                                LocalDate.now(),
                                productId,
                                batch.batchNumber(),
                                batch.unitsPerVial()));
        assertThat(booked.statusCode()).isEqualTo(201);
        String deliveryId = json.readTree(booked.body()).get("id").asString();
        assertThat(nurse.postJson("/api/v1/deliveries/" + deliveryId + "/delivered", "{}")
                        .statusCode())
                .isEqualTo(200);

        ApiClient phone = new ApiClient(port).signIn(patient.username());
        String stock = "/api/v1/patients/" + patient.patientId() + "/stock";
        assertThat(vialsOf(phone.get(stock).body(), productId, batch.batchNumber()))
                .isEqualTo(10);

        var logged = phone.postJson(
                "/api/v1/patients/" + patient.patientId() + "/infusions",
                infusion(productId, batch.batchNumber(), 2 * batch.unitsPerVial()));
        assertThat(logged.statusCode()).isEqualTo(201);
        assertThat(vialsOf(phone.get(stock).body(), productId, batch.batchNumber()))
                .isEqualTo(8);

        JsonNode outcomes = json.readTree(phone.get("/api/v1/patients/" + patient.patientId() + "/outcomes")
                .body());
        // the plan's schedule reaches the outcomes: adherence is computed, not "no schedule"
        assertThat(outcomes.get("prophylaxisAdherencePercent").isNumber()).isTrue();
        assertThat(outcomes.get("exposureDays").asInt()).isEqualTo(1);
    }

    private int vialsOf(String stockJson, UUID productId, String batchNumber) {
        for (JsonNode item : json.readTree(stockJson).get("items")) {
            if (item.get("batchNumber").asString().equals(batchNumber)
                    && item.get("productId").asString().equals(productId.toString())) {
                return item.get("vials").asInt();
            }
        }
        return 0;
    }
}
