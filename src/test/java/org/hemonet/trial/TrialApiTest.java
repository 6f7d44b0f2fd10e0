package org.hemonet.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clinical trials through the API (issue 17): a clinician enters a trial for adults with haemophilia A; of the centre's
 * three patients (two adults with A, one with B, one child with A) the two adults with A are eligible, the one who said
 * yes to research first; approach and consent are recorded; another centre sees nothing; closing needs the version.
 */
class TrialApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    private final JsonMapper json = JsonMapper.builder().build();
    TestNetwork.Site site;
    ApiClient clinician;
    PatientAccounts.Created ann;
    PatientAccounts.Created bob;
    UUID bee;
    UUID kid;

    @BeforeEach
    void aCentreWithFourPatients() {
        site = TestNetwork.in(context).centre("Trials");
        clinician = new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        ann = site.patient("Ann", "Trial");
        bob = site.patient("Bob", "Trial");
        bee = register(DiagnosisType.HEMOPHILIA_B, LocalDate.of(1985, 3, 1), "Bee");
        kid = register(DiagnosisType.HEMOPHILIA_A, LocalDate.now().minusYears(9), "Kid");
    }

    private UUID register(DiagnosisType diagnosis, LocalDate born, String name) {
        UUID id = UUID.randomUUID();
        registry.register(new NewPatient(
                id,
                site.centreId(),
                name,
                "Trial",
                born,
                Sex.MALE,
                null,
                null,
                null,
                diagnosis,
                null,
                false,
                null,
                null,
                null,
                null,
                List.of(),
                null));
        return id;
    }

    private JsonNode body(java.net.http.HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    private UUID createTrial() {
        var created = clinician.postJson(
                "/api/v1/trials",
                """
                {"title": "Adults with haemophilia A", "registryId": "NCT00000001", "sponsor": "Test sponsor",
                 "diagnoses": ["HEMOPHILIA_A"], "minAge": 18, "maxAge": 65, "inhibitor": "ANY", "priorTreatment": "ANY"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        return UUID.fromString(body(created).get("id").asString());
    }

    @Test
    void eligiblePatientsAreListedWithTheirWishAndApproachesAreRecorded() {
        UUID trial = createTrial();
        ApiClient bobsPhone = new ApiClient(port).signIn(bob.username());
        var said = bobsPhone.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/v1/patients/" + bob.patientId() + "/research-interest"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", bobsPhone.cookie("XSRF-TOKEN"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"interested\": true}")));
        assertThat(said.statusCode()).as(said.body()).isEqualTo(200);

        var candidates = clinician.get("/api/v1/trials/" + trial + "/candidates");
        assertThat(candidates.statusCode()).isEqualTo(200);
        JsonNode items = body(candidates).get("items");
        assertThat(items.size()).as(candidates.body()).isEqualTo(2);
        assertThat(items.get(0).get("patientId").asString())
                .as("the one who said yes first")
                .isEqualTo(bob.patientId().toString());
        assertThat(items.get(0).get("interestedInResearch").asBoolean()).isTrue();
        assertThat(items.get(1).get("patientId").asString())
                .isEqualTo(ann.patientId().toString());
        assertThat(candidates.body()).doesNotContain(bee.toString()).doesNotContain(kid.toString());

        var approached = clinician.postJson(
                "/api/v1/trials/" + trial + "/approaches",
                "{\"patientId\": \"%s\", \"status\": \"APPROACHED\"}".formatted(bob.patientId()));
        assertThat(approached.statusCode()).as(approached.body()).isEqualTo(201);
        var consented = clinician.postJson(
                "/api/v1/trials/" + trial + "/approaches",
                "{\"patientId\": \"%s\", \"status\": \"CONSENTED\", \"note\": \"Signed the consent form\"}"
                        .formatted(bob.patientId()));
        assertThat(consented.statusCode()).isEqualTo(201);
        assertThat(body(clinician.get("/api/v1/trials/" + trial + "/candidates"))
                        .get("items")
                        .get(0)
                        .get("approach")
                        .asString())
                .isEqualTo("CONSENTED");
        var read = clinician.get("/api/v1/trials/" + trial);
        assertThat(body(read).get("approaches").size()).isEqualTo(2);

        var future = clinician.postJson(
                "/api/v1/trials/" + trial + "/approaches",
                "{\"patientId\": \"%s\", \"status\": \"APPROACHED\", \"onDate\": \"%s\"}"
                        .formatted(ann.patientId(), LocalDate.now().plusDays(5)));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("onDate");
        var stranger = clinician.postJson(
                "/api/v1/trials/" + trial + "/approaches",
                "{\"patientId\": \"%s\", \"status\": \"APPROACHED\"}".formatted(UUID.randomUUID()));
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.body()).contains("patientId");
    }

    @Test
    void whoMaySeeAndChangeTrials() {
        UUID trial = createTrial();
        ApiClient other = new ApiClient(port)
                .signIn(TestNetwork.in(context)
                        .centre("OtherTrials")
                        .staff(Role.CLINICIAN)
                        .username());
        assertThat(other.get("/api/v1/trials/" + trial).statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/trials/" + trial + "/candidates").statusCode())
                .isEqualTo(404);
        assertThat(other.get("/api/v1/trials").body()).doesNotContain(trial.toString());
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        assertThat(nurse.get("/api/v1/trials/" + trial).statusCode()).isEqualTo(200);
        assertThat(nurse.postJson("/api/v1/trials", "{\"title\": \"Nurse trial\"}")
                        .statusCode())
                .isEqualTo(403);
        ApiClient patient = new ApiClient(port).signIn(ann.username());
        assertThat(patient.get("/api/v1/trials").statusCode()).isEqualTo(403);
        assertThat(patient.get("/api/v1/patients/" + bob.patientId() + "/research-interest")
                        .statusCode())
                .isEqualTo(404);

        var badAges = clinician.postJson("/api/v1/trials", "{\"title\": \"Ages\", \"minAge\": 40, \"maxAge\": 20}");
        assertThat(badAges.statusCode()).isEqualTo(400);
        assertThat(badAges.body()).contains("maxAge");
        var noTitle = clinician.postJson("/api/v1/trials", "{\"title\": \" \"}");
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(noTitle.body()).contains("title");

        var stale = clinician.postJson("/api/v1/trials/" + trial + "/close", "{}", Map.of("If-Match", "\"7\""));
        assertThat(stale.statusCode()).isEqualTo(412);
        var closed = clinician.postJson("/api/v1/trials/" + trial + "/close", "{}", Map.of("If-Match", "\"1\""));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(body(closed).get("status").asString()).isEqualTo("CLOSED");
        var late = clinician.postJson(
                "/api/v1/trials/" + trial + "/approaches",
                "{\"patientId\": \"%s\", \"status\": \"APPROACHED\"}".formatted(ann.patientId()));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("closed");
    }
}
