package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.CurrentActor;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Observation: a patient's registry laboratory results — factor activity (LOINC 3209-4 FVIII, 3187-2 FIX, in IU/dL)
 * and Bethesda inhibitor titres (LOINC 3204-5 FVIII, 3185-6 FIX, in BU/mL). Ids start with the patient's id, so a read
 * goes through {@link PatientRegistry#read} (access policy and audit): {@code <patient>-fl-<factor>-<yyyymmdd>} for a
 * level, {@code <patient>-bu-<first 24 hex digits of the test id>} for a titre. Factor levels of other factors (VWF,
 * FVII, …) have no code here yet and are left out.
 */
@Component
public class ObservationProvider implements IResourceProvider {

    private final PatientRegistry registry;
    private final CurrentActor currentActor;

    ObservationProvider(PatientRegistry registry, CurrentActor currentActor) {
        this.registry = registry;
        this.currentActor = currentActor;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Read
    public Observation read(@IdParam IdType id) {
        String idPart = id.getIdPart();
        UUID patientId = Ids.uuid(idPart == null || idPart.length() < 36 ? null : idPart.substring(0, 36));
        return toFhir(registry.read(currentActor.require(), patientId)).stream()
                .filter(o -> o.getIdElement().getIdPart().equals(idPart))
                .findFirst()
                .orElseThrow(FhirErrors::notFound);
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Observation.SP_CODE) @Nullable TokenOrListParam code,
            @Count @Nullable Integer count,
            @Offset @Nullable Integer offset) {
        UUID patientId = Ids.parse(patient.getIdPart());
        List<Observation> found = patientId == null
                ? List.of()
                : toFhir(registry.read(currentActor.require(), patientId)).stream()
                        .filter(o -> code == null
                                || code.getValuesAsQueryTokens().stream().anyMatch(t -> o.getCode().getCoding().stream()
                                        .anyMatch(c -> c.getCode().equals(t.getValue())
                                                && (t.getSystem() == null
                                                        || t.getSystem().equals(c.getSystem())))))
                        .toList();
        return Pages.slice(Pages.Request.of(offset, count), found);
    }

    static List<Observation> toFhir(PatientRecord record) {
        List<Observation> observations = new ArrayList<>();
        for (PatientRecord.FactorLevel level : record.factorLevels()) {
            Terminology.Code code = Terminology.FACTOR_ACTIVITY.get(level.factor());
            if (code == null) {
                continue;
            }
            Observation observation = laboratory(
                    record,
                    record.id() + "-fl-" + level.factor() + "-"
                            + level.measuredOn().toString().replace("-", ""),
                    code,
                    level.measuredOn());
            observation.setValue(new Quantity()
                    .setValue(level.levelIuPerDl())
                    .setUnit("IU/dL")
                    .setSystem(Terminology.UCUM)
                    .setCode("[iU]/dL"));
            observations.add(observation);
        }
        String factor = record.diagnosis().type() == DiagnosisType.HEMOPHILIA_B ? "FIX" : "FVIII";
        for (PatientRecord.InhibitorTest test : record.inhibitorTests()) {
            String testHex = HexFormat.of()
                    .formatHex(java.nio.ByteBuffer.allocate(16)
                            .putLong(test.id().getMostSignificantBits())
                            .putLong(test.id().getLeastSignificantBits())
                            .array())
                    .substring(0, 24);
            Observation observation = laboratory(
                    record, record.id() + "-bu-" + testHex, Terminology.INHIBITOR_TITRE.get(factor), test.sampledOn());
            observation.setValue(new Quantity()
                    .setValue(test.titreBu())
                    .setUnit("BU/mL")
                    .setSystem(Terminology.UCUM)
                    .setCode("[beth'U]/mL"));
            observation.addInterpretation(new CodeableConcept(
                    test.positive()
                            ? new Coding(Terminology.INTERPRETATION, "POS", "Positive")
                            : new Coding(Terminology.INTERPRETATION, "NEG", "Negative")));
            observations.add(observation);
        }
        return observations;
    }

    private static Observation laboratory(
            PatientRecord record, String id, Terminology.Code code, java.time.LocalDate on) {
        Observation observation = new Observation();
        observation.setId(new IdType("Observation", id));
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(
                new CodeableConcept(new Coding(Terminology.OBSERVATION_CATEGORY, "laboratory", "Laboratory")));
        observation.setCode(new CodeableConcept(new Coding(code.system(), code.code(), code.display())));
        observation.setSubject(new Reference("Patient/" + record.id()));
        observation.setEffective(new DateTimeType(on.toString()));
        return observation;
    }
}
