package org.hemonet.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access matrix of the registry endpoints (security.md §1–§6): role × centre × endpoint. Own centre 200 (201 for
 * creations); another centre 404 as for an unknown id; aggregate roles and administrators 403; a patient their own
 * record 200 and anyone else's 404; patients may not add laboratory results or consents (403).
 */
class RegistryAccessMatrixTest extends IntegrationTest {

    @LocalServerPort
    int port;

    record Endpoint(String name, BiFunction<ApiClient, UUID, HttpResponse<String>> call) {}

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("read", (c, id) -> c.get("/api/v1/patients/" + id)),
            new Endpoint("correct", (c, id) -> {
                String etag = c.get("/api/v1/patients/" + id)
                        .headers()
                        .firstValue("ETag")
                        .orElse("\"0\"");
                return c.patchJson(
                        "/api/v1/patients/" + id, "{\"phone\": \"0161 496 0999\", \"reason\": \"matrix\"}", etag);
            }),
            new Endpoint(
                    "inhibitor-test",
                    (c, id) -> c.postJson(
                            "/api/v1/patients/" + id + "/inhibitor-tests",
                            "{\"sampledOn\": \"2026-01-02\", \"residualActivityPercent\": 74, \"dilution\": 1}")),
            new Endpoint(
                    "consent",
                    (c, id) -> c.postJson(
                            "/api/v1/patients/" + id + "/consents",
                            "{\"kind\": \"REGISTRY\", \"given\": true, \"recordedOn\": \"2026-01-02\"}")));

    /** Expected status per user and endpoint (read, correct, inhibitor-test, consent) for Tom, a North patient. */
    private static final Map<String, List<Integer>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("clinician.north", List.of(200, 200, 201, 201));
        EXPECTED.put("nurse.north", List.of(200, 200, 201, 201));
        EXPECTED.put("physio.north", List.of(200, 200, 201, 201));
        EXPECTED.put("clinician.south", List.of(404, 404, 404, 404));
        EXPECTED.put("clinician.east", List.of(404, 404, 404, 404));
        EXPECTED.put("patient.tom", List.of(200, 200, 403, 403));
        EXPECTED.put("parent.sara", List.of(404, 404, 403, 403));
        EXPECTED.put("analyst", List.of(403, 403, 403, 403));
        EXPECTED.put("commissioner", List.of(403, 403, 403, 403));
        EXPECTED.put("admin", List.of(403, 403, 403, 403));
    }

    @Test
    void everyRoleGetsWhatThePolicySays() {
        var found = new JsonMapper()
                .readTree(new ApiClient(port)
                        .signIn("clinician.north")
                        .get("/api/v1/patients?q=Bradley")
                        .body());
        UUID tom = UUID.fromString(found.get("items").get(0).get("id").asString());
        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        for (String user : EXPECTED.keySet()) {
            ApiClient client = new ApiClient(port).signIn(user);
            actual.put(
                    user,
                    ENDPOINTS.stream()
                            .map(e -> e.call().apply(client, tom).statusCode())
                            .toList());
        }
        assertThat(actual).isEqualTo(EXPECTED);
    }

    @Test
    void searchesAndListsFollowTheSamePolicy() {
        Map<String, Integer> expected = Map.of(
                "clinician.north", 1,
                "nurse.north", 1,
                "clinician.south", 0,
                "patient.tom", 1,
                "parent.sara", 0);
        for (var entry : expected.entrySet()) {
            var response = new ApiClient(port).signIn(entry.getKey()).get("/api/v1/patients?q=Bradley");
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(200);
            assertThat(new JsonMapper().readTree(response.body()).get("total").asInt())
                    .as(entry.getKey())
                    .isEqualTo(entry.getValue());
        }
        for (String aggregate : List.of("analyst", "commissioner", "admin")) {
            assertThat(new ApiClient(port)
                            .signIn(aggregate)
                            .get("/api/v1/patients?q=Bradley")
                            .statusCode())
                    .as(aggregate)
                    .isEqualTo(403);
            assertThat(new ApiClient(port)
                            .signIn(aggregate)
                            .postJson("/api/v1/patients", "{}")
                            .statusCode())
                    .as(aggregate)
                    .isEqualTo(403);
        }
        assertThat(new ApiClient(port)
                        .signIn("patient.tom")
                        .postJson(
                                "/api/v1/patients",
                                "{\"centreId\": \"" + UUID.randomUUID() + "\", \"givenName\": \"A\","
                                        + " \"familyName\": \"B\", \"dateOfBirth\": \"2000-01-01\", \"sex\": \"MALE\","
                                        + " \"diagnosis\": {\"type\": \"HEMOPHILIA_A\"}}")
                        .statusCode())
                .isEqualTo(403);
    }
}
