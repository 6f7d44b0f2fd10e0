package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.Revision;
import org.hemonet.outcome.JointScoreView;
import org.hemonet.outcome.JointScores;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
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
    private final BleedDiary diary;
    private final JointScores jointScores;

    ObservationProvider(
            PatientRegistry registry, CurrentActor currentActor, BleedDiary diary, JointScores jointScores) {
        this.registry = registry;
        this.currentActor = currentActor;
        this.diary = diary;
        this.jointScores = jointScores;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    /**
     * Read and vread. A bleed's earlier versions are kept by the diary (its corrections); a joint score is never edited
     * in place (a correction is a new score), so its only version is 0; laboratory results carry no version.
     */
    @Read(version = true)
    public Observation read(@IdParam IdType id) {
        String idPart = id.getIdPart();
        UUID patientId = Ids.patientPrefix(idPart);
        Actor actor = currentActor.require();
        String kind = idPart.substring(36, Math.min(idPart.length(), 40));
        Observation found;
        if (BleedObservations.INFIX.equals(kind)) {
            return bleed(actor, patientId, idPart, id.getVersionIdPart());
        } else if (JointScoreObservations.INFIX.equals(kind)) {
            JointScoreView score = jointScores.history(actor, patientId, true).stream()
                    .filter(s -> JointScoreObservations.id(patientId, s.id()).equals(idPart))
                    .findFirst()
                    .orElseThrow(FhirErrors::notFound);
            if (score.voided()) {
                throw FhirErrors.gone();
            }
            found = JointScoreObservations.toFhir(patientId, score);
        } else {
            found = toFhir(registry.read(actor, patientId)).stream()
                    .filter(o -> o.getIdElement().getIdPart().equals(idPart))
                    .findFirst()
                    .orElseThrow(FhirErrors::notFound);
        }
        if (id.hasVersionIdPart()
                && !id.getVersionIdPart().equals(found.getMeta().getVersionId())) {
            throw FhirErrors.notFound();
        }
        return found;
    }

    /**
     * {@code Observation/{id}/_history}: a bleed's versions, newest first (its corrections, kept by the diary); any
     * other Observation has only the version a read returns.
     */
    @ca.uhn.fhir.rest.annotation.History
    public List<Observation> history(@IdParam IdType id) {
        String idPart = id.getIdPart();
        UUID patientId = Ids.patientPrefix(idPart);
        if (!BleedObservations.INFIX.equals(idPart.substring(36, Math.min(idPart.length(), 40)))) {
            return List.of(read(id.toVersionless()));
        }
        Actor actor = currentActor.require();
        Observation current = bleed(actor, patientId, idPart, null);
        UUID bleedId =
                UUID.fromString(current.getIdentifierFirstRep().getValue().substring("urn:uuid:".length()));
        List<Revision<Bleed>> revisions = diary.details(actor, patientId).revisionsOfBleed(bleedId);
        List<Observation> all = new ArrayList<>();
        all.add(current);
        revisions.stream()
                .sorted(java.util.Comparator.comparingInt((Revision<Bleed> r) -> r.version())
                        .reversed())
                .forEach(r -> all.add(BleedObservations.earlier(r, revisions)));
        all.forEach(o -> ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.put(
                o,
                "0".equals(o.getMeta().getVersionId())
                        ? ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum.POST
                        : ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum.PUT));
        return all;
    }

    /**
     * Corrects a bleed (security.md §18), as {@code PUT /fhir/MedicationAdministration/{id}} corrects an infusion:
     * {@code If-Match: W/"<version>"} names the version corrected (none → 428, a stale one → 412, nothing changed), the
     * {@code X-Provenance} header a Provenance whose {@code reason.text} says why, and the body is the whole bleed as
     * it should read ({@link BleedCorrections}). The diary's correction keeps the replaced version with who, when and
     * why, and audits the update, exactly as a correction through the JSON API. Only bleeds are corrected here:
     * laboratory results belong to the registry and a joint score is corrected by a new score (405).
     */
    @ca.uhn.fhir.rest.annotation.Update
    public ca.uhn.fhir.rest.api.MethodOutcome update(
            @IdParam IdType id,
            @ca.uhn.fhir.rest.annotation.ResourceParam Observation resource,
            ca.uhn.fhir.rest.api.server.RequestDetails request) {
        String idPart = id.getIdPart();
        UUID patientId = Ids.patientPrefix(idPart);
        if (!BleedObservations.INFIX.equals(idPart.substring(36, Math.min(idPart.length(), 40)))) {
            throw FhirErrors.notSupported("Only bleeds are updated through FHIR: a laboratory result is changed in the"
                    + " registry, and a joint score is corrected by recording a new score.");
        }
        int version = Versions.ifMatch(id, request.getHeader("If-Match"));
        if (resource.getIdElement().hasIdPart()
                && !idPart.equals(resource.getIdElement().getIdPart())) {
            throw FhirErrors.badRequest("The resource id differs from the id in the URL.");
        }
        String reason = CorrectionReasons.of(request.getHeader("X-Provenance"));
        Actor actor = currentActor.require();
        Bleed stored = diary.bleeds(actor, patientId).stream()
                .filter(b -> BleedObservations.id(patientId, b.id()).equals(idPart))
                .findFirst()
                .orElseThrow(FhirErrors::notFound);
        if (!patientId.equals(Ids.referenced("Patient", resource.getSubject().getReference()))) {
            throw FhirErrors.invalid(
                    "Observation.subject", "A bleed stays with its patient: Patient/" + patientId + ".");
        }
        org.hemonet.diary.BleedCorrection correction = BleedCorrections.of(resource, stored, version, reason);
        Bleed corrected;
        try {
            corrected = diary.correctBleed(actor, patientId, stored.id(), correction);
        } catch (org.hemonet.shared.InvalidInputException e) {
            throw FhirErrors.invalid(FhirPaths.ofBleed(e.field()), e.getMessage());
        }
        BleedDiary.DiaryDetails details = diary.details(actor, patientId);
        ca.uhn.fhir.rest.api.MethodOutcome outcome =
                new ca.uhn.fhir.rest.api.MethodOutcome(new IdType("Observation", idPart));
        outcome.setCreated(false);
        outcome.setResource(BleedObservations.toFhir(
                corrected, details.versionOf(corrected.id()), details.revisionsOfBleed(corrected.id())));
        return outcome;
    }

    private Observation bleed(Actor actor, UUID patientId, String idPart, @Nullable String version) {
        Bleed bleed = diary.bleeds(actor, patientId).stream()
                .filter(b -> BleedObservations.id(patientId, b.id()).equals(idPart))
                .findFirst()
                .orElseThrow(FhirErrors::notFound);
        if (bleed.isVoided()) {
            throw FhirErrors.gone();
        }
        BleedDiary.DiaryDetails details = diary.details(actor, patientId);
        List<Revision<Bleed>> revisions = details.revisionsOfBleed(bleed.id());
        int current = details.versionOf(bleed.id());
        Integer asked = Versions.parse(version);
        if (version == null || (asked != null && asked == current)) {
            return BleedObservations.toFhir(bleed, current, revisions);
        }
        return revisions.stream()
                .filter(r -> asked != null && r.version() == asked)
                .findFirst()
                .map(r -> BleedObservations.earlier(r, revisions))
                .orElseThrow(FhirErrors::notFound);
    }

    /**
     * A patient's observations: laboratory results (registry), bleeds (diary) and current joint scores (outcome), each
     * read — and audited — by its module, and only the modules the {@code code} criterion asks about are read.
     */
    @Search
    public IBundleProvider search(
            @RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Observation.SP_CODE) @Nullable TokenOrListParam code,
            @OptionalParam(name = Observation.SP_DATE) @Nullable DateRangeParam date,
            @OptionalParam(name = "_lastUpdated") @Nullable DateRangeParam lastUpdated,
            @Count @Nullable Integer count,
            @Offset @Nullable Integer offset) {
        UUID patientId = Ids.parse(patient.getIdPart());
        if (patientId == null) {
            return Pages.slice(Pages.Request.of(offset, count), List.of());
        }
        Actor actor = currentActor.require();
        List<Observation> all = new ArrayList<>();
        if (asks(code, Terminology.LOINC, null)) {
            all.addAll(toFhir(registry.read(actor, patientId)));
        }
        if (asks(code, Terminology.OBSERVATION.url(), Terminology.BLEED)
                || asks(code, Terminology.SNOMED, Terminology.BLEEDING_SNOMED.code())) {
            all.addAll(bleeds(actor, patientId));
        }
        if (asks(code, Terminology.OBSERVATION.url(), Terminology.HJHS)) {
            all.addAll(jointScores(actor, patientId));
        }
        List<Observation> found = all.stream()
                .filter(o -> matches(code, o))
                .filter(o -> date == null || Versions.within(date, effective(o)))
                .filter(o -> Versions.lastUpdatedWithin(lastUpdated, o))
                .toList();
        return Pages.slice(Pages.Request.of(offset, count), found);
    }

    /** The patient's living bleeds, newest first. */
    List<Observation> bleeds(Actor actor, UUID patientId) {
        List<Bleed> bleeds = diary.bleeds(actor, patientId);
        BleedDiary.DiaryDetails details = diary.details(actor, patientId);
        return bleeds.stream()
                .filter(b -> !b.isVoided())
                .map(b -> BleedObservations.toFhir(b, details.versionOf(b.id()), details.revisionsOfBleed(b.id())))
                .toList();
    }

    /** The patient's current joint scores (neither corrected nor voided), oldest first. */
    List<Observation> jointScores(Actor actor, UUID patientId) {
        return jointScores.history(actor, patientId, false).stream()
                .map(s -> JointScoreObservations.toFhir(patientId, s))
                .toList();
    }

    private static java.time.@Nullable Instant effective(Observation observation) {
        if (!observation.hasEffectiveDateTimeType()) {
            return null;
        }
        return observation.getEffectiveDateTimeType().getValue().toInstant();
    }

    /** Does the criterion (absent: everything) ask for codes of {@code system} (and {@code code}, when given)? */
    private static boolean asks(@Nullable TokenOrListParam criterion, String system, @Nullable String code) {
        if (criterion == null) {
            return true;
        }
        return criterion.getValuesAsQueryTokens().stream()
                .anyMatch(t -> (t.getSystem() == null || t.getSystem().equals(system))
                        && (code == null || code.equals(t.getValue()))
                        && (code != null || t.getSystem() != null || isLaboratory(t.getValue())));
    }

    private static boolean isLaboratory(@Nullable String code) {
        return Terminology.FACTOR_ACTIVITY.values().stream()
                        .anyMatch(c -> c.code().equals(code))
                || Terminology.INHIBITOR_TITRE.values().stream()
                        .anyMatch(c -> c.code().equals(code));
    }

    private static boolean matches(@Nullable TokenOrListParam code, Observation o) {
        return code == null
                || code.getValuesAsQueryTokens().stream().anyMatch(t -> o.getCode().getCoding().stream()
                        .anyMatch(c -> c.getCode().equals(t.getValue())
                                && (t.getSystem() == null || t.getSystem().equals(c.getSystem()))));
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
