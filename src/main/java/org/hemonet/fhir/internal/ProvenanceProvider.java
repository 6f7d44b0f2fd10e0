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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.Revision;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Provenance of corrections (security.md §18: a correction keeps who, when and why): one Provenance per correction
 * of the registry record (its revisions), of a diary bleed and of a diary infusion (their earlier versions). {@code
 * target} is the corrected resource (for diary entries the version the correction created), {@code entity} with role
 * {@code revision} the version it replaced, {@code recorded} when, {@code agent.who.display} who, {@code reason.text}
 * why, {@code activity} v3-DataOperation {@code UPDATE}. Read-only; searched by {@code patient}; read through the
 * registry and the diary, so access policy and audit are theirs.
 *
 * <p>Ids: {@code <patient id>-pv-p-<version>} (registry), {@code <patient id>-pv-b<first 18 hex digits of the bleed
 * id>-<version>} and {@code …-pv-i<…infusion id>-<version>}, where version is the one replaced.
 */
@Component
public class ProvenanceProvider implements IResourceProvider {

    static final String INFIX = "-pv-";

    private final PatientRegistry registry;
    private final BleedDiary diary;
    private final CurrentActor currentActor;

    ProvenanceProvider(PatientRegistry registry, BleedDiary diary, CurrentActor currentActor) {
        this.registry = registry;
        this.diary = diary;
        this.currentActor = currentActor;
    }

    @Override
    public Class<Provenance> getResourceType() {
        return Provenance.class;
    }

    @Read
    public Provenance read(@IdParam IdType id) {
        String idPart = id.getIdPart();
        UUID patientId = Ids.patientPrefix(idPart);
        return of(currentActor.require(), patientId).stream()
                .filter(p -> p.getIdElement().getIdPart().equals(idPart))
                .findFirst()
                .orElseThrow(FhirErrors::notFound);
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = Provenance.SP_PATIENT) ReferenceParam patient,
            @Count @Nullable Integer count,
            @Offset @Nullable Integer offset) {
        UUID patientId = Ids.parse(patient.getIdPart());
        List<Provenance> found = patientId == null ? List.of() : of(currentActor.require(), patientId);
        return Pages.slice(Pages.Request.of(offset, count), found);
    }

    /** Every correction of the patient's record and diary, newest first. */
    List<Provenance> of(Actor actor, UUID patientId) {
        PatientRecord record = registry.read(actor, patientId);
        return of(record, diary.details(actor, patientId));
    }

    /** Every correction of a record and its diary, newest first (also for the bulk export, which has read both). */
    static List<Provenance> of(PatientRecord record, BleedDiary.DiaryDetails details) {
        UUID patientId = record.id();
        List<Provenance> all = new ArrayList<>();
        for (PatientRecord.Revision r : record.revisions()) {
            Provenance p = provenance(
                    patientId + INFIX + "p-" + r.version(),
                    "Patient/" + patientId,
                    null,
                    r.changedAt(),
                    r.changedBy(),
                    r.reason());
            p.getTargetFirstRep().setDisplay("Changed: " + r.changedFields());
            all.add(p);
        }
        details.bleedRevisions().values().stream().flatMap(List::stream).forEach(r -> {
            String observation = "Observation/"
                    + BleedObservations.id(patientId, r.previous().id());
            all.add(diaryProvenance(patientId, "b", r.previous().id(), observation, r));
        });
        details.infusionRevisions().values().stream().flatMap(List::stream).forEach(r -> {
            String administration = "MedicationAdministration/" + r.previous().id();
            all.add(diaryProvenance(patientId, "i", r.previous().id(), administration, r));
        });
        all.sort(Comparator.comparing(Provenance::getRecorded).reversed());
        return all;
    }

    private static Provenance diaryProvenance(
            UUID patientId, String kind, UUID entryId, String resource, Revision<?> revision) {
        return provenance(
                patientId + INFIX + kind + Ids.hex(entryId, 18) + "-" + revision.version(),
                resource + "/_history/" + (revision.version() + 1),
                resource + "/_history/" + revision.version(),
                revision.correctedAt(),
                revision.correctedBy(),
                revision.reason());
    }

    private static Provenance provenance(
            String id, String target, @Nullable String replaced, Instant at, String by, String reason) {
        Provenance provenance = new Provenance();
        provenance.setId(new IdType("Provenance", id));
        provenance.addTarget(new Reference(target));
        provenance.setRecorded(Date.from(at));
        provenance.setActivity(new CodeableConcept(new Coding(Terminology.DATA_OPERATION, "UPDATE", "revise")));
        provenance
                .addAgent()
                .setType(new CodeableConcept(new Coding(Terminology.PROVENANCE_AGENT, "author", "Author")))
                .setWho(new Reference().setDisplay(by));
        // PurposeOfUse (extensible): a correction is records management; the person's own words are the text
        provenance.addReason(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/v3-ActReason", "RECORDMGT", "records management"))
                .setText(reason));
        if (replaced != null) {
            provenance
                    .addEntity()
                    .setRole(Provenance.ProvenanceEntityRole.REVISION)
                    .setWhat(new Reference(replaced));
        }
        return provenance;
    }
}
