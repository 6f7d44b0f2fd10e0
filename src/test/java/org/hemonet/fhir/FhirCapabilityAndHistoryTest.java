package org.hemonet.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.support.BearerTokens;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CapabilityStatement tells the truth about the interactions added last (bleed update, MedicationRequest read,
 * Patient identifier search, {@code _since}, history), and {@code _history} where Hemonet keeps no versions is a clear
 * 405 (issue 15). Every body the server sends validates against R4 with zero errors.
 */
class FhirCapabilityAndHistoryTest extends FhirTestSupport {

    @BeforeEach
    void network() {
        site = TestNetwork.in(context).centre("FhirCapability");
        clinician = site.staff(Role.CLINICIAN);
        patient = site.patient("Cora", "Capable");
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        token = new BearerTokens(port).user(clinician.username(), "user/*.cruds");
    }

    @Test
    void theCapabilityStatementSaysWhatEachResourceOffers() throws Exception {
        HttpResponse<String> metadata = get("/fhir/metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        CapabilityStatement statement =
                (CapabilityStatement) FHIR.newJsonParser().parseResource(metadata.body());
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();

        CapabilityStatementRestResourceComponent observation = resource(statement, "Observation");
        assertThat(interactions(observation))
                .contains(
                        TypeRestfulInteraction.READ,
                        TypeRestfulInteraction.VREAD,
                        TypeRestfulInteraction.UPDATE,
                        TypeRestfulInteraction.SEARCHTYPE,
                        TypeRestfulInteraction.HISTORYINSTANCE)
                .doesNotContain(TypeRestfulInteraction.CREATE, TypeRestfulInteraction.HISTORYTYPE);
        assertThat(observation.getReadHistory()).isTrue();
        assertThat(interactions(resource(statement, "MedicationAdministration")))
                .contains(
                        TypeRestfulInteraction.CREATE,
                        TypeRestfulInteraction.UPDATE,
                        TypeRestfulInteraction.HISTORYINSTANCE);

        CapabilityStatementRestResourceComponent requests = resource(statement, "MedicationRequest");
        assertThat(interactions(requests))
                .contains(TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE)
                .doesNotContain(TypeRestfulInteraction.UPDATE, TypeRestfulInteraction.HISTORYINSTANCE);
        assertThat(requests.getReadHistory()).isFalse();
        assertThat(requests.getDocumentation()).contains("no earlier versions");

        CapabilityStatementRestResourceComponent patients = resource(statement, "Patient");
        assertThat(patients.getSearchParam()).extracting(p -> p.getName()).contains("identifier", "name");
        assertThat(patients.getOperation()).extracting(o -> o.getName()).contains("everything");
        assertThat(interactions(patients)).doesNotContain(TypeRestfulInteraction.HISTORYINSTANCE);

        assertThat(rest.getResource())
                .allSatisfy(r -> assertThat(interactions(r)).doesNotContain(TypeRestfulInteraction.HISTORYTYPE));
        assertThat(rest.getInteraction())
                .noneMatch(i -> i.getCode() == CapabilityStatement.SystemRestfulInteraction.HISTORYSYSTEM);
        assertThat(rest.getDocumentation()).contains("Type- and system-level _history are not supported");
    }

    @Test
    void historyOverATypeOrTheServerOrOfAnUnversionedResourceIsA405SayingWhere() throws Exception {
        for (String path : List.of(
                "/fhir/_history",
                "/fhir/Observation/_history",
                "/fhir/MedicationAdministration/_history",
                "/fhir/AdverseEvent/" + UUID.randomUUID() + "/_history",
                "/fhir/Patient/" + patient.patientId() + "/_history",
                "/fhir/Patient/" + patient.patientId() + "/_history/1")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(405);
            OperationOutcome.OperationOutcomeIssueComponent issue =
                    ((OperationOutcome) FHIR.newJsonParser().parseResource(response.body())).getIssueFirstRep();
            assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
            assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("not-supported");
            assertThat(issue.getDiagnostics()).contains("MedicationAdministration and Observation");
        }
        assertThat(get("/fhir/Patient/" + patient.patientId() + "/_history").body())
                .contains("keeps no earlier versions of Patient");
    }

    @Test
    void anotherCentresBleedHasNoHistoryForTheCallerLikeAnUnknownOne() throws Exception {
        TestNetwork.Site other = TestNetwork.in(context).centre("HistoryElsewhere");
        PatientAccounts.Created stranger = other.patient("Hal", "Hidden");
        String theirToken =
                new BearerTokens(port).user(other.staff(Role.CLINICIAN).username(), "user/*.cruds");
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/patients/" + stranger.patientId() + "/bleeds"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + theirToken)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                """
                                {"startedAt": "%s", "site": "MOUTH", "cause": "TRAUMATIC", "daysLostSchool": 0,
                                 "daysLostWork": 0}"""
                                        .formatted(Instant.now(clock).minus(Duration.ofDays(1)))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        UUID bleedId = UUID.fromString(JSON.readTree(created.body()).get("id").asText());
        String id = FhirBleedUpdateTest.observationId(stranger.patientId(), bleedId);

        HttpResponse<String> theirs = get("/fhir/Observation/" + id + "/_history");
        HttpResponse<String> unknown = get("/fhir/Observation/" + UUID.randomUUID() + id.substring(36) + "/_history");
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.body()).isEqualTo(unknown.body());
        assertThat(get("/fhir/Observation/" + id + "/_history/0").statusCode()).isEqualTo(404);
        assertThat(audited(stranger.patientId(), "READ", "Bleed", "DENIED")).isPositive();
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatement statement, String type) {
        return statement.getRestFirstRep().getResource().stream()
                .filter(r -> r.getType().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type));
    }

    private static List<TypeRestfulInteraction> interactions(CapabilityStatementRestResourceComponent resource) {
        return resource.getInteraction().stream().map(i -> i.getCode()).toList();
    }
}
