package org.hemonet.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The offline validator that {@link FhirApiTest} relies on finds real errors (so that zero errors means something). */
class R4ValidationTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String REASON = "https://hemonet.org/fhir/CodeSystem/infusion-reason";

    private final R4Validation validation = new R4Validation(FHIR, List.of(reasons()));

    private static CodeSystem reasons() {
        CodeSystem reasons = new CodeSystem();
        reasons.setUrl(REASON);
        reasons.setName("HemonetInfusionReason");
        reasons.setStatus(PublicationStatus.ACTIVE);
        reasons.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        reasons.addConcept().setCode("prophylaxis").setDisplay("Prophylaxis");
        return reasons;
    }

    private static MedicationAdministration valid() {
        MedicationAdministration administration = new MedicationAdministration();
        administration.setId("MedicationAdministration/1");
        administration.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
        administration.setMedication(new Reference("Medication/2"));
        administration.setSubject(new Reference("Patient/3"));
        administration.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-01-02T03:04:05Z"));
        administration.addReasonCode().addCoding().setSystem(REASON).setCode("prophylaxis");
        administration
                .getDosage()
                .setDose(new Quantity()
                        .setValue(1000)
                        .setUnit("IU")
                        .setSystem("http://unitsofmeasure.org")
                        .setCode("[iU]"));
        return administration;
    }

    @Test
    void acceptsAValidAdministration() {
        assertThat(validation.errors(valid())).isEmpty();
    }

    @Test
    void refusesAMissingRequiredElement() {
        MedicationAdministration noSubject = valid();
        noSubject.setSubject(null);
        assertThat(validation.errors(noSubject)).anyMatch(e -> e.contains("subject"));
    }

    @Test
    void refusesAnUnknownHemonetCode() {
        MedicationAdministration unknownReason = valid();
        unknownReason.getReasonCodeFirstRep().getCodingFirstRep().setCode("because");
        assertThat(validation.errors(unknownReason)).isNotEmpty();
    }

    @Test
    void refusesAnInvalidUcumUnit() {
        MedicationAdministration badUnit = valid();
        badUnit.getDosage().getDose().setCode("[not-a-unit");
        assertThat(validation.errors(badUnit)).isNotEmpty();
    }
}
