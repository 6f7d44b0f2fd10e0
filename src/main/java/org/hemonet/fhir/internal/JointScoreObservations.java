package org.hemonet.fhir.internal;

import java.util.UUID;
import org.hemonet.outcome.HjhsJoint;
import org.hemonet.outcome.JointScoreView;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;

/**
 * An HJHS 2.1 assessment (clinical.md §4) as an Observation (docs/fhir.md, "Joint scores"): category {@code exam},
 * code Hemonet {@code observation#hjhs} (LOINC has no code for the HJHS), {@code valueInteger} the total (0–124,
 * higher is worse), one component per joint with the joint total (0–20) and one for global gait (0–4). A not-evaluable
 * joint, gait or total is never a 0: it has {@code dataAbsentReason} {@code not-performed} with the text "Not
 * evaluable". A corrected score is a new Observation whose Provenance names the one it replaced; the replaced one reads
 * as {@code entered-in-error}, a voided one as 410. Id: {@code <patient id>-js-<first 24 hex digits of the score id>}.
 */
final class JointScoreObservations {

    static final String INFIX = "-js-";

    private JointScoreObservations() {}

    static String id(UUID patientId, UUID scoreId) {
        return patientId + INFIX + Ids.hex(scoreId, 24);
    }

    static Observation toFhir(UUID patientId, JointScoreView score) {
        Observation observation = new Observation();
        observation.setId(new IdType("Observation", id(patientId, score.id())));
        observation.addIdentifier().setSystem(Terminology.RFC3986).setValue("urn:uuid:" + score.id());
        observation.setStatus(
                score.supersededBy() != null || score.voided()
                        ? Observation.ObservationStatus.ENTEREDINERROR
                        : score.replaces() != null
                                ? Observation.ObservationStatus.AMENDED
                                : Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(Terminology.OBSERVATION_CATEGORY, "exam", "Exam")));
        CodeableConcept code = new CodeableConcept(Terminology.coding(Terminology.observation(Terminology.HJHS)));
        code.setText("HJHS 2.1");
        observation.setCode(code);
        observation.setSubject(new Reference("Patient/" + patientId));
        observation.setEffective(new DateTimeType(score.assessedOn().toString()));
        observation.setIssued(java.util.Date.from(score.recordedAt()));
        value(observation, score.total());
        for (HjhsJoint joint : HjhsJoint.values()) {
            Observation.ObservationComponentComponent component = observation
                    .addComponent()
                    .setCode(new CodeableConcept(
                            Terminology.coding(Terminology.observation(Terminology.hjhsJoint(joint)))));
            Integer total = score.totalOf(joint);
            if (total != null) {
                component.setValue(new IntegerType(total));
            } else {
                component.setDataAbsentReason(notEvaluable());
            }
        }
        Observation.ObservationComponentComponent gait = observation
                .addComponent()
                .setCode(new CodeableConcept(Terminology.coding(Terminology.observation(Terminology.HJHS_GAIT))));
        if (score.gait() instanceof Integer value) {
            gait.setValue(new IntegerType(value));
        } else {
            gait.setDataAbsentReason(notEvaluable());
        }
        if (score.note() != null) {
            observation.addNote(new Annotation().setText(score.note()));
        }
        // a score is never edited in place: each one is its own single version
        return Versions.stamp(observation, 0, score.recordedAt());
    }

    private static void value(Observation observation, @Nullable Integer total) {
        if (total != null) {
            observation.setValue(new IntegerType(total));
        } else {
            observation.setDataAbsentReason(notEvaluable());
        }
    }

    private static CodeableConcept notEvaluable() {
        CodeableConcept reason =
                new CodeableConcept(new Coding(Terminology.DATA_ABSENT, "not-performed", "Not Performed"));
        reason.setText("Not evaluable");
        return reason;
    }
}
