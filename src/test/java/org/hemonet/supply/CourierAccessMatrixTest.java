package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery provider's rows of the access matrix: 403 on every patient-record, diary, outcome, PK, plan, stock and
 * report endpoint and page, even for a patient of a centre it serves; 200 only on its own run.
 */
class CourierAccessMatrixTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCourierGets403OnEveryClinicalEndpoint() {
        UUID tom = new SupplyFixtures(jdbc).tom();
        String p = "/api/v1/patients/" + tom;
        Map<String, Integer> actual = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        ApiClient courier = new ApiClient(port).signIn("courier");
        String pkEstimate =
                """
                {"model":"fviii-allard-2020","covariates":{"weightKg":70,"ageYears":30,"product":"STANDARD"},
                 "doses":[{"at":"2026-01-01T08:00:00Z","iu":3500,"infusionMinutes":0}],"samples":[]}
                """;
        Map<String, java.util.function.Supplier<Integer>> calls = new LinkedHashMap<>();
        calls.put("GET patient list", () -> courier.get("/api/v1/patients?q=Bradley")
                .statusCode());
        calls.put("GET patient", () -> courier.get(p).statusCode());
        calls.put("GET bleeds", () -> courier.get(p + "/bleeds").statusCode());
        calls.put("GET infusions", () -> courier.get(p + "/infusions").statusCode());
        calls.put("POST infusion", () -> courier.postJson(p + "/infusions", "{\"dose\":1000}")
                .statusCode());
        calls.put("POST diary sync", () -> courier.postJson("/api/v1/diary/sync", "{}")
                .statusCode());
        calls.put("GET outcomes", () -> courier.get(p + "/outcomes").statusCode());
        calls.put("GET pk models", () -> courier.get("/api/v1/pk/models").statusCode());
        calls.put("POST pk estimate", () -> courier.postJson("/api/v1/pk/estimate", pkEstimate)
                .statusCode());
        calls.put(
                "GET treatment plans", () -> courier.get(p + "/treatment-plans").statusCode());
        calls.put("GET surgery plans", () -> courier.get(p + "/surgery-plans").statusCode());
        calls.put("GET stock", () -> courier.get(p + "/stock").statusCode());
        calls.put("GET patient deliveries", () -> courier.get(p + "/deliveries").statusCode());
        calls.put("GET patient page", () -> courier.getHtml("/patients/" + tom).statusCode());
        calls.put("GET treatment page", () -> courier.getHtml("/patients/" + tom + "/treatment")
                .statusCode());
        calls.put("GET centre deliveries page", () -> courier.getHtml("/deliveries")
                .statusCode());
        calls.put("GET recalls", () -> courier.get("/api/v1/recalls").statusCode());
        for (var call : calls.entrySet()) {
            expected.put(call.getKey(), 403);
            actual.put(call.getKey(), call.getValue().get());
        }
        expected.put("GET provider run", 200);
        actual.put(
                "GET provider run", courier.get("/api/v1/provider/deliveries").statusCode());
        expected.put("GET provider page", 200);
        actual.put("GET provider page", courier.getHtml("/provider/deliveries").statusCode());
        assertThat(actual).containsExactlyEntriesOf(expected);
    }
}
