package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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

    private final JsonMapper json = JsonMapper.builder().build();

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

    @Test
    void aLoggedInfusionIsCountedOutOfHomeStockAndTheOutcomesKnowTheSchedule() {
        ApiClient tomsPhone = new ApiClient(port).signIn("patient.tom");
        UUID tom = tom();
        JsonNode before = json.readTree(
                        tomsPhone.get("/api/v1/patients/" + tom + "/stock").body())
                .get("items")
                .get(0);
        UUID productId = UUID.fromString(before.get("productId").asString());
        String batch = before.get("batchNumber").asString();
        int vialsBefore = before.get("vials").asInt();
        int iuPerVial = before.get("iuPerVial").asInt();

        var logged =
                tomsPhone.postJson("/api/v1/patients/" + tom + "/infusions", infusion(productId, batch, 2 * iuPerVial));
        assertThat(logged.statusCode()).isEqualTo(201);

        JsonNode after = json.readTree(
                        tomsPhone.get("/api/v1/patients/" + tom + "/stock").body())
                .get("items");
        int vialsAfter = -1;
        for (JsonNode item : after) {
            if (item.get("batchNumber").asString().equals(batch)
                    && item.get("productId").asString().equals(productId.toString())) {
                vialsAfter = item.get("vials").asInt();
            }
        }
        assertThat(vialsAfter).isEqualTo(vialsBefore - 2);

        String outcomes = tomsPhone.get("/api/v1/patients/" + tom + "/outcomes").body();
        assertThat(outcomes).doesNotContain("\"prophylaxisAdherencePercent\":null");
    }
}
