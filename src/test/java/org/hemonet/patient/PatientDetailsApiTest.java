package org.hemonet.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adding registry details through the API (issue 4): ITI episodes, record numbers, contacts, family links. Each
 * endpoint follows the consent pattern: own centre 201 and audited; another centre 404 with a DENIED audit row;
 * aggregate roles 403; patients 403; invalid input 400 naming the field.
 */
class PatientDetailsApiTest extends IntegrationTest {

    private static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID tom;

    @BeforeEach
    void findTom() {
        JsonNode found = json(client("clinician.north").get("/api/v1/patients?q=Tom%20Bradley"));
        tom = UUID.fromString(found.get("items").get(0).get("id").asString());
    }

    private ApiClient client(String user) {
        return new ApiClient(port).signIn(user);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private long auditRows(UUID patient, String resourceType, String outcome) {
        return jdbc.sql("select count(*) from audit.event where patient_id = :p and action = 'CREATE'"
                        + " and resource_type = :t and outcome = :o")
                .param("p", patient)
                .param("t", resourceType)
                .param("o", outcome)
                .query(Long.class)
                .single();
    }

    private static void assertBadField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(field);
    }

    // ---- ITI episodes
    // ------------------------------------------------------------------------------------------------

    private static final String ITI =
            """
            {"startedOn": "2025-01-10", "regimen": "Daily 100 IU/kg FVIII", "endedOn": "2025-11-01", "outcome": "PARTIAL",
             "productId": "%s"}
            """;

    private String itiPath() {
        return "/api/v1/patients/" + tom + "/iti-episodes";
    }

    @Test
    void ownCentreRecordsAnItiEpisodeAndItIsAudited() {
        long before = auditRows(tom, "ItiEpisode", "SUCCESS");
        UUID product = UUID.randomUUID();
        var response = client("clinician.north").postJson(itiPath(), ITI.formatted(product));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode episode = json(response);
        assertThat(episode.get("outcome").asString()).isEqualTo("PARTIAL");
        assertThat(episode.get("productId").asString()).isEqualTo(product.toString());
        assertThat(auditRows(tom, "ItiEpisode", "SUCCESS")).isEqualTo(before + 1);
        var record = json(client("clinician.north").get("/api/v1/patients/" + tom));
        boolean listed = false;
        for (JsonNode i : record.get("itiEpisodes")) {
            listed |= i.get("id").asString().equals(episode.get("id").asString());
        }
        assertThat(listed).isTrue();
    }

    @Test
    void anotherCentreGets404AndADeniedAuditRow() {
        long before = auditRows(tom, "ItiEpisode", "DENIED");
        var response = client("clinician.east").postJson(itiPath(), ITI.formatted(UUID.randomUUID()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(auditRows(tom, "ItiEpisode", "DENIED")).isEqualTo(before + 1);
    }

    @Test
    void analystsAndPatientsMayNotAddItiEpisodes() {
        assertThat(client("analyst")
                        .postJson(itiPath(), ITI.formatted(UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(403);
        assertThat(client("patient.tom")
                        .postJson(itiPath(), ITI.formatted(UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void refusesInvalidItiEpisodesNamingTheField() {
        ApiClient north = client("clinician.north");
        assertBadField(
                north.postJson(
                        itiPath(), "{\"startedOn\": \"2025-01-10\", \"regimen\": \"x\", \"outcome\": \"MAYBE\"}"),
                "outcome");
        assertBadField(
                north.postJson(itiPath(), "{\"startedOn\": \"2025-01-10\", \"outcome\": \"ONGOING\"}"), "regimen");
        assertBadField(
                north.postJson(
                        itiPath(), "{\"startedOn\": \"2999-01-10\", \"regimen\": \"x\", \"outcome\": \"ONGOING\"}"),
                "startedOn");
        assertBadField(
                north.postJson(
                        itiPath(),
                        "{\"startedOn\": \"2025-01-10\", \"endedOn\": \"2024-01-10\", \"regimen\": \"x\","
                                + " \"outcome\": \"FAILURE\"}"),
                "endedOn");
        assertBadField(
                north.postJson(
                        itiPath(),
                        "{\"startedOn\": \"2025-01-10\", \"endedOn\": \"2999-01-10\", \"regimen\": \"x\","
                                + " \"outcome\": \"FAILURE\"}"),
                "endedOn");
    }
}
