package org.hemonet.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.support.BearerTokens;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A treatment plan read by id as a MedicationRequest (with the emicizumab loading doses as their own dosage
 * instruction), and Patient searched by a centre's medical record number (issue 15). Every body the server sends
 * validates against R4 with zero errors; another centre's patient is never found.
 */
class FhirPlansAndIdentifiersTest extends FhirTestSupport {

    private static final String MRN_SYSTEM = "https://hemonet.org/fhir/sid/centre/%s/mrn";

    @Autowired
    TreatmentPlans plans;

    @Autowired
    PatientRegistry registry;

    @BeforeEach
    void network() {
        site = TestNetwork.in(context).centre("FhirPlanRead");
        clinician = site.staff(Role.CLINICIAN);
        patient = site.patient("Pia", "Plan");
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        token = new BearerTokens(port).user(clinician.username(), "user/*.rs");
    }

    @Test
    void anEmicizumabPlanIsReadByIdWithItsLoadingDosesAsTheirOwnInstruction() {
        LocalDate from = LocalDate.now(clock);
        TreatmentPlan plan = plans.prescribe(actor(clinician, site), patient.patientId(), emicizumab(from));
        assertThat(plan.loading()).as("a first emicizumab plan loads").isNotNull();

        MedicationRequest read = client().read()
                .resource(MedicationRequest.class)
                .withId(plan.id().toString())
                .execute();
        assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patient.patientId());
        assertThat(read.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.ACTIVE);
        assertThat(read.getMedicationReference().getReference()).isEqualTo("Medication/" + plan.productId());
        assertThat(read.getDosageInstruction()).hasSize(2);

        Dosage loading = read.getDosageInstruction().get(0);
        assertThat(loading.getSequence()).isEqualTo(1);
        assertThat(loading.getDoseAndRateFirstRep().getDoseQuantity().getValue())
                .isEqualByComparingTo(plan.loading().dose());
        assertThat(loading.getDoseAndRateFirstRep().getDoseQuantity().getCode()).isEqualTo("mg");
        Timing.TimingRepeatComponent weekly = loading.getTiming().getRepeat();
        assertThat(weekly.getCount()).isEqualTo(plan.loading().doses());
        assertThat(weekly.getPeriodUnit()).isEqualTo(Timing.UnitsOfTime.WK);
        assertThat(weekly.getBoundsPeriod().getStartElement().getValueAsString())
                .isEqualTo(from.toString());
        assertThat(weekly.getBoundsPeriod().getEndElement().getValueAsString())
                .isEqualTo(plan.maintenanceFrom().minusDays(1).toString());

        Dosage maintenance = read.getDosageInstruction().get(1);
        assertThat(maintenance.getSequence()).isEqualTo(2);
        assertThat(maintenance.getDoseAndRateFirstRep().getDoseQuantity().getValue())
                .isEqualByComparingTo(plan.dose());
        assertThat(maintenance
                        .getTiming()
                        .getRepeat()
                        .getBoundsPeriod()
                        .getStartElement()
                        .getValueAsString())
                .isEqualTo(plan.maintenanceFrom().toString());
        assertThat(audited(patient.patientId(), "READ", "TreatmentPlan")).isPositive();

        // the same plan as the search shows it
        Bundle found = client().search()
                .byUrl("MedicationRequest?patient=" + patient.patientId())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(plan.id().toString());
    }

    @Test
    void aVoidedPlanIsGoneAndAnotherCentresPlanIsNotFoundLikeAnUnknownOne() throws Exception {
        TreatmentPlan plan =
                plans.prescribe(actor(clinician, site), patient.patientId(), factorPlan(LocalDate.now(clock)));
        assertThat(get("/fhir/MedicationRequest/" + plan.id()).statusCode()).isEqualTo(200);
        plans.voidPlan(actor(clinician, site), patient.patientId(), plan.id(), "entered for the wrong patient", null);
        HttpResponse<String> voided = get("/fhir/MedicationRequest/" + plan.id());
        assertThat(voided.statusCode()).isEqualTo(410);
        assertThat(voided.body()).contains("gone");

        TestNetwork.Site other = TestNetwork.in(context).centre("PlanElsewhere");
        PatientAccounts.Created stranger = other.patient("Sol", "Stranger");
        TestNetwork.Staff theirs = other.staff(Role.CLINICIAN);
        TreatmentPlan theirPlan =
                plans.prescribe(actor(theirs, other), stranger.patientId(), factorPlan(LocalDate.now(clock)));
        HttpResponse<String> refused = get("/fhir/MedicationRequest/" + theirPlan.id());
        HttpResponse<String> unknown = get("/fhir/MedicationRequest/" + UUID.randomUUID());
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).isEqualTo(unknown.body());
        assertThat(get("/fhir/MedicationRequest/not-a-plan").statusCode()).isEqualTo(404);
        assertThat(audited(stranger.patientId(), "READ", "TreatmentPlan", "DENIED"))
                .isPositive();
        assertThat(audited(stranger.patientId(), "READ", "TreatmentPlan")).isZero();
    }

    @Test
    void patientsAreFoundByTheirCentresMedicalRecordNumberOnlyAmongTheCallersPatients() throws Exception {
        String mrn = "MRN-" + UUID.randomUUID().toString().substring(0, 8);
        registry.addRecordNumber(actor(clinician, site), patient.patientId(), site.centreId(), mrn);
        TestNetwork.Site other = TestNetwork.in(context).centre("MrnElsewhere");
        PatientAccounts.Created stranger = other.patient("Ines", "Identical");
        TestNetwork.Staff theirs = other.staff(Role.CLINICIAN);
        // the other centre happens to use the same number for its own patient
        registry.addRecordNumber(actor(theirs, other), stranger.patientId(), other.centreId(), mrn);
        String ours = MRN_SYSTEM.formatted(site.centreId());
        String theirsSystem = MRN_SYSTEM.formatted(other.centreId());
        IGenericClient fhir = client();

        Bundle bySystem = fhir.search()
                .byUrl("Patient?identifier=" + encode(ours + "|" + mrn))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(bySystem.getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(patient.patientId().toString());
        Patient found = (Patient) bySystem.getEntryFirstRep().getResource();
        assertThat(found.getIdentifier())
                .anyMatch(i -> i.getSystem().equals(ours) && i.getValue().equals(mrn));

        Bundle byValue = fhir.search()
                .byUrl("Patient?identifier=" + encode(mrn))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(byValue.getEntry())
                .as("the other centre's patient with the same number is not the caller's")
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(patient.patientId().toString());

        assertThat(fhir.search()
                        .byUrl("Patient?identifier=" + encode(theirsSystem + "|" + mrn))
                        .returnBundle(Bundle.class)
                        .execute()
                        .getEntry())
                .isEmpty();
        assertThat(fhir.search()
                        .byUrl("Patient?identifier=" + encode("https://fhir.nhs.uk/Id/nhs-number|" + mrn))
                        .returnBundle(Bundle.class)
                        .execute()
                        .getEntry())
                .as("a number in another scheme")
                .isEmpty();
        assertThat(get("/fhir/Patient/" + stranger.patientId()).statusCode()).isEqualTo(404);
        assertThat(audited(patient.patientId(), "READ", "Patient")).isPositive();
        assertThat(audited(stranger.patientId(), "READ", "Patient")).isZero();

        // their own clinician finds them by the same number
        token = new BearerTokens(port).user(theirs.username(), "user/*.rs");
        Bundle theirSearch = client().search()
                .byUrl("Patient?identifier=" + encode(theirsSystem + "|" + mrn))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(theirSearch.getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(stranger.patientId().toString());
    }

    // --- helpers ---

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Actor actor(TestNetwork.Staff staff, TestNetwork.Site at) {
        return new Actor(staff.accountId(), staff.username(), "CLINICIAN", Set.of(at.centreId()), Set.of());
    }

    private UUID productOfClass(String productClass) {
        return jdbc.sql(
                        """
                        select id from product.product where product_class = :c and status = 'ACTIVE'
                        order by id limit 1""")
                .param("c", productClass)
                .query(UUID.class)
                .single();
    }

    private Prescription emicizumab(LocalDate from) {
        return new Prescription(
                Regimen.PROPHYLAXIS,
                productOfClass("EMICIZUMAB"),
                null,
                null,
                new BigDecimal("1.5"),
                new BigDecimal("70"),
                Schedule.Kind.EVERY_N_WEEKS,
                1,
                null,
                LocalTime.of(8, 0),
                "Europe/London",
                from,
                null,
                null,
                true);
    }

    private Prescription factorPlan(LocalDate from) {
        return new Prescription(
                Regimen.PROPHYLAXIS,
                productOfClass("FVIII_RECOMBINANT_STANDARD"),
                null,
                new BigDecimal("1000"),
                null,
                null,
                Schedule.Kind.EVERY_N_DAYS,
                2,
                null,
                LocalTime.of(8, 0),
                "Europe/London",
                from,
                null,
                null);
    }
}
