package org.hemonet.pk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved PK studies and factor-level lab results over real HTTP (issue 7, "In the record"): save, list, open, pick
 * logged infusions and lab results, 400s naming the field, the access matrix with its audit events, void.
 * Each test registers its own North patient, so the demo patients' diaries stay as they are.
 */
class PkRecordsApiTest extends IntegrationTest {

    private static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID north;
    ApiClient clinician;

    @BeforeEach
    void setUp() {
        north = jdbc.sql("select id from centre.centre where code = 'NORTH'")
                .query(UUID.class)
                .single();
        clinician = new ApiClient(port).signIn("clinician.north");
    }

    private UUID registerAtNorth() {
        HttpResponse<String> response = clinician.postJson(
                "/api/v1/patients",
                """
                {"centreId": "%s", "givenName": "Pia", "familyName": "Kinetic", "dateOfBirth": "1996-04-02",
                 "sex": "MALE", "nationalId": null,
                 "diagnosis": {"type": "HEMOPHILIA_A", "baselineFactorLevelIuPerDl": 0.5, "measuredOn": "2025-03-01"},
                 "weightKg": 70}
                """
                        .formatted(north));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(json(response).get("id").asString());
    }

    private UUID logInfusion(UUID patient, Instant at, int iu) {
        DemoProducts product = DemoProducts.factorConcentrate(jdbc);
        HttpResponse<String> logged = clinician.postJson(
                "/api/v1/patients/" + patient + "/infusions",
                """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": %d, "reason": "PROPHYLAXIS"}"""
                        .formatted(at, product.productId(), product.batchNumber(), iu));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        return UUID.fromString(json(logged).get("id").asString());
    }

    private HttpResponse<String> addLevel(ApiClient api, UUID patient, Instant at, double level, boolean belowLoq) {
        return api.postJson(
                "/api/v1/patients/" + patient + "/factor-levels",
                """
                {"takenAt": "%s", "iuPerDl": %s, "belowLoq": %s}""".formatted(at, level, belowLoq));
    }

    private UUID level(UUID patient, Instant at, double level, boolean belowLoq) {
        HttpResponse<String> response = addLevel(clinician, patient, at, level, belowLoq);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(json(response).get("id").asString());
    }

    private long audited(UUID patient, String resource, String action, String outcome) {
        return jdbc.sql(
                        "select count(*) from audit.event where patient_id = :p and resource_type = :r and action = :a and outcome = :o")
                .param("p", patient)
                .param("r", resource)
                .param("a", action)
                .param("o", outcome)
                .query(Long.class)
                .single();
    }

    private static String ids(List<UUID> ids) {
        List<String> quoted = new ArrayList<>();
        ids.forEach(id -> quoted.add("\"" + id + "\""));
        return "[" + String.join(",", quoted) + "]";
    }

    private static String study(String infusionIds, String factorLevelIds) {
        return """
                {"model": "fviii-allard-2020", "weightKg": 70, "ageYears": 30, "infusionIds": %s, "factorLevelIds": %s}"""
                .formatted(infusionIds, factorLevelIds);
    }

    @Test
    void savesAStudyFromPickedInfusionsAndLabResultsListsItAndOpensItAgain() {
        UUID patient = registerAtNorth();
        Instant dose = Instant.now().minus(30, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        UUID infusion = logInfusion(patient, dose, 3500);
        // levels halving about every 12 h after 50 IU/kg
        List<UUID> levels = List.of(
                level(patient, dose.plus(4, ChronoUnit.HOURS), 62, false),
                level(patient, dose.plus(12, ChronoUnit.HOURS), 40, false),
                level(patient, dose.plus(24, ChronoUnit.HOURS), 20, false),
                level(patient, dose.plus(29, ChronoUnit.HOURS), 1, true));
        JsonNode listed = json(clinician.get("/api/v1/patients/" + patient + "/factor-levels"));
        assertThat(listed.size()).isEqualTo(4);
        assertThat(listed.get(0).get("belowLoq").asBoolean()).isTrue();
        assertThat(listed.get(0).get("enteredRole").asString()).isEqualTo("CLINICIAN");

        HttpResponse<String> saved = clinician.postJson(
                "/api/v1/patients/" + patient + "/pk-studies", study(ids(List.of(infusion)), ids(levels)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(saved.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = json(saved);
        UUID studyId = UUID.fromString(body.get("id").asString());
        JsonNode estimate = body.get("estimate");
        assertThat(estimate.get("samplesUsed").asInt())
                .as("the below-LOQ result is not fitted")
                .isEqualTo(3);
        assertThat(estimate.get("warnings").toString()).contains("below the limit of quantification");
        assertThat(estimate.get("halfLifeHours").asDouble()).isBetween(8.0, 18.0);
        assertThat(estimate.get("halfLifeCi90").size()).isEqualTo(2);
        assertThat(estimate.get("eta").size()).isEqualTo(3);
        assertThat(body.get("study").get("doses").get(0).get("iu").asDouble()).isEqualTo(3500);
        assertThat(body.get("enteredBy").asString()).isEqualTo("clinician.north");

        JsonNode list = json(clinician.get("/api/v1/patients/" + patient + "/pk-studies"));
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("model").asString()).isEqualTo("fviii-allard-2020");
        assertThat(list.get(0).get("halfLifeHours").asDouble())
                .isEqualTo(estimate.get("halfLifeHours").asDouble());

        HttpResponse<String> opened = clinician.get("/api/v1/patients/" + patient + "/pk-studies/" + studyId);
        assertThat(opened.statusCode()).isEqualTo(200);
        JsonNode again = json(opened);
        assertThat(again.get("estimate").get("curve").size()).isGreaterThan(20);
        assertThat(again.get("study").get("samples").size()).isEqualTo(3);
        assertThat(again.get("infusionIds").get(0).asString()).isEqualTo(infusion.toString());
        assertThat(again.get("estimate").get("eta")).isEqualTo(estimate.get("eta"));

        assertThat(audited(patient, "PkStudy", "CREATE", "SUCCESS")).isEqualTo(1);
        assertThat(audited(patient, "PkStudy", "READ", "SUCCESS")).isEqualTo(2);
        assertThat(audited(patient, "FactorLevel", "CREATE", "SUCCESS")).isEqualTo(4);
        assertThat(audited(patient, "FactorLevel", "READ", "SUCCESS")).isEqualTo(1);
    }

    @Test
    void refusesBadStudiesAndLabResultsNamingTheField() {
        UUID patient = registerAtNorth();
        UUID other = registerAtNorth();
        UUID othersInfusion = logInfusion(other, Instant.now().minus(2, ChronoUnit.HOURS), 1000);
        UUID othersLevel = level(other, Instant.now().minus(1, ChronoUnit.HOURS), 30, false);
        String path = "/api/v1/patients/" + patient + "/pk-studies";
        assertField(clinician.postJson(path, "{\"weightKg\": 70, \"ageYears\": 30}"), "model");
        assertField(
                clinician.postJson(path, "{\"model\": \"fviii-allard-2020\", \"weightKg\": 0, \"ageYears\": 30}"),
                "weightKg");
        assertField(clinician.postJson(path, study("[]", "[]")), "doses");
        assertField(clinician.postJson(path, study(ids(List.of(othersInfusion)), "[]")), "infusionIds[0]");
        assertField(
                clinician.postJson(
                        path,
                        study("[]", ids(List.of(othersLevel)))
                                .replace(
                                        "\"infusionIds\": []",
                                        "\"doses\": [{\"at\": \"2026-11-01T09:00:00Z\", \"iu\": 2000}]")),
                "factorLevelIds[0]");
        assertField(
                clinician.postJson(
                        path,
                        """
                        {"model": "fviii-allard-2020", "weightKg": 70, "ageYears": 30, "doses": [{"at": "2026-11-01T09:00:00Z", "iu": 0}]}"""),
                "doses[0].iu");
        assertField(
                clinician.postJson(
                        path,
                        """
                        {"model": "no-such-model", "weightKg": 70, "ageYears": 30, "doses": [{"at": "2026-11-01T09:00:00Z", "iu": 2000}]}"""),
                "model");
        assertThat(audited(patient, "PkStudy", "CREATE", "FAILED")).isEqualTo(7);

        String levels = "/api/v1/patients/" + patient + "/factor-levels";
        assertField(clinician.postJson(levels, "{\"iuPerDl\": 12}"), "takenAt");
        assertField(addLevel(clinician, patient, Instant.now(), -1, false), "iuPerDl");
        assertField(addLevel(clinician, patient, Instant.now().plus(2, ChronoUnit.DAYS), 10, false), "takenAt");
        assertThat(json(clinician.get(levels)).size()).isZero();
        assertThat(json(clinician.get(path)).size()).isZero();
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("field").asString()).as(response.body()).isEqualTo(field);
    }

    @Test
    void onlyTheClinicalTeamOfThePatientsCentreReachesStudiesAndLabResults() {
        UUID patient = registerAtNorth();
        String studies = "/api/v1/patients/" + patient + "/pk-studies";
        String levels = "/api/v1/patients/" + patient + "/factor-levels";

        assertThat(new ApiClient(port).signIn("nurse.north").get(studies).statusCode())
                .isEqualTo(200);
        HttpResponse<String> nurseLevel =
                addLevel(new ApiClient(port).signIn("nurse.north"), patient, Instant.now(), 5, false);
        assertThat(nurseLevel.statusCode()).as(nurseLevel.body()).isEqualTo(201);

        ApiClient south = new ApiClient(port).signIn("clinician.south");
        HttpResponse<String> otherCentre = south.get(studies);
        assertThat(otherCentre.statusCode()).isEqualTo(404);
        assertThat(otherCentre.body()).doesNotContain("Kinetic");
        assertThat(south.get(levels).statusCode()).isEqualTo(404);
        assertThat(addLevel(south, patient, Instant.now(), 5, false).statusCode())
                .isEqualTo(404);
        assertThat(audited(patient, "PkStudy", "READ", "DENIED")).isEqualTo(1);
        assertThat(audited(patient, "FactorLevel", "READ", "DENIED")).isEqualTo(1);
        assertThat(audited(patient, "FactorLevel", "CREATE", "DENIED")).isEqualTo(1);
        // an unknown id answers exactly as another centre's patient
        assertThat(south.get("/api/v1/patients/" + UUID.randomUUID() + "/pk-studies")
                        .statusCode())
                .isEqualTo(404);

        for (String user : List.of("analyst", "commissioner", "physio.north")) {
            ApiClient api = new ApiClient(port).signIn(user);
            assertThat(api.get(studies).statusCode()).as(user).isEqualTo(403);
            assertThat(api.get(levels).statusCode()).as(user).isEqualTo(403);
            assertThat(api.postJson(studies, study("[]", "[]")).statusCode())
                    .as(user)
                    .isEqualTo(403);
        }
        UUID tom = jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
        ApiClient patientTom = new ApiClient(port).signIn("patient.tom");
        assertThat(patientTom.get("/api/v1/patients/" + tom + "/pk-studies").statusCode())
                .as("a patient sees his level page, not the studies")
                .isEqualTo(403);
        assertThat(patientTom.get("/api/v1/patients/" + tom + "/factor-levels").statusCode())
                .isEqualTo(403);
        assertThat(json(clinician.get(levels)).size()).isEqualTo(1);
    }

    @Test
    void aStudyIsVoidedWithAReasonNeverDeleted() {
        UUID patient = registerAtNorth();
        UUID infusion = logInfusion(patient, Instant.now().minus(5, ChronoUnit.HOURS), 2000);
        HttpResponse<String> saved =
                clinician.postJson("/api/v1/patients/" + patient + "/pk-studies", study(ids(List.of(infusion)), "[]"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        String path = "/api/v1/patients/" + patient + "/pk-studies/"
                + json(saved).get("id").asString();
        assertField(clinician.postJson(path + "/void", "{\"reason\": \" \"}"), "reason");
        HttpResponse<String> voided = clinician.postJson(path + "/void", "{\"reason\": \"wrong patient weight\"}");
        assertThat(voided.statusCode()).as(voided.body()).isEqualTo(200);
        assertThat(json(voided).get("voidReason").asString()).isEqualTo("wrong patient weight");
        JsonNode list = json(clinician.get("/api/v1/patients/" + patient + "/pk-studies"));
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("voidedAt").isNull()).isFalse();
        assertThat(audited(patient, "PkStudy", "VOID", "SUCCESS")).isEqualTo(1);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
