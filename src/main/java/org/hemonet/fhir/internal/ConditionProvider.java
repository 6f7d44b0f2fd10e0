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
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Condition: a patient's current bleeding-disorder diagnosis with its severity, one per patient, id {@code
 * <patient id>-dx}. Code in SNOMED CT where one exists and always in Hemonet's diagnosis code system; severity in
 * {@code Condition.severity} (SNOMED CT severe/moderate/mild, and Hemonet's severity codes, which add the carrier bands).
 * Read through {@link PatientRegistry#read}, so access policy and audit are the registry's.
 */
@Component
public class ConditionProvider implements IResourceProvider {

    static final String SUFFIX = "-dx";

    private final PatientRegistry registry;
    private final CurrentActor currentActor;

    ConditionProvider(PatientRegistry registry, CurrentActor currentActor) {
        this.registry = registry;
        this.currentActor = currentActor;
    }

    @Override
    public Class<Condition> getResourceType() {
        return Condition.class;
    }

    @Read
    public Condition read(@IdParam IdType id) {
        String idPart = id.getIdPart();
        if (idPart == null || !idPart.endsWith(SUFFIX)) {
            throw FhirErrors.notFound();
        }
        UUID patientId = Ids.uuid(idPart.substring(0, idPart.length() - SUFFIX.length()));
        return toFhir(registry.read(currentActor.require(), patientId));
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = Condition.SP_PATIENT) ReferenceParam patient,
            @Count @Nullable Integer count,
            @Offset @Nullable Integer offset) {
        UUID patientId = Ids.parse(patient.getIdPart());
        List<Condition> found =
                patientId == null ? List.of() : List.of(toFhir(registry.read(currentActor.require(), patientId)));
        return Pages.slice(Pages.Request.of(offset, count), found);
    }

    static Condition toFhir(PatientRecord record) {
        Condition condition = new Condition();
        condition.setId(new IdType("Condition", record.id() + SUFFIX));
        condition.setClinicalStatus(
                new CodeableConcept(new Coding(Terminology.CONDITION_CLINICAL, "active", "Active")));
        condition.setVerificationStatus(
                new CodeableConcept(new Coding(Terminology.CONDITION_VERIFICATION, "confirmed", "Confirmed")));
        condition.addCategory(new CodeableConcept(
                new Coding(Terminology.CONDITION_CATEGORY, "problem-list-item", "Problem List Item")));
        CodeableConcept code = new CodeableConcept();
        Terminology.Code snomed =
                Terminology.DIAGNOSIS_SNOMED.get(record.diagnosis().type());
        if (snomed != null) {
            code.addCoding(new Coding(snomed.system(), snomed.code(), snomed.display()));
        }
        Terminology.Code own = Terminology.DIAGNOSIS
                .find(Terminology.code(record.diagnosis().type()))
                .orElseThrow();
        code.addCoding(new Coding(own.system(), own.code(), own.display()));
        code.setText(
                record.diagnosis().subtype() == null
                        ? own.display()
                        : own.display() + ", " + record.diagnosis().subtype());
        condition.setCode(code);
        if (record.severity() != null) {
            CodeableConcept severity = new CodeableConcept();
            Terminology.Code standard = Terminology.SEVERITY_SNOMED.get(record.severity());
            if (standard != null) {
                severity.addCoding(new Coding(standard.system(), standard.code(), standard.display()));
            }
            Terminology.Code band = Terminology.SEVERITY
                    .find(Terminology.code(record.severity()))
                    .orElseThrow();
            severity.addCoding(new Coding(band.system(), band.code(), band.display()));
            condition.setSeverity(severity);
        }
        condition.setSubject(new Reference("Patient/" + record.id()));
        return condition;
    }
}
