package org.hemonet.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.support.BearerTokens;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.SupplyDelivery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AdverseEvent (safety reports) and AuditEvent (the patient's access log, read-only) under {@code /fhir} (issue 15).
 * Every body the server sends validates against R4.
 */
class FhirSafetyAndAuditTest extends FhirTestSupport {

    @BeforeEach
    void network() {
        site = TestNetwork.in(context).centre("FhirSafety");
        TestNetwork.Staff clinician = site.staff(Role.CLINICIAN);
        patient = site.patient("Sara", "Safety");
        product = DemoProducts.factorConcentrate(jdbc);
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        token = new BearerTokens(port).user(clinician.username(), "user/*.cruds");
    }

    @Test
    void anAdverseEventReportIsAnAdverseEventAndAnotherCentresIsNotFound() throws Exception {
        HttpResponse<String> reported = post(
                "/api/v1/adverse-events",
                """
                {"patientId": "%s", "category": "ACUTE_REACTION", "onsetOn": "%s", "productId": "%s",
                 "batchNumber": "%s", "serious": true, "outcome": "RECOVERING", "narrative": "urticaria after infusion"}"""
                        .formatted(
                                patient.patientId(),
                                LocalDate.now(clock).minusDays(2),
                                product.productId(),
                                product.batchNumber()),
                null);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        UUID eventId = UUID.fromString(JSON.readTree(reported.body()).get("id").asText());
        IGenericClient fhir = client();

        AdverseEvent read = fhir.read()
                .resource(AdverseEvent.class)
                .withId(eventId.toString())
                .execute();
        assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patient.patientId());
        assertThat(read.getEvent().getCodingFirstRep().getCode()).isEqualTo("acute-reaction");
        assertThat(read.getEvent().getText()).isEqualTo("urticaria after infusion");
        assertThat(read.getSeriousness().getCodingFirstRep().getCode()).isEqualTo("Serious");
        assertThat(read.getOutcome().getCodingFirstRep().getCode()).isEqualTo("recovering");
        assertThat(read.getSuspectEntityFirstRep().getInstance().getReference())
                .isEqualTo("Medication/" + product.productId());
        assertThat(read.getDateElement().getValueAsString())
                .isEqualTo(LocalDate.now(clock).minusDays(2).toString());
        assertThat(audited(patient.patientId(), "READ", "AdverseEvent")).isPositive();

        Bundle search = fhir.search()
                .byUrl("AdverseEvent?subject=Patient/" + patient.patientId())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(search.getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(eventId.toString());

        PatientAccounts.Created stranger =
                TestNetwork.in(context).centre("SafetyElsewhere").patient("Sol", "Stranger");
        HttpResponse<String> theirs = get("/fhir/AdverseEvent?subject=" + stranger.patientId());
        HttpResponse<String> nobodys = get("/fhir/AdverseEvent?subject=" + UUID.randomUUID());
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.body()).isEqualTo(nobodys.body());
        assertThat(get("/fhir/AdverseEvent/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void aHomeDeliveryIsASupplyDeliveryPerBatchAndInEverything() throws Exception {
        HttpResponse<String> booked = post(
                "/api/v1/deliveries",
                """
                {"patientId":"%s","scheduledFor":"%s","window":"STANDARD",
                 "items":[{"productId":"%s","batchNumber":"%s","vials":6,"iuPerVial":1000}]}"""
                        .formatted(
                                patient.patientId(),
                                LocalDate.now(clock).plusDays(1),
                                product.productId(),
                                product.batchNumber()),
                null);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        UUID deliveryId = UUID.fromString(JSON.readTree(booked.body()).get("id").asText());
        IGenericClient fhir = client();

        SupplyDelivery line = fhir.read()
                .resource(SupplyDelivery.class)
                .withId(deliveryId + "-1")
                .execute();
        assertThat(line.getStatus()).isEqualTo(SupplyDelivery.SupplyDeliveryStatus.INPROGRESS);
        assertThat(line.getPatient().getReference()).isEqualTo("Patient/" + patient.patientId());
        assertThat(line.getSuppliedItem().getQuantity().getValue()).isEqualByComparingTo("6");
        Medication given = (Medication) line.getContained().get(0);
        assertThat(given.getBatch().getLotNumber()).isEqualTo(product.batchNumber());
        assertThat(line.getSupplier().getReference()).isEqualTo("Organization/" + site.centreId());

        HttpResponse<String> delivered = post("/api/v1/deliveries/" + deliveryId + "/delivered", "{}", null);
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        Bundle search = fhir.search()
                .byUrl("SupplyDelivery?patient=" + patient.patientId())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(search.getEntry()).hasSize(1);
        assertThat(((SupplyDelivery) search.getEntryFirstRep().getResource()).getStatus())
                .isEqualTo(SupplyDelivery.SupplyDeliveryStatus.COMPLETED);
        assertThat(audited(patient.patientId(), "READ", "Delivery")).isPositive();
        assertThat(get("/fhir/SupplyDelivery/" + deliveryId + "-2").statusCode())
                .isEqualTo(404);

        Bundle everything = fhir.operation()
                .onInstance("Patient/" + patient.patientId())
                .named("$everything")
                .withNoParameters(org.hl7.fhir.r4.model.Parameters.class)
                .returnResourceType(Bundle.class)
                .execute();
        assertThat(everything.getEntry())
                .anyMatch(e -> e.getResource().getIdElement().getIdPart().equals(deliveryId + "-1"));
    }

    @Test
    void thePatientsAccessLogIsAuditEventsAndLookingAtItIsAudited() throws Exception {
        IGenericClient fhir = client();
        fhir.read()
                .resource(Patient.class)
                .withId(patient.patientId().toString())
                .execute();
        responses.clear();
        long looksBefore = audited(patient.patientId(), "READ", "AccessLog");

        Bundle log = fhir.search()
                .byUrl("AuditEvent?patient=" + patient.patientId())
                .returnBundle(Bundle.class)
                .execute();
        List<AuditEvent> events =
                log.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
        assertThat(events).isNotEmpty();
        assertThat(events)
                .anyMatch(e -> e.getAction() == AuditEvent.AuditEventAction.R
                        && e.getEntityFirstRep().getName().equals("Patient")
                        && e.getOutcome() == AuditEvent.AuditEventOutcome._0);
        assertThat(events)
                .allMatch(e -> e.getEntityFirstRep().getWhat().getReference().equals("Patient/" + patient.patientId()));
        assertThat(events.get(0).getRecorded())
                .isAfterOrEqualTo(events.get(events.size() - 1).getRecorded());
        assertThat(audited(patient.patientId(), "READ", "AccessLog")).isEqualTo(looksBefore + 1);

        AuditEvent one = fhir.read()
                .resource(AuditEvent.class)
                .withId(events.get(0).getIdElement().getIdPart())
                .execute();
        assertThat(one.getRecorded()).isEqualTo(events.get(0).getRecorded());

        PatientAccounts.Created stranger =
                TestNetwork.in(context).centre("AuditElsewhere").patient("Stu", "Stranger");
        HttpResponse<String> theirs = get("/fhir/AuditEvent?patient=" + stranger.patientId());
        HttpResponse<String> nobodys = get("/fhir/AuditEvent?patient=" + UUID.randomUUID());
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.body()).isEqualTo(nobodys.body());
    }

    @Test
    void theCapabilityStatementListsTheNewResourcesAndInteractions() throws Exception {
        HttpResponse<String> metadata = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/fhir/metadata"))
                        .header("Accept", "application/fhir+json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.statusCode()).isEqualTo(200);
        responses.add(metadata.body());
        CapabilityStatement statement = FHIR.newJsonParser().parseResource(CapabilityStatement.class, metadata.body());
        Map<String, CapabilityStatement.CapabilityStatementRestResourceComponent> resources = new java.util.HashMap<>();
        statement.getRestFirstRep().getResource().forEach(r -> resources.put(r.getType(), r));
        assertThat(resources)
                .containsKeys(
                        "RelatedPerson",
                        "Practitioner",
                        "PractitionerRole",
                        "SupplyDelivery",
                        "AdverseEvent",
                        "AuditEvent",
                        "Provenance",
                        "Observation");
        assertThat(resources.get("MedicationAdministration").getInteraction())
                .extracting(i -> i.getCode().toCode())
                .contains("read", "vread", "update", "history-instance", "create", "search-type");
        assertThat(resources.get("PractitionerRole").getSearchInclude())
                .extracting(i -> i.getValue())
                .contains("PractitionerRole:practitioner");
        assertThat(resources.get("AuditEvent").getInteraction())
                .extracting(i -> i.getCode().toCode())
                .doesNotContain("create", "update", "delete");
    }

    // --- helpers ---

}
