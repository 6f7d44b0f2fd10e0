package org.hemonet.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.centre.TeamRole;
import org.hemonet.identity.Role;
import org.hemonet.shared.Actor;
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.support.BearerTokens;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * RelatedPerson (registry contacts), Practitioner and PractitionerRole (centre rosters, with {@code _include}) and
 * Provenance of corrections under {@code /fhir} (issue 15). Every body the server sends validates against R4.
 */
class FhirPeopleAndProvenanceTest extends FhirTestSupport {

    @Autowired
    CentreDirectory centres;

    @Autowired
    TreatmentPlans plans;

    @BeforeEach
    void network() {
        site = TestNetwork.in(context).centre("FhirPeople");
        clinician = site.staff(Role.CLINICIAN);
        patient = site.patient("Pia", "People");
        product = DemoProducts.factorConcentrate(jdbc);
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        token = new BearerTokens(port).user(clinician.username(), "user/*.cruds");
    }

    @Test
    void aPatientsGuardianIsARelatedPersonAndAnotherCentresIsNotFound() throws Exception {
        HttpResponse<String> added = post(
                "/api/v1/patients/" + patient.patientId() + "/contacts",
                "{\"name\": \"Petra People\", \"relationship\": \"Mother\", \"phone\": \"+44 20 7946 0001\","
                        + " \"guardian\": true}",
                null);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        UUID contactId = UUID.fromString(JSON.readTree(added.body()).get("id").asText());
        String id = patient.patientId() + "-rp-"
                + contactId.toString().replace("-", "").substring(0, 24);
        IGenericClient fhir = client();

        RelatedPerson read =
                fhir.read().resource(RelatedPerson.class).withId(id).execute();
        assertThat(read.getPatient().getReference()).isEqualTo("Patient/" + patient.patientId());
        assertThat(read.getNameFirstRep().getText()).isEqualTo("Petra People");
        assertThat(read.getRelationshipFirstRep().getText()).isEqualTo("Mother");
        assertThat(read.getRelationshipFirstRep().getCodingFirstRep().getCode()).isEqualTo("guardian");
        assertThat(read.getTelecomFirstRep().getValue()).isEqualTo("+44 20 7946 0001");
        Bundle search = fhir.search()
                .byUrl("RelatedPerson?patient=" + patient.patientId())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(search.getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(id);

        PatientAccounts.Created stranger =
                TestNetwork.in(context).centre("PeopleElsewhere").patient("Stan", "Stranger");
        HttpResponse<String> theirs = get("/fhir/RelatedPerson?patient=" + stranger.patientId());
        HttpResponse<String> nobodys = get("/fhir/RelatedPerson?patient=" + UUID.randomUUID());
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.body()).isEqualTo(nobodys.body());
        assertThat(get("/fhir/Provenance?patient=" + stranger.patientId()).statusCode())
                .isEqualTo(404);
        assertThat(get("/fhir/RelatedPerson/" + stranger.patientId() + "-rp-" + "0".repeat(24))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theRosterIsPractitionersWithRolesAtTheirCentre() {
        UUID haematologist = UUID.randomUUID();
        UUID physio = UUID.randomUUID();
        centres.addTeamMember(haematologist, site.centreId(), TeamRole.HAEMATOLOGIST, "Dr Hana Haem");
        centres.addTeamMember(physio, site.centreId(), TeamRole.PHYSIOTHERAPIST, "Phil Physio");
        IGenericClient fhir = client();

        Practitioner hana = fhir.read()
                .resource(Practitioner.class)
                .withId(haematologist.toString())
                .execute();
        assertThat(hana.getNameFirstRep().getText()).isEqualTo("Dr Hana Haem");

        Bundle roles = fhir.search()
                .byUrl("PractitionerRole?organization=Organization/" + site.centreId()
                        + "&_include=PractitionerRole:practitioner")
                .returnBundle(Bundle.class)
                .execute();
        List<PractitionerRole> matched = roles.getEntry().stream()
                .filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                .map(e -> (PractitionerRole) e.getResource())
                .toList();
        assertThat(matched)
                .extracting(r -> r.getCodeFirstRep().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("haematologist", "physiotherapist");
        assertThat(matched).allMatch(r -> r.getOrganization().getReference().equals("Organization/" + site.centreId()));
        assertThat(roles.getEntry().stream()
                        .filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                        .map(e -> e.getResource()
                                .getIdElement()
                                .toUnqualifiedVersionless()
                                .getValue()))
                .containsExactlyInAnyOrder("Practitioner/" + haematologist, "Practitioner/" + physio);
        assertThat(roles.getTotal()).isEqualTo(2);

        Bundle firstPage = fhir.search()
                .byUrl("PractitionerRole?organization=" + site.centreId()
                        + "&_include=PractitionerRole:practitioner&_count=1")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(firstPage.getTotal()).isEqualTo(2);
        assertThat(firstPage.getLink(Bundle.LINK_NEXT)).as("a next link").isNotNull();
        assertThat(firstPage.getEntry()).hasSize(2); // one match and its practitioner
        Bundle secondPage = fhir.loadPage().next(firstPage).execute();
        assertThat(secondPage.getLink(Bundle.LINK_NEXT)).isNull();
        assertThat(secondPage.getLink(Bundle.LINK_PREV)).isNotNull();
        List<String> bothPages = new ArrayList<>();
        for (Bundle page : List.of(firstPage, secondPage)) {
            page.getEntry().stream()
                    .filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                    .forEach(e -> bothPages.add(e.getResource().getIdElement().getIdPart()));
        }
        assertThat(bothPages).containsExactlyInAnyOrder(haematologist.toString(), physio.toString());

        Bundle physios = fhir.search()
                .byUrl("PractitionerRole?organization=" + site.centreId() + "&role=physiotherapist")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(physios.getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(physio.toString());
    }

    @Test
    void aCorrectedInfusionHasAProvenanceNamingWhoWhenAndWhy() throws Exception {
        IGenericClient fhir = client();
        UUID infusionId = UUID.randomUUID();
        fhir.create().resource(infusion(infusionId, new BigDecimal("1000"))).execute();
        assertThat(fhir.search()
                        .byUrl("Provenance?patient=" + patient.patientId())
                        .returnBundle(Bundle.class)
                        .execute()
                        .getEntry())
                .as("nothing corrected yet")
                .isEmpty();

        MedicationAdministration corrected = infusion(infusionId, new BigDecimal("1250"));
        corrected.setId("MedicationAdministration/" + infusionId);
        HttpResponse<String> put = send(HttpRequest.newBuilder(
                        URI.create(base() + "/fhir/MedicationAdministration/" + infusionId))
                .header("Content-Type", "application/fhir+json")
                .header("If-Match", "W/\"0\"")
                .header("X-Provenance", "{\"resourceType\":\"Provenance\",\"reason\":[{\"text\":\"dose misread\"}]}")
                .PUT(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(corrected))));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        Bundle found = fhir.search()
                .byUrl("Provenance?patient=" + patient.patientId())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getEntry()).hasSize(1);
        Provenance provenance = (Provenance) found.getEntryFirstRep().getResource();
        assertThat(provenance.getTargetFirstRep().getReference())
                .isEqualTo("MedicationAdministration/" + infusionId + "/_history/1");
        assertThat(provenance.getEntityFirstRep().getWhat().getReference())
                .isEqualTo("MedicationAdministration/" + infusionId + "/_history/0");
        assertThat(provenance.getReasonFirstRep().getText()).isEqualTo("dose misread");
        assertThat(provenance.getAgentFirstRep().getWho().getDisplay()).isNotBlank();
        assertThat(provenance.getRecorded()).isNotNull();

        Provenance read = fhir.read()
                .resource(Provenance.class)
                .withId(provenance.getIdElement().getIdPart())
                .execute();
        assertThat(read.getReasonFirstRep().getText()).isEqualTo("dose misread");
        assertThat(audited(patient.patientId(), "READ", "Patient")).isPositive();
    }

    @Test
    void aTreatmentPlanSearchCanIncludeItsMedication() {
        UUID fviii = jdbc.sql(
                        """
                        select id from product.product where product_class = 'FVIII_RECOMBINANT_STANDARD'
                        and status = 'ACTIVE' order by id limit 1""")
                .query(UUID.class)
                .single();
        plans.prescribe(
                new Actor(clinician.accountId(), clinician.username(), "CLINICIAN", Set.of(site.centreId()), Set.of()),
                patient.patientId(),
                new Prescription(
                        Regimen.PROPHYLAXIS,
                        fviii,
                        null,
                        new BigDecimal("1000"),
                        null,
                        null,
                        Schedule.Kind.WEEKDAYS,
                        null,
                        Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                        LocalTime.of(8, 0),
                        "Europe/London",
                        LocalDate.now(clock).minusDays(5),
                        null,
                        null));
        IGenericClient fhir = client();
        Bundle plain = fhir.search()
                .byUrl("MedicationRequest?patient=" + patient.patientId())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(plain.getEntry()).hasSize(1);
        Bundle included = fhir.search()
                .byUrl("MedicationRequest?patient=" + patient.patientId() + "&_include=MedicationRequest:medication")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(included.getTotal()).isEqualTo(1);
        assertThat(included.getEntry())
                .filteredOn(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .extracting(e -> e.getResource()
                        .getIdElement()
                        .toUnqualifiedVersionless()
                        .getValue())
                .containsExactly("Medication/" + fviii);
    }

    // --- helpers ---

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
                new DateTimeType(Date.from(Instant.now(clock).minus(Duration.ofHours(3)))));
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
}
