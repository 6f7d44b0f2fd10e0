package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.UUID;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.CurrentActor;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * RelatedPerson: the guardians, next of kin and other contacts the registry holds for a patient (registry.md,
 * contacts), read through {@link PatientRegistry#read} (access policy and audit are the registry's). Id {@code
 * <patient id>-rp-<first 24 hex digits of the contact id>}. {@code relationship} carries the registry's own words as
 * text, plus the Hemonet {@code contact-kind} code (guardian, next of kin, other).
 */
@Component
public class RelatedPersonProvider implements IResourceProvider {

    static final String INFIX = "-rp-";

    private final PatientRegistry registry;
    private final CurrentActor currentActor;

    RelatedPersonProvider(PatientRegistry registry, CurrentActor currentActor) {
        this.registry = registry;
        this.currentActor = currentActor;
    }

    @Override
    public Class<RelatedPerson> getResourceType() {
        return RelatedPerson.class;
    }

    @Read
    public RelatedPerson read(@IdParam IdType id) {
        String idPart = id.getIdPart();
        UUID patientId = Ids.patientPrefix(idPart);
        return toFhir(registry.read(currentActor.require(), patientId)).stream()
                .filter(r -> r.getIdElement().getIdPart().equals(idPart))
                .findFirst()
                .orElseThrow(FhirErrors::notFound);
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = RelatedPerson.SP_PATIENT) ReferenceParam patient,
            @Count @Nullable Integer count,
            @Offset @Nullable Integer offset) {
        UUID patientId = Ids.parse(patient.getIdPart());
        List<RelatedPerson> found =
                patientId == null ? List.of() : toFhir(registry.read(currentActor.require(), patientId));
        return Pages.slice(Pages.Request.of(offset, count), found);
    }

    static List<RelatedPerson> toFhir(PatientRecord record) {
        return record.contacts().stream().map(c -> toFhir(record.id(), c)).toList();
    }

    static RelatedPerson toFhir(UUID patientId, PatientRecord.Contact contact) {
        RelatedPerson person = new RelatedPerson();
        person.setId(new IdType("RelatedPerson", patientId + INFIX + Ids.hex(contact.id(), 24)));
        person.setActive(true);
        person.setPatient(new Reference("Patient/" + patientId));
        CodeableConcept relationship = new CodeableConcept(Terminology.coding(Terminology.contactKind(contact.kind())));
        relationship.setText(contact.relationship() != null ? contact.relationship() : null);
        person.addRelationship(relationship);
        person.addName(new HumanName().setText(contact.name()));
        if (contact.phone() != null) {
            person.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(contact.phone());
        }
        return person;
    }
}
