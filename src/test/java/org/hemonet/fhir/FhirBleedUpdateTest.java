package org.hemonet.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.support.BearerTokens;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Correcting a bleed through FHIR ({@code PUT /fhir/Observation/{id}}, issue 15): the diary's correction with its
 * version check, reason, audit and Provenance, as through the JSON API. Every body the server sends validates against
 * R4 with zero errors.
 */
class FhirBleedUpdateTest extends FhirTestSupport {

    private static final String OBSERVATION = "https://hemonet.org/fhir/CodeSystem/observation";
    private static final String PROVENANCE =
            "{\"resourceType\":\"Provenance\",\"reason\":[{\"text\":\"it was the right knee\"}]}";

    @BeforeEach
    void network() {
        site = TestNetwork.in(context).centre("FhirBleedPut");
        clinician = site.staff(Role.CLINICIAN);
        patient = site.patient("Berit", "Bleeder");
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        token = new BearerTokens(port).user(clinician.username(), "user/*.cruds");
    }

    @Test
    void aBleedIsCorrectedWithIfMatchThroughTheDiaryAndKeepsItsEarlierVersion() throws Exception {
        UUID bleedId = bleed(patient.patientId(), "\"pain\": 6, \"note\": \"swollen\", \"jointImmobilising\": true");
        String id = observationId(patient.patientId(), bleedId);
        IGenericClient fhir = client();
        Observation read = fhir.read().resource(Observation.class).withId(id).execute();

        Observation corrected = read.copy();
        corrected.getBodySite().getCodingFirstRep().setCode("right-knee").setDisplay(null);
        component(corrected, "pain").setValue(new IntegerType(4));
        component(corrected, "days-lost-school").setValue(new IntegerType(2));
        corrected.getNote().clear();
        HttpResponse<String> put = put(id, corrected, "W/\"0\"", PROVENANCE);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.headers().firstValue("ETag")).hasValue("W/\"1\"");
        Observation answered = (Observation) FHIR.newJsonParser().parseResource(put.body());
        assertThat(answered.getMeta().getVersionId()).isEqualTo("1");
        assertThat(answered.getStatus()).isEqualTo(Observation.ObservationStatus.AMENDED);
        assertThat(answered.getBodySite().getCodingFirstRep().getCode()).isEqualTo("right-knee");
        assertThat(((IntegerType) component(answered, "pain").getValue()).getValue())
                .isEqualTo(4);
        assertThat(answered.getNote()).as("a note left out is removed").isEmpty();

        // the same correction as through the JSON API: the diary's version, its history with the reason, one UPDATE
        HttpResponse<String> json = http.send(
                HttpRequest.newBuilder(
                                URI.create(base() + "/api/v1/patients/" + patient.patientId() + "/bleeds/" + bleedId))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        JsonNode entry = JSON.readTree(json.body());
        assertThat(entry.get("version").asInt()).isEqualTo(1);
        assertThat(entry.get("site").asText()).isEqualTo("RIGHT_KNEE");
        assertThat(entry.get("daysLostSchool").asInt()).isEqualTo(2);
        assertThat(entry.get("corrections").get(0).get("reason").asText()).isEqualTo("it was the right knee");
        assertThat(entry.get("corrections").get(0).get("previous").get("site").asText())
                .isEqualTo("LEFT_KNEE");
        assertThat(audited(patient.patientId(), "UPDATE", "Bleed")).isEqualTo(1);

        HttpResponse<String> stale = put(id, corrected, "W/\"0\"", PROVENANCE);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(issue(stale).getDetails().getCodingFirstRep().getCode()).isEqualTo("conflict");
        assertThat(audited(patient.patientId(), "UPDATE", "Bleed"))
                .as("nothing changed")
                .isEqualTo(1);

        Observation before = fhir.read()
                .resource(Observation.class)
                .withIdAndVersion(id, "0")
                .execute();
        assertThat(before.getBodySite().getCodingFirstRep().getCode()).isEqualTo("left-knee");
        assertThat(before.getNoteFirstRep().getText()).isEqualTo("swollen");
        Bundle history = fhir.history()
                .onInstance("Observation/" + id)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(history.getEntry())
                .extracting(e -> e.getResource().getMeta().getVersionId())
                .containsExactly("1", "0");

        Bundle provenances = fhir.search()
                .byUrl("Provenance?patient=" + patient.patientId())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(provenances.getEntry()).hasSize(1);
        Provenance provenance = (Provenance) provenances.getEntryFirstRep().getResource();
        assertThat(provenance.getTargetFirstRep().getReference()).isEqualTo("Observation/" + id + "/_history/1");
        assertThat(provenance.getEntityFirstRep().getWhat().getReference())
                .isEqualTo("Observation/" + id + "/_history/0");
        assertThat(provenance.getReasonFirstRep().getText()).isEqualTo("it was the right knee");
    }

    @Test
    void anUpdateWithoutIfMatchIs428AndWithoutAReasonIs400() throws Exception {
        UUID bleedId = bleed(patient.patientId(), "\"pain\": 2");
        String id = observationId(patient.patientId(), bleedId);
        Observation read =
                client().read().resource(Observation.class).withId(id).execute();

        HttpResponse<String> noIfMatch = put(id, read, null, PROVENANCE);
        assertThat(noIfMatch.statusCode()).isEqualTo(428);
        assertThat(issue(noIfMatch).getDetails().getCodingFirstRep().getCode()).isEqualTo("precondition-required");
        HttpResponse<String> noReason = put(id, read, "W/\"0\"", null);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(issue(noReason).getDiagnostics()).contains("X-Provenance");
        HttpResponse<String> badIfMatch = put(id, read, "yesterday", PROVENANCE);
        assertThat(badIfMatch.statusCode()).isEqualTo(400);
        assertThat(audited(patient.patientId(), "UPDATE", "Bleed")).isZero();
    }

    @Test
    void refusedCorrectionsAre422NamingTheElement() throws Exception {
        UUID bleedId = bleed(patient.patientId(), "\"pain\": 5");
        String id = observationId(patient.patientId(), bleedId);
        Observation read =
                client().read().resource(Observation.class).withId(id).execute();

        Observation unknownSite = read.copy();
        unknownSite.getBodySite().getCodingFirstRep().setCode("left-ear");
        assertRefused(put(id, unknownSite, "W/\"0\"", PROVENANCE), "Observation.bodySite");

        Observation tooPainful = read.copy();
        component(tooPainful, "pain").setValue(new IntegerType(11));
        assertRefused(
                put(id, tooPainful, "W/\"0\"", PROVENANCE),
                "Observation.component.where(code.coding.code='pain').value");

        Observation noPain = read.copy();
        noPain.getComponent().remove(component(noPain, "pain"));
        assertRefused(
                put(id, noPain, "W/\"0\"", PROVENANCE), "Observation.component.where(code.coding.code='pain').value");

        Observation future = read.copy();
        future.setEffective(
                new DateTimeType(java.util.Date.from(Instant.now(clock).plus(Duration.ofDays(3)))));
        assertRefused(put(id, future, "W/\"0\"", PROVENANCE), "Observation.effective");

        Observation elsewhere = read.copy();
        elsewhere.getSubject().setReference("Patient/" + UUID.randomUUID());
        assertRefused(put(id, elsewhere, "W/\"0\"", PROVENANCE), "Observation.subject");

        Observation notABleed = read.copy();
        notABleed.setCode(new CodeableConcept(new Coding("http://loinc.org", "3209-4", null)));
        assertRefused(put(id, notABleed, "W/\"0\"", PROVENANCE), "Observation.code");

        assertThat(audited(patient.patientId(), "UPDATE", "Bleed")).isZero();
        Observation unchanged =
                client().read().resource(Observation.class).withId(id).execute();
        assertThat(unchanged.getMeta().getVersionId()).isEqualTo("0");
    }

    @Test
    void anotherCentresBleedIsNotFoundLikeAnUnknownOneAndOnlyBleedsAreUpdated() throws Exception {
        TestNetwork.Site other = TestNetwork.in(context).centre("BleedPutElsewhere");
        PatientAccounts.Created stranger = other.patient("Stig", "Stranger");
        String theirToken =
                new BearerTokens(port).user(other.staff(Role.CLINICIAN).username(), "user/*.cruds");
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/patients/" + stranger.patientId() + "/bleeds"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + theirToken)
                        .POST(HttpRequest.BodyPublishers.ofString(bleedJson("")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        UUID theirBleed =
                UUID.fromString(JSON.readTree(created.body()).get("id").asText());
        String theirId = observationId(stranger.patientId(), theirBleed);

        UUID ownBleed = bleed(patient.patientId(), "");
        Observation mine = client().read()
                .resource(Observation.class)
                .withId(observationId(patient.patientId(), ownBleed))
                .execute();
        Observation theirs = mine.copy();
        theirs.setId(theirId);
        theirs.getSubject().setReference("Patient/" + stranger.patientId());
        HttpResponse<String> refused = put(theirId, theirs, "W/\"0\"", PROVENANCE);
        String unknownId = UUID.randomUUID() + theirId.substring(36);
        Observation unknown = theirs.copy();
        unknown.setId(unknownId);
        HttpResponse<String> missing = put(unknownId, unknown, "W/\"0\"", PROVENANCE);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).isEqualTo(missing.body());
        assertThat(audited(stranger.patientId(), "READ", "Bleed", "DENIED")).isPositive();
        assertThat(audited(stranger.patientId(), "UPDATE", "Bleed")).isZero();

        String laboratory = patient.patientId() + "-fl-FVIII-20240101";
        Observation level = mine.copy();
        level.setId(laboratory);
        HttpResponse<String> notABleed = put(laboratory, level, "W/\"0\"", PROVENANCE);
        assertThat(notABleed.statusCode()).isEqualTo(405);
        assertThat(issue(notABleed).getDetails().getCodingFirstRep().getCode()).isEqualTo("not-supported");

        token = new BearerTokens(port).user(clinician.username(), "user/*.rs");
        HttpResponse<String> readOnly = put(observationId(patient.patientId(), ownBleed), mine, "W/\"0\"", PROVENANCE);
        assertThat(readOnly.statusCode()).as("an update needs the u scope").isEqualTo(403);
    }

    // --- helpers ---

    private void assertRefused(HttpResponse<String> response, String expression) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        OperationOutcome.OperationOutcomeIssueComponent issue = issue(response);
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.INVALID);
        assertThat(issue.getExpression()).extracting(e -> e.getValue()).containsExactly(expression);
    }

    private static OperationOutcome.OperationOutcomeIssueComponent issue(HttpResponse<String> response) {
        return ((OperationOutcome) FHIR.newJsonParser().parseResource(response.body())).getIssueFirstRep();
    }

    private static Observation.ObservationComponentComponent component(Observation observation, String code) {
        return observation.getComponent().stream()
                .filter(c -> c.getCode().getCodingFirstRep().getCode().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + code));
    }

    static String observationId(UUID patientId, UUID bleedId) {
        return patientId + "-bl-" + bleedId.toString().replace("-", "").substring(0, 24);
    }

    private String bleedJson(String more) {
        return """
                {"startedAt": "%s", "site": "LEFT_KNEE", "cause": "SPONTANEOUS",
                 "daysLostSchool": 0, "daysLostWork": 0%s}"""
                .formatted(Instant.now(clock).minus(Duration.ofDays(2)), more.isEmpty() ? "" : ", " + more);
    }

    private UUID bleed(UUID patientId, String more) throws IOException, InterruptedException {
        HttpResponse<String> created = post("/api/v1/patients/" + patientId + "/bleeds", bleedJson(more), null);
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        return UUID.fromString(JSON.readTree(created.body()).get("id").asText());
    }

    private HttpResponse<String> put(String id, Observation body, String ifMatch, String provenance)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/fhir/Observation/" + id))
                .header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (provenance != null) {
            request.header("X-Provenance", provenance);
        }
        return send(request);
    }
}
