package org.hemonet.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.outcome.HjhsItem;
import org.hemonet.outcome.HjhsJoint;
import org.hemonet.support.BearerTokens;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bleeds and HJHS scores as Observations, and versions (vread, history, update with {@code If-Match}, {@code
 * _lastUpdated}) under {@code /fhir} (issue 15). Every body the server sends validates against R4 with zero errors.
 */
class FhirObservationsAndVersionsTest extends FhirTestSupport {

    private static final String OBSERVATION = "https://hemonet.org/fhir/CodeSystem/observation";

    @BeforeEach
    void network() {
        site = TestNetwork.in(context).centre("FhirObs");
        clinician = site.staff(Role.CLINICIAN);
        patient = site.patient("Olga", "Observed");
        product = DemoProducts.factorConcentrate(jdbc);
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        token = new BearerTokens(port).user(clinician.username(), "user/*.cruds");
    }

    @Test
    void aBleedIsAnObservationWithSiteCauseAndKindAndItsCorrectionsAreVersions() throws Exception {
        UUID bleedId = bleed(
                token,
                patient.patientId(),
                """
                {"startedAt": "%s", "site": "LEFT_KNEE", "cause": "SPONTANEOUS", "pain": 6,
                 "jointImmobilising": true, "daysLostSchool": 1, "daysLostWork": 0, "note": "swollen"}"""
                        .formatted(Instant.now(clock).minus(Duration.ofDays(2))));
        String id = patient.patientId() + "-bl-"
                + bleedId.toString().replace("-", "").substring(0, 24);
        IGenericClient fhir = client();

        Observation read = fhir.read().resource(Observation.class).withId(id).execute();
        assertThat(read.getCode().getCoding())
                .anyMatch(c -> c.getSystem().equals(OBSERVATION) && c.getCode().equals("bleed"));
        assertThat(read.getBodySite().getCodingFirstRep().getCode()).isEqualTo("left-knee");
        assertThat(component(read, "bleed-cause")
                        .getValueCodeableConcept()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("spontaneous");
        assertThat(component(read, "bleed-site-kind")
                        .getValueCodeableConcept()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("joint");
        assertThat(((IntegerType) component(read, "pain").getValue()).getValue())
                .isEqualTo(6);
        assertThat(read.getMeta().getVersionId()).isEqualTo("0");
        assertThat(audited(patient.patientId(), "READ", "Bleed")).isPositive();

        HttpResponse<String> correction = send(
                "/api/v1/patients/" + patient.patientId() + "/bleeds/" + bleedId + "/corrections",
                token,
                "{\"reason\": \"wrong knee\", \"site\": \"RIGHT_KNEE\"}",
                "W/\"0\"");
        assertThat(correction.statusCode()).as(correction.body()).isEqualTo(201);

        Observation now = fhir.read().resource(Observation.class).withId(id).execute();
        assertThat(now.getMeta().getVersionId()).isEqualTo("1");
        assertThat(now.getBodySite().getCodingFirstRep().getCode()).isEqualTo("right-knee");
        assertThat(now.getStatus()).isEqualTo(Observation.ObservationStatus.AMENDED);
        Observation before = fhir.read()
                .resource(Observation.class)
                .withIdAndVersion(id, "0")
                .execute();
        assertThat(before.getBodySite().getCodingFirstRep().getCode()).isEqualTo("left-knee");
        assertThat(get("/fhir/Observation/" + id + "/_history/7").statusCode()).isEqualTo(404);
        Bundle history = fhir.history()
                .onInstance("Observation/" + id)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(history.getEntry())
                .extracting(e -> e.getResource().getMeta().getVersionId())
                .containsExactly("1", "0");

        Bundle bleeds = fhir.search()
                .byUrl("Observation?patient=" + patient.patientId() + "&code=" + OBSERVATION + "|bleed")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(bleeds.getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(id);
        Bundle laboratory = fhir.search()
                .byUrl("Observation?patient=" + patient.patientId() + "&code=http://loinc.org|3209-4")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(laboratory.getEntry())
                .noneMatch(e -> e.getResource().getIdElement().getIdPart().equals(id));
    }

    @Test
    void anHjhsScoreIsAnObservationWithAComponentPerJointAndGait() throws Exception {
        Map<String, Object> joints = new LinkedHashMap<>();
        for (HjhsJoint joint : HjhsJoint.values()) {
            Map<String, Object> items = new LinkedHashMap<>();
            for (HjhsItem item : HjhsItem.values()) {
                items.put(item.jsonName(), 0);
            }
            joints.put(joint.name(), items);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> leftKnee = (Map<String, Object>) joints.get("LEFT_KNEE");
        leftKnee.put("swelling", 2);
        joints.put("RIGHT_ANKLE", "NE");
        String request = JSON.writeValueAsString(
                Map.of("assessedOn", LocalDate.now(clock).minusDays(3).toString(), "joints", joints, "gait", 1));
        HttpResponse<String> recorded =
                send("/api/v1/patients/" + patient.patientId() + "/joint-scores", token, request, null);
        assertThat(recorded.statusCode()).as(recorded.body()).isIn(200, 201);
        UUID scoreId = UUID.fromString(JSON.readTree(recorded.body()).get("id").asText());
        String id = patient.patientId() + "-js-"
                + scoreId.toString().replace("-", "").substring(0, 24);

        Observation read =
                client().read().resource(Observation.class).withId(id).execute();
        assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo("hjhs");
        assertThat(read.getComponent()).hasSize(HjhsJoint.values().length + 1);
        assertThat(((IntegerType) component(read, "hjhs-left-knee").getValue()).getValue())
                .isEqualTo(2);
        assertThat(component(read, "hjhs-right-ankle").hasValue()).isFalse();
        assertThat(component(read, "hjhs-right-ankle").getDataAbsentReason().getText())
                .isEqualTo("Not evaluable");
        assertThat(((IntegerType) component(read, "hjhs-gait").getValue()).getValue())
                .isEqualTo(1);

        Bundle everything = client().operation()
                .onInstance("Patient/" + patient.patientId())
                .named("$everything")
                .withNoParameters(org.hl7.fhir.r4.model.Parameters.class)
                .returnResourceType(Bundle.class)
                .execute();
        assertThat(everything.getEntry())
                .anyMatch(e -> e.getResource().getIdElement().getIdPart().equals(id));
    }

    @Test
    void anotherCentresBleedIsNotFoundLikeAnUnknownOne() throws Exception {
        TestNetwork.Site other = TestNetwork.in(context).centre("ObsElsewhere");
        PatientAccounts.Created stranger = other.patient("Sven", "Stranger");
        TestNetwork.Staff theirs = other.staff(Role.CLINICIAN);
        String theirToken = new BearerTokens(port).user(theirs.username(), "user/*.cruds");
        UUID bleedId = bleed(
                theirToken,
                stranger.patientId(),
                """
                {"startedAt": "%s", "site": "NOSE", "cause": "TRAUMATIC", "daysLostSchool": 0, "daysLostWork": 0}"""
                        .formatted(Instant.now(clock).minus(Duration.ofDays(1))));
        String hex = bleedId.toString().replace("-", "").substring(0, 24);
        HttpResponse<String> theirBleed = get("/fhir/Observation/" + stranger.patientId() + "-bl-" + hex);
        HttpResponse<String> unknown = get("/fhir/Observation/" + UUID.randomUUID() + "-bl-" + hex);
        assertThat(theirBleed.statusCode()).isEqualTo(404);
        assertThat(theirBleed.body()).isEqualTo(unknown.body());
        assertThat(get("/fhir/Observation?patient=" + stranger.patientId() + "&code=" + OBSERVATION + "%7Cbleed")
                        .statusCode())
                .isEqualTo(404);
        assertThatThrownBy(() -> client().read()
                        .resource(Observation.class)
                        .withIdAndVersion(stranger.patientId() + "-bl-" + hex, "0")
                        .execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(audited(stranger.patientId(), "READ", "Bleed", "DENIED")).isPositive();
    }

    @Test
    void anInfusionIsCorrectedWithIfMatchAndAStaleVersionIs412() throws Exception {
        IGenericClient fhir = client();
        UUID infusionId = UUID.randomUUID();
        fhir.create().resource(infusion(infusionId, new BigDecimal("1000"))).execute();
        Instant afterCreate = Instant.now();

        MedicationAdministration corrected = infusion(infusionId, new BigDecimal("1500"));
        corrected.setId("MedicationAdministration/" + infusionId);
        String body = FHIR.newJsonParser().encodeResourceToString(corrected);
        String provenance = "{\"resourceType\":\"Provenance\",\"reason\":[{\"text\":\"typed 1000 for 1500\"}]}";

        HttpResponse<String> missingReason = put(infusionId, body, "W/\"0\"", null);
        assertThat(missingReason.statusCode()).isEqualTo(400);
        HttpResponse<String> first = put(infusionId, body, "W/\"0\"", provenance);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).hasValue("W/\"1\"");
        HttpResponse<String> stale = put(infusionId, body, "W/\"0\"", provenance);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("conflict");

        MedicationAdministration now = fhir.read()
                .resource(MedicationAdministration.class)
                .withId(infusionId.toString())
                .execute();
        assertThat(now.getDosage().getDose().getValue()).isEqualByComparingTo("1500");
        assertThat(now.getMeta().getVersionId()).isEqualTo("1");
        MedicationAdministration was = fhir.read()
                .resource(MedicationAdministration.class)
                .withIdAndVersion(infusionId.toString(), "0")
                .execute();
        assertThat(was.getDosage().getDose().getValue()).isEqualByComparingTo("1000");

        Bundle history = fhir.history()
                .onInstance("MedicationAdministration/" + infusionId)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(history.getType()).isEqualTo(Bundle.BundleType.HISTORY);
        assertThat(history.getEntry())
                .extracting(e -> e.getResource().getMeta().getVersionId())
                .containsExactly("1", "0");
        assertThat(jdbc.sql("select count(*) from diary.infusion where id = :id")
                        .param("id", infusionId)
                        .query(Long.class)
                        .single())
                .as("a correction keeps one infusion")
                .isEqualTo(1);

        Bundle changedSince = fhir.search()
                .byUrl("MedicationAdministration?patient=" + patient.patientId() + "&_lastUpdated=ge"
                        + new DateTimeType(Date.from(afterCreate.minusSeconds(1))).getValueAsString())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(changedSince.getEntry()).hasSize(1);
        Bundle changedLater = fhir.search()
                .byUrl("MedicationAdministration?patient=" + patient.patientId() + "&_lastUpdated=ge"
                        + new DateTimeType(Date.from(Instant.now().plus(Duration.ofHours(1)))).getValueAsString())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(changedLater.getEntry()).isEmpty();
    }

    // --- helpers ---

    private static Observation.ObservationComponentComponent component(Observation observation, String code) {
        return observation.getComponent().stream()
                .filter(c -> c.getCode().getCodingFirstRep().getCode().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + code));
    }

    private MedicationAdministration infusion(UUID clientId, BigDecimal iu) {
        Medication medication = new Medication();
        medication.setId("product");
        medication
                .addIdentifier()
                .setSystem("https://hemonet.org/fhir/sid/product")
                .setValue(product.productId().toString());
        medication.getBatch().setLotNumber(product.batchNumber());
        MedicationAdministration administration = new MedicationAdministration();
        administration.addIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + clientId);
        administration.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
        administration.addContained(medication);
        administration.setMedication(new Reference("#product"));
        administration.setSubject(new Reference("Patient/" + patient.patientId()));
        administration.setEffective(
                new DateTimeType(Date.from(Instant.now(clock).minus(Duration.ofHours(2)))));
        administration
                .addReasonCode()
                .addCoding()
                .setSystem("https://hemonet.org/fhir/CodeSystem/infusion-reason")
                .setCode("prophylaxis");
        administration
                .getDosage()
                .setDose(new Quantity()
                        .setValue(iu)
                        .setUnit("IU")
                        .setSystem("http://unitsofmeasure.org")
                        .setCode("[iU]"));
        return administration;
    }

    private UUID bleed(String bearer, UUID patientId, String json) throws IOException, InterruptedException {
        HttpResponse<String> created = send("/api/v1/patients/" + patientId + "/bleeds", bearer, json, null);
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        return UUID.fromString(JSON.readTree(created.body()).get("id").asText());
    }

    /** A POST to the JSON API (not a FHIR body, so not validated). */
    private HttpResponse<String> send(String path, String bearer, String json, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(
                request.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(UUID infusionId, String body, String ifMatch, String provenance)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base() + "/fhir/MedicationAdministration/" + infusionId))
                .header("Accept", "application/fhir+json")
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", "Bearer " + token)
                .header("If-Match", ifMatch);
        if (provenance != null) {
            request.header("X-Provenance", provenance);
        }
        HttpResponse<String> response = http.send(
                request.PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        record(response.body());
        return response;
    }

    private void record(String body) {
        if (body.startsWith("{\"resourceType\"")) {
            responses.add(body);
        }
    }
}
