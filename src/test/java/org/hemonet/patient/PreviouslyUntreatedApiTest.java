package org.hemonet.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The treatment history before joining (issue 13, clinical.md §9): {@code previouslyUntreated} and {@code
 * priorExposureDays} through registration and correction, returned in the record, kept in the revision history; bad
 * values are 400 naming the field; only the clinical team (clinicians and nurses) may record them.
 */
class PreviouslyUntreatedApiTest extends IntegrationTest {

    private static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private static String patient(UUID centre, String history) {
        return """
                {"centreId": "%s", "givenName": "Pip", "familyName": "Untreated", "dateOfBirth": "2025-06-01",
                 "sex": "MALE", "diagnosis": {"type": "HEMOPHILIA_A"} %s}
                """
                .formatted(centre, history);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void registersAPupWithNoExposureDaysAndCorrectsTheHistoryKeepingTheRevision() {
        TestNetwork.Site site = TestNetwork.in(context).centre("PUP registry");
        ApiClient clinician =
                new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());

        HttpResponse<String> created =
                clinician.postJson("/api/v1/patients", patient(site.centreId(), ", \"previouslyUntreated\": true"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("previouslyUntreated").asBoolean()).isTrue();
        assertThat(json(created).get("priorExposureDays").asInt()).isZero();
        String id = json(created).get("id").asString();

        HttpResponse<String> unknown = clinician.postJson("/api/v1/patients", patient(site.centreId(), ""));
        assertThat(unknown.statusCode()).isEqualTo(201);
        assertThat(json(unknown).get("previouslyUntreated").isNull()).isTrue();
        assertThat(json(unknown).get("priorExposureDays").isNull()).isTrue();

        HttpResponse<String> corrected = clinician.patchJson(
                "/api/v1/patients/" + id,
                "{\"previouslyUntreated\": false, \"priorExposureDays\": 12, \"reason\": \"treated abroad before\"}",
                "\"0\"");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(json(corrected).get("previouslyUntreated").asBoolean()).isFalse();
        assertThat(json(corrected).get("priorExposureDays").asInt()).isEqualTo(12);
        JsonNode revision = json(corrected).get("revisions").get(0);
        assertThat(revision.get("reason").asString()).isEqualTo("treated abroad before");
        assertThat(revision.get("changedFields").asString()).contains("previouslyUntreated", "priorExposureDays");

        HttpResponse<String> backToPup = clinician.patchJson(
                "/api/v1/patients/" + id, "{\"previouslyUntreated\": true, \"reason\": \"entered wrongly\"}", "\"1\"");
        assertThat(backToPup.statusCode()).as("a PUP over stored exposure days").isEqualTo(400);
        assertThat(json(backToPup).get("field").asString()).isEqualTo("previouslyUntreated");
    }

    @Test
    void badValuesAre400NamingTheField() {
        TestNetwork.Site site = TestNetwork.in(context).centre("PUP checks");
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        for (String history : new String[] {
            ", \"priorExposureDays\": -1",
            ", \"priorExposureDays\": \"many\"",
            ", \"previouslyUntreated\": \"perhaps\"",
        }) {
            HttpResponse<String> refused = nurse.postJson("/api/v1/patients", patient(site.centreId(), history));
            assertThat(refused.statusCode()).as(history).isEqualTo(400);
            String field = history.contains("prior") ? "priorExposureDays" : "previouslyUntreated";
            assertThat(refused.body()).as(history).contains("\"field\":\"" + field + "\"");
        }
        HttpResponse<String> pupWithDays = nurse.postJson(
                "/api/v1/patients",
                patient(site.centreId(), ", \"previouslyUntreated\": true, \"priorExposureDays\": 3"));
        assertThat(pupWithDays.statusCode()).isEqualTo(400);
        assertThat(json(pupWithDays).get("field").asString()).isEqualTo("priorExposureDays");

        String id = json(nurse.postJson("/api/v1/patients", patient(site.centreId(), "")))
                .get("id")
                .asString();
        HttpResponse<String> negative =
                nurse.patchJson("/api/v1/patients/" + id, "{\"priorExposureDays\": -3, \"reason\": \"typo\"}", "\"0\"");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(json(negative).get("field").asString()).isEqualTo("priorExposureDays");
        HttpResponse<String> wrongType = nurse.patchJson(
                "/api/v1/patients/" + id, "{\"previouslyUntreated\": \"yes\", \"reason\": \"typo\"}", "\"0\"");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("field").asString()).isEqualTo("previouslyUntreated");

        ApiClient physio = new ApiClient(port).signIn(site.staff(Role.PHYSIO).username());
        HttpResponse<String> notClinical = physio.patchJson(
                "/api/v1/patients/" + id, "{\"previouslyUntreated\": true, \"reason\": \"guess\"}", "\"0\"");
        assertThat(notClinical.statusCode()).isEqualTo(400);
        assertThat(json(notClinical).get("field").asString()).isEqualTo("previouslyUntreated");
    }
}
