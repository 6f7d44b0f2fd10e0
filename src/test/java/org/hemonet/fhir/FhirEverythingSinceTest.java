package org.hemonet.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.support.BearerTokens;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Patient/{id}/$everything?_since=} (issue 15): the resources that carry a time of change are there only when
 * they changed after it (a correction counts), the others always. Every body the server sends validates against R4
 * with zero errors; another centre's patient is 404.
 */
class FhirEverythingSinceTest extends FhirTestSupport {

    @BeforeEach
    void network() {
        site = TestNetwork.in(context).centre("FhirSince");
        clinician = site.staff(Role.CLINICIAN);
        patient = site.patient("Sina", "Since");
        product = DemoProducts.factorConcentrate(jdbc);
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        token = new BearerTokens(port).user(clinician.username(), "user/*.cruds");
    }

    @Test
    void sinceKeepsWhatChangedAfterItAndEverythingWithoutATimeOfChange() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID patientId = patient.patientId();
        // a week ago: a bleed, two infusions and a joint score
        TestClock.get().set(now.minus(Duration.ofDays(7)));
        UUID oldBleed = created("/api/v1/patients/" + patientId + "/bleeds", bleed(now.minus(Duration.ofDays(8))));
        UUID keptInfusion =
                created("/api/v1/patients/" + patientId + "/infusions", infusion(now.minus(Duration.ofDays(8))));
        UUID correctedInfusion =
                created("/api/v1/patients/" + patientId + "/infusions", infusion(now.minus(Duration.ofDays(7))));
        UUID oldScore = created("/api/v1/patients/" + patientId + "/joint-scores", jointScore(LocalDate.now(clock)));
        // two days ago: a new bleed, and a correction of an old infusion
        Instant since = now.minus(Duration.ofDays(4));
        TestClock.get().set(now.minus(Duration.ofDays(2)));
        UUID newBleed = created("/api/v1/patients/" + patientId + "/bleeds", bleed(now.minus(Duration.ofDays(3))));
        HttpResponse<String> correction = post(
                "/api/v1/patients/" + patientId + "/infusions/" + correctedInfusion + "/corrections",
                "{\"reason\": \"the dose was 1500\", \"doseIu\": 1500}",
                "W/\"0\"");
        assertThat(correction.statusCode()).as(correction.body()).isEqualTo(201);
        TestClock.get().reset();

        List<String> all = ids(everything(patientId, null));
        assertThat(all)
                .contains(
                        "Patient/" + patientId,
                        "Observation/" + FhirBleedUpdateTest.observationId(patientId, oldBleed),
                        "Observation/" + FhirBleedUpdateTest.observationId(patientId, newBleed),
                        "MedicationAdministration/" + keptInfusion,
                        "MedicationAdministration/" + correctedInfusion)
                .anyMatch(id -> id.contains("-js-" + hex(oldScore)));

        Bundle changed = everything(patientId, since);
        List<String> recent = ids(changed);
        assertThat(recent)
                .as("changed after _since: the new bleed, the corrected infusion and the Provenance of its correction")
                .contains(
                        "Observation/" + FhirBleedUpdateTest.observationId(patientId, newBleed),
                        "MedicationAdministration/" + correctedInfusion)
                .anyMatch(id -> id.startsWith("Provenance/" + patientId + "-pv-i"))
                .doesNotContain(
                        "Observation/" + FhirBleedUpdateTest.observationId(patientId, oldBleed),
                        "MedicationAdministration/" + keptInfusion)
                .noneMatch(id -> id.contains("-js-"));
        assertThat(recent)
                .as("no time of change: always there")
                .contains("Patient/" + patientId, "Condition/" + patientId + "-dx", "Organization/" + site.centreId());
        assertThat(changed.getTotal()).isEqualTo(recent.size());

        assertThat(ids(everything(patientId, Instant.now().plus(Duration.ofDays(1)))))
                .noneMatch(id -> id.startsWith("Observation/" + patientId + "-bl-")
                        || id.startsWith("MedicationAdministration/")
                        || id.startsWith("Provenance/"));
    }

    @Test
    void aBadSinceIs400AndAnotherCentresPatientIs404() throws Exception {
        HttpResponse<String> bad = get("/fhir/Patient/" + patient.patientId() + "/$everything?_since=last-week");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("_since");

        TestNetwork.Site other = TestNetwork.in(context).centre("SinceElsewhere");
        PatientAccounts.Created stranger = other.patient("Sam", "Stranger");
        String since =
                URLEncoder.encode(Instant.now().minus(Duration.ofDays(30)).toString(), StandardCharsets.UTF_8);
        HttpResponse<String> refused = get("/fhir/Patient/" + stranger.patientId() + "/$everything?_since=" + since);
        HttpResponse<String> unknown = get("/fhir/Patient/" + UUID.randomUUID() + "/$everything?_since=" + since);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).isEqualTo(unknown.body());
        assertThat(audited(stranger.patientId(), "READ", "Patient", "DENIED")).isPositive();
    }

    // --- helpers ---

    private Bundle everything(UUID patientId, Instant since) throws IOException, InterruptedException {
        String query = "_count=100" + (since == null ? "" : "&_since=" + since);
        HttpResponse<String> response = get("/fhir/Patient/" + patientId + "/$everything?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (Bundle) FHIR.newJsonParser().parseResource(response.body());
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(e -> (Resource) e.getResource())
                .map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart())
                .toList();
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "").substring(0, 24);
    }

    private UUID created(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = post(path, json, null);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return UUID.fromString(JSON.readTree(response.body()).get("id").asText());
    }

    private static String bleed(Instant startedAt) {
        return """
                {"startedAt": "%s", "site": "LEFT_ANKLE", "cause": "SPONTANEOUS", "daysLostSchool": 0,
                 "daysLostWork": 0}"""
                .formatted(startedAt);
    }

    private String infusion(Instant at) {
        return """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": 1000,
                 "reason": "PROPHYLAXIS"}"""
                .formatted(at, product.productId(), product.batchNumber());
    }

    private static String jointScore(LocalDate on) {
        String zero =
                """
                {"swelling": 0, "durationOfSwelling": 0, "muscleAtrophy": 0, "crepitus": 0, "flexionLoss": 0,
                 "extensionLoss": 0, "jointPain": 0, "strength": 0}""";
        return """
                {"assessedOn": "%s", "joints": {"LEFT_ELBOW": %s, "RIGHT_ELBOW": %s, "LEFT_KNEE": %s,
                 "RIGHT_KNEE": %s, "LEFT_ANKLE": %s, "RIGHT_ANKLE": %s}, "gait": 0}"""
                .formatted(on, zero, zero, zero, zero, zero, zero);
    }
}
