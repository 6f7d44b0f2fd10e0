package org.hemonet.fhir.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.Revision;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * A bleed of the diary as an Observation (docs/fhir.md, "Bleeds"; clinical.md §3): code Hemonet {@code
 * observation#bleed} and SNOMED CT 131148009 (bleeding), {@code bodySite} the Hemonet bleed site, {@code
 * effectiveDateTime} when it started, components for the cause, the kind of site (joint, muscle, other), pain, joint
 * immobilisation and days lost. There is no standard code for a patient-logged bleeding episode with these details,
 * so Hemonet's code system carries them. Id: {@code <patient id>-bl-<first 24 hex digits of the bleed id>}.
 */
final class BleedObservations {

    static final String INFIX = "-bl-";

    private BleedObservations() {}

    static String id(UUID patientId, UUID bleedId) {
        return patientId + INFIX + Ids.hex(bleedId, 24);
    }

    /** The current bleed, stamped with its version and the time of its last change. */
    static Observation toFhir(Bleed bleed, int version, List<Revision<Bleed>> revisions) {
        Instant updated = revisions.stream()
                .map(Revision::correctedAt)
                .max(Instant::compareTo)
                .orElse(bleed.recordedAt());
        Observation observation = map(bleed);
        observation.setStatus(
                version > 0 ? Observation.ObservationStatus.AMENDED : Observation.ObservationStatus.FINAL);
        return Versions.stamp(observation, version, updated);
    }

    /** An earlier version, as it read before the correction that replaced it. */
    static Observation earlier(Revision<Bleed> revision, List<Revision<Bleed>> all) {
        Observation observation = map(revision.previous());
        observation.setStatus(
                revision.version() > 0 ? Observation.ObservationStatus.AMENDED : Observation.ObservationStatus.FINAL);
        Instant created = all.stream()
                .filter(r -> r.version() == revision.version() - 1)
                .map(Revision::correctedAt)
                .findFirst()
                .orElse(revision.previous().recordedAt());
        return Versions.stamp(observation, revision.version(), created);
    }

    private static Observation map(Bleed bleed) {
        Observation observation = new Observation();
        observation.setId(new IdType("Observation", id(bleed.patientId(), bleed.id())));
        observation.addIdentifier(
                new Identifier().setSystem(Terminology.RFC3986).setValue("urn:uuid:" + bleed.id()));
        CodeableConcept code = new CodeableConcept()
                .addCoding(Terminology.coding(Terminology.observation(Terminology.BLEED)))
                .addCoding(Terminology.coding(Terminology.BLEEDING_SNOMED));
        code.setText("Bleed");
        observation.setCode(code);
        observation.setSubject(new Reference("Patient/" + bleed.patientId()));
        observation.setEffective(Versions.utc(bleed.startedAt()));
        observation.setIssued(java.util.Date.from(bleed.recordedAt()));
        observation.setBodySite(new CodeableConcept(Terminology.coding(Terminology.BLEED_SITE, bleed.site())));
        observation
                .addComponent()
                .setCode(new CodeableConcept(Terminology.coding(Terminology.observation("bleed-cause"))))
                .setValue(new CodeableConcept(Terminology.coding(Terminology.BLEED_CAUSE, bleed.cause())));
        observation
                .addComponent()
                .setCode(new CodeableConcept(Terminology.coding(Terminology.observation("bleed-site-kind"))))
                .setValue(new CodeableConcept(
                        Terminology.coding(Terminology.SITE_KIND, bleed.site().kind())));
        if (bleed.pain() != null) {
            observation
                    .addComponent()
                    .setCode(new CodeableConcept(Terminology.coding(Terminology.observation("pain"))))
                    .setValue(new IntegerType(bleed.pain()));
        }
        if (bleed.site().isJoint()) {
            observation
                    .addComponent()
                    .setCode(new CodeableConcept(Terminology.coding(Terminology.observation("joint-immobilising"))))
                    .setValue(new BooleanType(bleed.jointImmobilising()));
        }
        observation
                .addComponent()
                .setCode(new CodeableConcept(Terminology.coding(Terminology.observation("days-lost-school"))))
                .setValue(new IntegerType(bleed.daysLostSchool()));
        observation
                .addComponent()
                .setCode(new CodeableConcept(Terminology.coding(Terminology.observation("days-lost-work"))))
                .setValue(new IntegerType(bleed.daysLostWork()));
        if (bleed.note() != null) {
            observation.addNote(new Annotation().setText(bleed.note()));
        }
        return observation;
    }
}
