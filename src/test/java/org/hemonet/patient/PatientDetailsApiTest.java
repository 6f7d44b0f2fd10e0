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

    // ---- record numbers and contacts
    // ---------------------------------------------------------------------------------

    private UUID centreOf(UUID patient) {
        return UUID.fromString(json(client("clinician.north").get("/api/v1/patients/" + patient))
                .get("centreId")
                .asString());
    }

    private UUID registerAtNorth() {
        UUID north = centreOf(tom);
        var response = client("clinician.north")
                .postJson(
                        "/api/v1/patients",
                        """
                        {"centreId": "%s", "givenName": "Ada", "familyName": "Detailtest", "dateOfBirth": "2012-04-02",
                         "sex": "MALE",
                         "diagnosis": {"type": "HEMOPHILIA_A", "baselineFactorLevelIuPerDl": 0.5,
                                       "measuredOn": "2025-03-01"},
                         "weightKg": 41.5}
                        """
                                .formatted(north));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(json(response).get("id").asString());
    }

    @Test
    void recordNumbersAreUniquePerCentre() {
        UUID ada = registerAtNorth();
        UUID north = centreOf(ada);
        String mrn = "T" + Long.toString(System.nanoTime() % 1_000_000_000L);
        ApiClient clinician = client("clinician.north");
        String path = "/api/v1/patients/" + ada + "/record-numbers";
        var created = clinician.postJson(path, "{\"centreId\": \"%s\", \"mrn\": \"%s\"}".formatted(north, mrn));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("mrn").asString()).isEqualTo(mrn);
        assertThat(auditRows(ada, "RecordNumber", "SUCCESS")).isEqualTo(1);
        var record = json(clinician.get("/api/v1/patients/" + ada));
        assertThat(record.get("recordNumbers").get(0).get("mrn").asString()).isEqualTo(mrn);

        UUID other = registerAtNorth();
        var taken = clinician.postJson(
                "/api/v1/patients/" + other + "/record-numbers",
                "{\"centreId\": \"%s\", \"mrn\": \"%s\"}".formatted(north, mrn));
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        var second = clinician.postJson(path, "{\"centreId\": \"%s\", \"mrn\": \"X%s\"}".formatted(north, mrn));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    }

    @Test
    void refusesInvalidRecordNumbersNamingTheField() {
        UUID ada = registerAtNorth();
        String path = "/api/v1/patients/" + ada + "/record-numbers";
        ApiClient clinician = client("clinician.north");
        assertBadField(
                clinician.postJson(path, "{\"centreId\": \"%s\", \"mrn\": \"1\"}".formatted(UUID.randomUUID())),
                "centreId");
        assertBadField(
                clinician.postJson(
                        path, "{\"centreId\": \"%s\", \"mrn\": \"%s\"}".formatted(centreOf(ada), "9".repeat(41))),
                "mrn");
        assertBadField(clinician.postJson(path, "{\"centreId\": \"%s\"}".formatted(centreOf(ada))), "mrn");
    }

    @Test
    void recordNumberAccessMatrix() {
        String body = "{\"centreId\": \"%s\", \"mrn\": \"M1\"}".formatted(centreOf(tom));
        String path = "/api/v1/patients/" + tom + "/record-numbers";
        long denied = auditRows(tom, "RecordNumber", "DENIED");
        assertThat(client("clinician.east").postJson(path, body).statusCode()).isEqualTo(404);
        assertThat(auditRows(tom, "RecordNumber", "DENIED")).isEqualTo(denied + 1);
        assertThat(client("analyst").postJson(path, body).statusCode()).isEqualTo(403);
        assertThat(client("patient.tom").postJson(path, body).statusCode()).isEqualTo(403);
    }

    private static final String CONTACT =
            "{\"name\": \"Mary Bradley\", \"relationship\": \"mother\", \"phone\": \"0161 496 0000\","
                    + " \"guardian\": true}";

    @Test
    void ownCentreAddsAContactAndItIsAudited() {
        long before = auditRows(tom, "Contact", "SUCCESS");
        var response = client("clinician.north").postJson("/api/v1/patients/" + tom + "/contacts", CONTACT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode contact = json(response);
        assertThat(contact.get("kind").asString()).isEqualTo("GUARDIAN");
        assertThat(contact.get("phone").asString()).isEqualTo("0161 496 0000");
        assertThat(auditRows(tom, "Contact", "SUCCESS")).isEqualTo(before + 1);
        var record = json(client("clinician.north").get("/api/v1/patients/" + tom));
        boolean listed = false;
        for (JsonNode c : record.get("contacts")) {
            listed |= c.get("id").asString().equals(contact.get("id").asString());
        }
        assertThat(listed).isTrue();
    }

    @Test
    void contactAccessMatrixAndValidation() {
        String path = "/api/v1/patients/" + tom + "/contacts";
        long denied = auditRows(tom, "Contact", "DENIED");
        assertThat(client("clinician.east").postJson(path, CONTACT).statusCode())
                .isEqualTo(404);
        assertThat(auditRows(tom, "Contact", "DENIED")).isEqualTo(denied + 1);
        assertThat(client("analyst").postJson(path, CONTACT).statusCode()).isEqualTo(403);
        assertThat(client("patient.tom").postJson(path, CONTACT).statusCode()).isEqualTo(403);
        ApiClient north = client("clinician.north");
        assertBadField(north.postJson(path, "{\"name\": \" \", \"guardian\": false}"), "name");
        assertBadField(north.postJson(path, "{\"name\": \"A\", \"phone\": \"call me\"}"), "phone");
    }

    // ---- family links
    // ------------------------------------------------------------------------------------------------

    private UUID somePatientOfEast() {
        JsonNode found = json(client("clinician.east").get("/api/v1/patients?size=1"));
        return UUID.fromString(found.get("items").get(0).get("id").asString());
    }

    @Test
    void linksARegisteredRelativeOrAFreeTextOne() {
        UUID ada = registerAtNorth();
        UUID brother = registerAtNorth();
        ApiClient north = client("clinician.north");
        String path = "/api/v1/patients/" + ada + "/family-links";
        var linked = north.postJson(
                path,
                "{\"relativeId\": \"%s\", \"relationship\": \"brother\", \"carrierStatus\": \"AFFECTED\"}"
                        .formatted(brother));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        assertThat(json(linked).get("carrierStatus").asString()).isEqualTo("AFFECTED");
        var named = north.postJson(
                path,
                "{\"relativeName\": \"Jane Detailtest\", \"relationship\": \"mother\","
                        + " \"carrierStatus\": \"OBLIGATE_CARRIER\"}");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        assertThat(auditRows(ada, "FamilyLink", "SUCCESS")).isEqualTo(2);
        var record = json(north.get("/api/v1/patients/" + ada));
        assertThat(record.get("familyLinks")).hasSize(2);
        var again = north.postJson(path, "{\"relativeId\": \"%s\", \"relationship\": \"brother\"}".formatted(brother));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(north.getHtml("/patients/" + ada).body()).contains("mother: Jane Detailtest");
    }

    @Test
    void aRelativeTheCallerMayNotSeeIsRefusedLikeAnUnknownId() {
        String path = "/api/v1/patients/" + tom + "/family-links";
        ApiClient north = client("clinician.north");
        var hidden = north.postJson(
                path, "{\"relativeId\": \"%s\", \"relationship\": \"cousin\"}".formatted(somePatientOfEast()));
        var unknown = north.postJson(
                path, "{\"relativeId\": \"%s\", \"relationship\": \"cousin\"}".formatted(UUID.randomUUID()));
        assertBadField(hidden, "relativeId");
        assertBadField(unknown, "relativeId");
        assertThat(json(hidden).get("detail")).isEqualTo(json(unknown).get("detail"));
        assertBadField(north.postJson(path, "{\"relationship\": \"cousin\"}"), "relativeId");
        assertBadField(north.postJson(path, "{\"relativeName\": \"Kim\"}"), "relationship");
        assertBadField(
                north.postJson(
                        path, "{\"relativeName\": \"Kim\", \"relationship\": \"x\", \"carrierStatus\": \"MAYBE\"}"),
                "carrierStatus");
    }

    @Test
    void familyLinkAccessMatrix() {
        String path = "/api/v1/patients/" + tom + "/family-links";
        String body = "{\"relativeName\": \"Kim\", \"relationship\": \"cousin\"}";
        long denied = auditRows(tom, "FamilyLink", "DENIED");
        assertThat(client("clinician.east").postJson(path, body).statusCode()).isEqualTo(404);
        assertThat(auditRows(tom, "FamilyLink", "DENIED")).isEqualTo(denied + 1);
        assertThat(client("analyst").postJson(path, body).statusCode()).isEqualTo(403);
        assertThat(client("patient.tom").postJson(path, body).statusCode()).isEqualTo(403);
    }

    // ---- measurements (weight and height)
    // ----------------------------------------------------------------------------

    @Test
    void recordsWeightAndHeight() {
        UUID ada = registerAtNorth();
        ApiClient north = client("clinician.north");
        String path = "/api/v1/patients/" + ada + "/measurements";
        var response =
                north.postJson(path, "{\"measuredOn\": \"2026-01-05\", \"weightKg\": 43.2, \"heightCm\": 151.5}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(auditRows(ada, "Measurement", "SUCCESS")).isEqualTo(1);
        var weights = json(north.get("/api/v1/patients/" + ada)).get("weights");
        double height = 0;
        for (JsonNode w : weights) {
            if (w.get("measuredOn").asString().equals("2026-01-05")) {
                height = w.get("heightCm").asDouble();
            }
        }
        assertThat(height).isEqualTo(151.5);
        var weightOnly = north.postJson(path, "{\"measuredOn\": \"2026-01-06\", \"weightKg\": 43.4}");
        assertThat(weightOnly.statusCode()).as(weightOnly.body()).isEqualTo(201);
        assertBadField(
                north.postJson(path, "{\"measuredOn\": \"2026-01-05\", \"weightKg\": 43, \"heightCm\": 20}"),
                "heightCm");
        assertBadField(
                north.postJson(path, "{\"measuredOn\": \"2026-01-05\", \"weightKg\": 43, \"heightCm\": 251}"),
                "heightCm");
        assertBadField(north.postJson(path, "{\"measuredOn\": \"2026-01-05\", \"weightKg\": 0}"), "weightKg");
        assertBadField(north.postJson(path, "{\"measuredOn\": \"2999-01-05\", \"weightKg\": 40}"), "measuredOn");
        assertBadField(north.postJson(path, "{\"measuredOn\": \"2001-01-05\", \"weightKg\": 40}"), "measuredOn");
    }

    @Test
    void measurementAccessMatrix() {
        String path = "/api/v1/patients/" + tom + "/measurements";
        String body = "{\"measuredOn\": \"2026-01-05\", \"weightKg\": 80, \"heightCm\": 180}";
        long denied = auditRows(tom, "Measurement", "DENIED");
        assertThat(client("clinician.east").postJson(path, body).statusCode()).isEqualTo(404);
        assertThat(auditRows(tom, "Measurement", "DENIED")).isEqualTo(denied + 1);
        assertThat(client("analyst").postJson(path, body).statusCode()).isEqualTo(403);
        assertThat(client("patient.tom").postJson(path, body).statusCode()).isEqualTo(403);
        long ok = auditRows(tom, "Measurement", "SUCCESS");
        assertThat(client("clinician.north").postJson(path, body).statusCode()).isEqualTo(201);
        assertThat(auditRows(tom, "Measurement", "SUCCESS")).isEqualTo(ok + 1);
    }
}
