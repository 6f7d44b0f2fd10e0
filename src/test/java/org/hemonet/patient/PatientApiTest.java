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
 * The registry API on the demo network and real PostgreSQL: registration with derived severity, reads, searches,
 * corrections with If-Match, Bethesda results, and the access matrix of security.md §1–§6 with its audit events.
 */
class PatientApiTest extends IntegrationTest {

    private static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID north;
    UUID south;
    UUID east;
    UUID tom;

    @BeforeEach
    void findDemoIds() {
        ApiClient analyst = client("analyst");
        for (JsonNode centre : json(analyst.get("/api/v1/centres"))) {
            UUID id = UUID.fromString(centre.get("id").asString());
            switch (centre.get("code").asString()) {
                case "NORTH" -> north = id;
                case "SOUTH" -> south = id;
                case "EAST" -> east = id;
                default -> {}
            }
        }
        JsonNode found = json(client("clinician.north").get("/api/v1/patients?q=Tom%20Bradley"));
        tom = UUID.fromString(found.get("items").get(0).get("id").asString());
    }

    private ApiClient client(String user) {
        return new ApiClient(port).signIn(user);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private String newPatient(UUID centre, String nationalId, String level) {
        return """
                {"centreId": "%s", "givenName": "Ada", "familyName": "Testperson", "dateOfBirth": "2010-04-02",
                 "sex": "MALE", "nationalId": %s,
                 "diagnosis": {"type": "HEMOPHILIA_A", "baselineFactorLevelIuPerDl": %s, "measuredOn": "2025-03-01"},
                 "weightKg": 41.5}
                """
                .formatted(centre, nationalId == null ? "null" : "\"" + nationalId + "\"", level);
    }

    private UUID registerAtEast() {
        var response = client("clinician.east").postJson("/api/v1/patients", newPatient(east, null, "0.5"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(json(response).get("id").asString());
    }

    private long auditRows(UUID patient, String action, String outcome) {
        return jdbc.sql("select count(*) from audit.event where patient_id = :p and action = :a and outcome = :o")
                .param("p", patient)
                .param("a", action)
                .param("o", outcome)
                .query(Long.class)
                .single();
    }

    @Test
    void registersAPatientWithDerivedSeverity() {
        var response = client("clinician.east").postJson("/api/v1/patients", newPatient(east, "943 476 5919", "0.5"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.get("severity").asString()).isEqualTo("SEVERE");
        assertThat(body.get("nationalId").asString()).isEqualTo("9434765919");
        assertThat(body.get("nationalIdScheme").asString()).isEqualTo("NHS");
        assertThat(body.get("transition").get("stage").asString()).isIn("PREPARATION", "TRANSFER");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("ETag")).hasValue("\"0\"");
        UUID id = UUID.fromString(body.get("id").asString());
        assertThat(auditRows(id, "CREATE", "SUCCESS")).isEqualTo(1);
    }

    @Test
    void severityIsNullWhenTheBandsDoNotApply() {
        var response = client("clinician.east")
                .postJson(
                        "/api/v1/patients",
                        newPatient(east, null, "55").replace("HEMOPHILIA_A", "FACTOR_VII_DEFICIENCY"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).get("severity").isNull()).isTrue();
    }

    @Test
    void refusesAnNhsNumberWithABadCheckDigit() {
        var response = client("clinician.east").postJson("/api/v1/patients", newPatient(east, "9434765918", "0.5"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("field").asString()).isEqualTo("nationalId");
    }

    @Test
    void refusesUnknownDiagnosisFutureDatesAndWeightOfZero() {
        ApiClient east = client("clinician.east");
        var unknown = east.postJson(
                "/api/v1/patients", newPatient(this.east, null, "0.5").replace("HEMOPHILIA_A", "HEMOPHILIA_Z"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("field").asString()).isEqualTo("diagnosis.type");
        var future = east.postJson(
                "/api/v1/patients", newPatient(this.east, null, "0.5").replace("2010-04-02", "2999-01-01"));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json(future).get("field").asString()).isEqualTo("dateOfBirth");
        var measuredInFuture = east.postJson(
                "/api/v1/patients", newPatient(this.east, null, "0.5").replace("2025-03-01", "2999-01-01"));
        assertThat(measuredInFuture.statusCode()).isEqualTo(400);
        assertThat(json(measuredInFuture).get("field").asString()).isEqualTo("diagnosis.measuredOn");
        var noWeight = east.postJson(
                "/api/v1/patients", newPatient(this.east, null, "0.5").replace("41.5", "0"));
        assertThat(noWeight.statusCode()).isEqualTo(400);
        assertThat(json(noWeight).get("field").asString()).isEqualTo("weightKg");
    }

    @Test
    void refusesRegistrationAtAnotherCentreAndAuditsIt() {
        var response = client("clinician.east").postJson("/api/v1/patients", newPatient(north, null, "0.5"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("field").asString()).isEqualTo("centreId");
        long denied = jdbc.sql(
                        "select count(*) from audit.event where username = 'clinician.east' and action = 'CREATE'"
                                + " and outcome = 'DENIED'")
                .query(Long.class)
                .single();
        assertThat(denied).isPositive();
    }

    @Test
    void accessMatrixForReadingAPatient() {
        String path = "/api/v1/patients/" + tom;
        assertThat(client("clinician.north").get(path).statusCode()).isEqualTo(200);
        assertThat(client("nurse.north").get(path).statusCode()).isEqualTo(200);
        assertThat(client("physio.north").get(path).statusCode()).isEqualTo(200);
        assertThat(client("patient.tom").get(path).statusCode()).isEqualTo(200);
        assertThat(client("analyst").get(path).statusCode()).isEqualTo(403);
        assertThat(client("commissioner").get(path).statusCode()).isEqualTo(403);
        assertThat(client("admin").get(path).statusCode()).isEqualTo(403);
        var otherCentre = client("clinician.south").get(path);
        UUID unknownId = UUID.randomUUID();
        var unknown = client("clinician.south").get("/api/v1/patients/" + unknownId);
        assertThat(otherCentre.statusCode()).isEqualTo(404);
        assertThat(otherCentre.body().replace(tom.toString(), "ID"))
                .isEqualTo(unknown.body().replace(unknownId.toString(), "ID"));
        assertThat(otherCentre.headers().firstValue("Content-Type"))
                .isEqualTo(unknown.headers().firstValue("Content-Type"));
        assertThat(client("parent.sara").get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeniedReadLeavesADeniedAuditRow() {
        long before = auditRows(tom, "READ", "DENIED");
        assertThat(client("clinician.south").get("/api/v1/patients/" + tom).statusCode())
                .isEqualTo(404);
        assertThat(auditRows(tom, "READ", "DENIED")).isEqualTo(before + 1);
    }

    @Test
    void aReadIsAuditedAndSendsNoStoreAndTheVersion() {
        long before = auditRows(tom, "READ", "SUCCESS");
        var response = client("clinician.north").get("/api/v1/patients/" + tom);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(json(response).get("severity").asString()).isEqualTo("SEVERE");
        assertThat(auditRows(tom, "READ", "SUCCESS")).isEqualTo(before + 1);
    }

    @Test
    void infectionStatusOnlyForClinicalRolesOfThePatientsCentres() {
        String path = "/api/v1/patients/" + tom;
        assertThat(json(client("clinician.north").get(path)).get("infection").isObject())
                .isTrue();
        assertThat(json(client("nurse.north").get(path)).get("infection").isObject())
                .isTrue();
        assertThat(json(client("physio.north").get(path)).get("infection").isNull())
                .isTrue();
        assertThat(json(client("patient.tom").get(path)).get("infection").isNull())
                .isTrue();
    }

    @Test
    void searchReturnsOnlyWhatTheCallerMaySee() {
        var own = json(client("clinician.north").get("/api/v1/patients?q=Bradley"));
        assertThat(own.get("total").asInt()).isEqualTo(1);
        var invisible = client("clinician.south").get("/api/v1/patients?q=Bradley");
        var nothing = client("clinician.south").get("/api/v1/patients?q=zzzzzz");
        assertThat(invisible.statusCode()).isEqualTo(200);
        assertThat(invisible.body()).isEqualTo(nothing.body());
        var otherCentre = client("clinician.south").get("/api/v1/patients?centreId=" + north);
        assertThat(json(otherCentre).get("total").asInt()).isZero();
        var severe = json(client("clinician.north").get("/api/v1/patients?severity=SEVERE&size=100"));
        for (JsonNode item : severe.get("items")) {
            assertThat(item.get("severity").asString()).isEqualTo("SEVERE");
        }
        assertThat(client("analyst").get("/api/v1/patients").statusCode()).isEqualTo(403);
        var tomsOwn = json(client("patient.tom").get("/api/v1/patients"));
        assertThat(tomsOwn.get("total").asInt()).isEqualTo(1);
        assertThat(client("clinician.north")
                        .get("/api/v1/patients?severity=HUGE")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void correctsWithIfMatchAndKeepsTheRevision() {
        UUID id = registerAtEast();
        ApiClient east = client("clinician.east");
        var corrected = east.patchJson(
                "/api/v1/patients/" + id,
                """
                {"familyName": "Corrected", "genotypeHgvs": "F8 intron 22 inversion", "reason": "typo at registration"}
                """,
                "\"0\"");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(json(corrected).get("familyName").asString()).isEqualTo("Corrected");
        assertThat(corrected.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode revision = json(corrected).get("revisions").get(0);
        assertThat(revision.get("changedBy").asString()).isEqualTo("clinician.east");
        assertThat(revision.get("reason").asString()).isEqualTo("typo at registration");
        assertThat(auditRows(id, "UPDATE", "SUCCESS")).isEqualTo(1);

        var stale =
                east.patchJson("/api/v1/patients/" + id, "{\"familyName\": \"Stale\", \"reason\": \"late\"}", "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(east.get("/api/v1/patients/" + id)).get("familyName").asString())
                .isEqualTo("Corrected");

        var missing = east.patchJson("/api/v1/patients/" + id, "{\"familyName\": \"X\", \"reason\": \"r\"}", null);
        assertThat(missing.statusCode()).isEqualTo(428);
    }

    @Test
    void refusesFieldsTheRoleMayNotSetAndAuditsThem() {
        UUID id = registerAtEast();
        var move = client("clinician.east")
                .patchJson("/api/v1/patients/" + id, "{\"centreId\": \"" + north + "\", \"reason\": \"r\"}", "\"0\"");
        assertThat(move.statusCode()).isEqualTo(400);
        assertThat(json(move).get("field").asString()).isEqualTo("centreId");
        var severity = client("clinician.east")
                .patchJson("/api/v1/patients/" + id, "{\"severity\": \"MILD\", \"reason\": \"r\"}", "\"0\"");
        assertThat(severity.statusCode()).isEqualTo(400);
        assertThat(json(severity).get("field").asString()).isEqualTo("severity");
        assertThat(auditRows(id, "UPDATE", "DENIED")).isEqualTo(2);

        String tomPath = "/api/v1/patients/" + tom;
        ApiClient patient = client("patient.tom");
        String etag = patient.get(tomPath).headers().firstValue("ETag").orElseThrow();
        var infection = patient.patchJson(tomPath, "{\"hivStatus\": \"NEGATIVE\", \"reason\": \"r\"}", etag);
        assertThat(infection.statusCode()).isEqualTo(400);
        assertThat(json(infection).get("field").asString()).isEqualTo("hivStatus");
        var phone = patient.patchJson(tomPath, "{\"phone\": \"07700 900123\", \"reason\": \"new phone\"}", etag);
        assertThat(phone.statusCode()).as(phone.body()).isEqualTo(200);

        var otherCentre =
                client("clinician.south").patchJson(tomPath, "{\"phone\": \"1\", \"reason\": \"r\"}", "\"0\"");
        assertThat(otherCentre.statusCode()).isEqualTo(404);
    }

    @Test
    void sharedCareCentresSeeThePatient() {
        UUID id = registerAtEast();
        String path = "/api/v1/patients/" + id;
        assertThat(client("clinician.south").get(path).statusCode()).isEqualTo(404);
        var shared = client("clinician.east")
                .patchJson(
                        path,
                        "{\"sharedCareCentreIds\": [\"" + south + "\"], \"reason\": \"moved for university\"}",
                        "\"0\"");
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
        ApiClient southClinician = client("clinician.south");
        assertThat(southClinician.get(path).statusCode()).isEqualTo(200);
        var found = json(southClinician.get("/api/v1/patients?q=Testperson&size=100"));
        assertThat(found.get("items").findValuesAsString("id")).contains(id.toString());
    }

    @Test
    void bethesdaResultsComputeTheTitreAndStatus() {
        UUID id = registerAtEast();
        ApiClient east = client("clinician.east");
        String path = "/api/v1/patients/" + id + "/inhibitor-tests";
        var first = east.postJson(
                path, "{\"sampledOn\": \"2026-01-10\", \"residualActivityPercent\": 50.3, \"dilution\": 1}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(json(first).get("titreBu").decimalValue()).isEqualByComparingTo("0.99");
        assertThat(json(first).get("inhibitorStatus").asString()).isEqualTo("POSITIVE_LOW_RESPONDER");
        assertThat(json(first).get("newInhibitor").asBoolean()).isTrue();
        var second = east.postJson(
                path, "{\"sampledOn\": \"2026-02-10\", \"residualActivityPercent\": 38.5, \"dilution\": 8}");
        assertThat(json(second).get("titreBu").decimalValue()).isEqualByComparingTo("11.02");
        assertThat(json(second).get("inhibitorStatus").asString()).isEqualTo("POSITIVE_HIGH_RESPONDER");
        var invalid = east.postJson(
                path, "{\"sampledOn\": \"2026-02-11\", \"residualActivityPercent\": 20, \"dilution\": 1}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("field").asString()).isEqualTo("residualActivityPercent");
        assertThat(json(invalid).get("detail").asString()).contains("25", "75");
        var tooDiluted = east.postJson(
                path, "{\"sampledOn\": \"2026-02-11\", \"residualActivityPercent\": 80, \"dilution\": 4}");
        assertThat(tooDiluted.statusCode())
                .as("above 75 % at a dilution: repeat at a lower one")
                .isEqualTo(400);
        assertThat(client("clinician.south")
                        .postJson(
                                path,
                                "{\"sampledOn\": \"2026-01-10\", \"residualActivityPercent\": 50, \"dilution\": 1}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(client("analyst")
                        .postJson(
                                path,
                                "{\"sampledOn\": \"2026-01-10\", \"residualActivityPercent\": 50, \"dilution\": 1}")
                        .statusCode())
                .isEqualTo(403);
        // the patient and two results; the second positive sample on another day also makes inhibitor surveillance
        // file a draft (issue 13), audited by its own actor after this request: not counted here
        assertThat(jdbc.sql(
                                """
                                select count(*) from audit.event where patient_id = :p and action = 'CREATE'
                                  and outcome = 'SUCCESS' and username = 'clinician.east'""")
                        .param("p", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void recordsConsent() {
        UUID id = registerAtEast();
        var consent = client("clinician.east")
                .postJson(
                        "/api/v1/patients/" + id + "/consents",
                        "{\"kind\": \"RESEARCH\", \"given\": true, \"recordedOn\": \"2026-01-05\"}");
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
        var record = json(client("clinician.east").get("/api/v1/patients/" + id));
        assertThat(record.get("consents").get(0).get("kind").asString()).isEqualTo("RESEARCH");
    }
}
