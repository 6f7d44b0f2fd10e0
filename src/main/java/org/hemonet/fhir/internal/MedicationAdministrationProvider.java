package org.hemonet.fhir.internal;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionCorrection;
import org.hemonet.diary.InfusionReason;
import org.hemonet.diary.InfusionRequest;
import org.hemonet.diary.Revision;
import org.hemonet.diary.SyncEntry;
import org.hemonet.diary.SyncEntryType;
import org.hemonet.diary.SyncResult;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * MedicationAdministration: the diary's infusions ({@link BleedDiary}, which applies the access policy and audits).
 * Read (a voided infusion is 410 Gone), search by patient and date, and create — by the patient, a parent or the
 * patient's centre staff — through the diary's offline sync, so that the resource id is the client's UUID and a
 * retried create never stores a second infusion: {@code If-None-Exist: identifier=urn:uuid:<uuid>} (or the identifier
 * in the body) names the infusion the create would store, and a second create of the same UUID answers 200 with the
 * stored infusion.
 */
@Component
public class MedicationAdministrationProvider implements IResourceProvider {

    static final String CONTAINED_PRODUCT = "product";

    /** The date search parameter of the issue's contract (FHIR's own name for it is {@code effective-time}). */
    static final String DATE = "date";

    private final BleedDiary diary;
    private final ProductCatalogue catalogue;
    private final CurrentActor currentActor;

    MedicationAdministrationProvider(BleedDiary diary, ProductCatalogue catalogue, CurrentActor currentActor) {
        this.diary = diary;
        this.catalogue = catalogue;
        this.currentActor = currentActor;
    }

    @Override
    public Class<MedicationAdministration> getResourceType() {
        return MedicationAdministration.class;
    }

    /** Read and vread: the diary keeps every earlier version of a corrected infusion. */
    @Read(version = true)
    public MedicationAdministration read(@IdParam IdType id) {
        Actor actor = currentActor.require();
        Infusion infusion = diary.infusion(actor, Ids.uuid(id));
        if (infusion.isVoided()) {
            throw FhirErrors.gone();
        }
        BleedDiary.DiaryDetails details = diary.details(actor, infusion.patientId());
        if (!id.hasVersionIdPart()) {
            return current(infusion, details);
        }
        Integer asked = Versions.parse(id.getVersionIdPart());
        return versions(infusion, details).stream()
                .filter(v -> asked != null
                        && Integer.toString(asked).equals(v.getMeta().getVersionId()))
                .findFirst()
                .orElseThrow(FhirErrors::notFound);
    }

    /** {@code MedicationAdministration/{id}/_history}: every version of the infusion, newest first. */
    @History
    public List<MedicationAdministration> history(@IdParam IdType id) {
        Actor actor = currentActor.require();
        Infusion infusion = diary.infusion(actor, Ids.uuid(id));
        if (infusion.isVoided()) {
            throw FhirErrors.gone();
        }
        List<MedicationAdministration> all = versions(infusion, diary.details(actor, infusion.patientId()));
        all.forEach(v -> ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.put(
                v,
                "0".equals(v.getMeta().getVersionId())
                        ? ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum.POST
                        : ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum.PUT));
        return all;
    }

    /** The current version and the earlier ones, newest first. */
    private List<MedicationAdministration> versions(Infusion infusion, BleedDiary.DiaryDetails details) {
        List<Revision<Infusion>> revisions = details.revisionsOfInfusion(infusion.id());
        List<MedicationAdministration> all = new ArrayList<>();
        all.add(current(infusion, details));
        revisions.stream()
                .sorted(java.util.Comparator.comparingInt((Revision<Infusion> r) -> r.version())
                        .reversed())
                .forEach(r -> {
                    Instant created = revisions.stream()
                            .filter(o -> o.version() == r.version() - 1)
                            .map(Revision::correctedAt)
                            .findFirst()
                            .orElse(r.previous().recordedAt());
                    all.add(Versions.stamp(toFhir(r.previous()), r.version(), created));
                });
        return all;
    }

    /** The infusion as it reads now, stamped with its version and the time of its last change. */
    MedicationAdministration current(Infusion infusion, BleedDiary.DiaryDetails details) {
        Instant updated = details.revisionsOfInfusion(infusion.id()).stream()
                .map(Revision::correctedAt)
                .max(Instant::compareTo)
                .orElse(infusion.recordedAt());
        return Versions.stamp(toFhir(infusion), details.versionOf(infusion.id()), updated);
    }

    /** A patient's infusions, newest first; voided ones are left out (they read as 410). */
    @Search
    public IBundleProvider search(
            @RequiredParam(name = MedicationAdministration.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = DATE) @Nullable DateRangeParam date,
            @OptionalParam(name = "_lastUpdated") @Nullable DateRangeParam lastUpdated,
            @Count @Nullable Integer count,
            @Offset @Nullable Integer offset) {
        UUID patientId = Ids.parse(patient.getIdPart());
        if (patientId == null || (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType()))) {
            return Pages.slice(Pages.Request.of(offset, count), List.of());
        }
        Actor actor = currentActor.require();
        List<Infusion> infusions = diary.infusions(actor, patientId);
        BleedDiary.DiaryDetails details = diary.details(actor, patientId);
        List<MedicationAdministration> found = infusions.stream()
                .filter(i -> !i.isVoided())
                .filter(i -> Versions.within(date, i.administeredAt()))
                .map(i -> current(i, details))
                .filter(a -> Versions.lastUpdatedWithin(lastUpdated, a))
                .toList();
        return Pages.slice(Pages.Request.of(offset, count), found);
    }

    /**
     * Corrects an infusion (security.md §18): {@code If-Match: W/"<version>"} names the version the client corrects
     * (none → 428; a stale one → 412, nothing changed) and the {@code X-Provenance} header, a Provenance whose {@code reason.text}
     * says why (the diary keeps the reason with the earlier version). The body is the whole infusion as it should
     * read, checked by the same diary rules as a create.
     */
    @Update
    public MethodOutcome update(
            @IdParam IdType id,
            @ResourceParam MedicationAdministration resource,
            ca.uhn.fhir.rest.api.server.RequestDetails request) {
        Actor actor = currentActor.require();
        UUID infusionId = Ids.uuid(id);
        int version = Versions.ifMatch(id, request.getHeader("If-Match"));
        if (resource.hasIdElement()
                && resource.getIdElement().hasIdPart()
                && !infusionId.toString().equals(resource.getIdElement().getIdPart())) {
            throw FhirErrors.badRequest("The resource id differs from the id in the URL.");
        }
        String reason = CorrectionReasons.of(request.getHeader("X-Provenance"));
        UUID patientId = Ids.referenced("Patient", resource.getSubject().getReference());
        Infusion stored = diary.infusion(actor, infusionId);
        if (patientId == null || !patientId.equals(stored.patientId())) {
            throw FhirErrors.invalid(
                    "MedicationAdministration.subject",
                    "An infusion stays with its patient: Patient/" + stored.patientId());
        }
        InfusionRequest values = request(resource);
        Infusion corrected = diary.correctInfusion(
                actor,
                patientId,
                infusionId,
                new InfusionCorrection(
                        version,
                        reason,
                        values.administeredAt(),
                        values.productId(),
                        values.batchNumber(),
                        values.doseIu(),
                        values.doseMg(),
                        values.reason(),
                        null,
                        // the body is the whole infusion: what it leaves out is removed (the diary keeps a null)
                        values.givenBy() == null ? "" : values.givenBy(),
                        values.note() == null ? "" : values.note()));
        MethodOutcome outcome = new MethodOutcome(new IdType("MedicationAdministration", infusionId.toString()));
        outcome.setCreated(false);
        outcome.setResource(current(corrected, diary.details(actor, patientId)));
        return outcome;
    }

    @Create
    public MethodOutcome create(
            @ResourceParam MedicationAdministration resource, @ConditionalUrlParam @Nullable String conditionalUrl) {
        Actor actor = currentActor.require();
        UUID id = entryId(resource, conditionalUrl);
        UUID patientId = Ids.referenced("Patient", resource.getSubject().getReference());
        if (patientId == null) {
            throw FhirErrors.invalid(
                    "MedicationAdministration.subject", "The subject must reference a patient: Patient/<id>.");
        }
        SyncResult result = diary.sync(
                actor,
                List.of(new SyncEntry(id, SyncEntryType.INFUSION, patientId, null, request(resource))),
                stored -> {});
        if (!result.accepted()) {
            SyncResult.EntryError error = result.errors().get(0);
            throw FhirErrors.invalid(FhirPaths.of(error.field()), error.message());
        }
        boolean created = "CREATED".equals(result.entries().get(0).status());
        // a new infusion is answered under its CREATE audit event; a replayed one is a read of what was stored
        Infusion stored = created ? diary.storedInfusion(actor, patientId, id) : diary.infusion(actor, patientId, id);
        if (stored.isVoided()) {
            throw FhirErrors.gone();
        }
        MethodOutcome outcome = new MethodOutcome(new IdType("MedicationAdministration", id.toString()));
        outcome.setCreated(created);
        outcome.setResource(toFhir(stored));
        return outcome;
    }

    /**
     * The diary entry's id: the UUID of {@code If-None-Exist: identifier=…} and/or of the body's {@code urn:uuid:}
     * identifier (they must agree), else a new one. Other search criteria in {@code If-None-Exist} are not supported.
     */
    private static UUID entryId(MedicationAdministration resource, @Nullable String conditionalUrl) {
        UUID fromBody = null;
        for (Identifier identifier : resource.getIdentifier()) {
            UUID parsed = uuidIdentifier(identifier.getSystem(), identifier.getValue());
            if (parsed != null) {
                fromBody = parsed;
            }
        }
        UUID fromCondition = null;
        if (conditionalUrl != null && !conditionalUrl.isBlank()) {
            String query = conditionalUrl.substring(conditionalUrl.indexOf('?') + 1);
            if (!query.startsWith("identifier=") || query.contains("&")) {
                throw FhirErrors.badRequest(
                        "If-None-Exist supports one criterion: identifier=urn:uuid:<the client's UUID>.");
            }
            String token = URLDecoder.decode(query.substring("identifier=".length()), StandardCharsets.UTF_8);
            int bar = token.indexOf('|');
            fromCondition = bar >= 0
                    ? uuidIdentifier(token.substring(0, bar), token.substring(bar + 1))
                    : uuidIdentifier(null, token);
            if (fromCondition == null) {
                throw FhirErrors.badRequest("If-None-Exist: the identifier must be a UUID (urn:uuid:<uuid>).");
            }
        }
        if (fromBody != null && fromCondition != null && !fromBody.equals(fromCondition)) {
            throw FhirErrors.invalid(
                    "MedicationAdministration.identifier", "The identifier differs from the one in If-None-Exist.");
        }
        if (fromCondition != null) {
            return fromCondition;
        }
        return fromBody != null ? fromBody : UUID.randomUUID();
    }

    /** {@code urn:ietf:rfc:3986|urn:uuid:<uuid>}, or without a system {@code urn:uuid:<uuid>} or a bare UUID. */
    private static @Nullable UUID uuidIdentifier(@Nullable String system, @Nullable String value) {
        if (value == null || (system != null && !system.isEmpty() && !Terminology.RFC3986.equals(system))) {
            return null;
        }
        String text = value.toLowerCase(Locale.ROOT).startsWith("urn:uuid:") ? value.substring(9) : value;
        return Ids.parse(text);
    }

    private InfusionRequest request(MedicationAdministration resource) {
        if (resource.getStatus() != MedicationAdministration.MedicationAdministrationStatus.COMPLETED) {
            throw FhirErrors.invalid("MedicationAdministration.status", "Only completed administrations are logged.");
        }
        if (!resource.hasEffectiveDateTimeType()) {
            throw FhirErrors.invalid("MedicationAdministration.effective", "Give effectiveDateTime.");
        }
        Instant at = resource.getEffectiveDateTimeType().getValue().toInstant();
        UUID productId = null;
        String batch = null;
        if (resource.hasMedicationReference()) {
            Reference medication = resource.getMedicationReference();
            String reference = medication.getReference();
            if (reference != null && reference.startsWith("#")) {
                Medication contained = containedMedication(resource, reference.substring(1));
                productId = productOf(contained);
                batch = contained.hasBatch() ? contained.getBatch().getLotNumber() : null;
            } else {
                productId = Ids.referenced("Medication", reference);
            }
        }
        if (productId == null) {
            throw FhirErrors.invalid(
                    "MedicationAdministration.medication",
                    "Reference the product as Medication/<id>, or as a contained Medication with its product"
                            + " identifier and batch.");
        }
        Quantity dose = resource.getDosage().getDose();
        if (dose.getValue() == null) {
            throw FhirErrors.invalid("MedicationAdministration.dosage.dose", "Give the dose.");
        }
        String unit = dose.hasCode() ? dose.getCode() : dose.getUnit();
        BigDecimal amount = dose.getValue();
        boolean iu = "[iU]".equals(unit) || "[IU]".equals(unit) || "IU".equals(unit);
        boolean mg = "mg".equals(unit);
        if (!iu && !mg) {
            throw FhirErrors.invalid(
                    "MedicationAdministration.dosage.dose", "The dose is in IU (UCUM [iU]) or mg (UCUM mg).");
        }
        InfusionReason reason = resource.getReasonCode().stream()
                .flatMap(c -> c.getCoding().stream())
                .filter(c -> Terminology.INFUSION_REASON.url().equals(c.getSystem()))
                .findFirst()
                .map(c -> reasonOf(c.getCode()))
                .orElseThrow(() -> FhirErrors.invalid(
                        "MedicationAdministration.reasonCode",
                        "Give the reason coded in " + Terminology.INFUSION_REASON.url() + "."));
        String givenBy = resource.getPerformer().isEmpty()
                ? null
                : resource.getPerformerFirstRep().getActor().getDisplay();
        String note =
                resource.getNote().isEmpty() ? null : resource.getNoteFirstRep().getText();
        return new InfusionRequest(
                at, productId, batch, iu ? amount : null, mg ? amount : null, reason, null, givenBy, note);
    }

    private static Medication containedMedication(MedicationAdministration resource, String localId) {
        for (Resource contained : resource.getContained()) {
            String id = contained.getIdElement().getIdPart();
            if (contained instanceof Medication medication
                    && id != null
                    && id.replace("#", "").equals(localId)) {
                return medication;
            }
        }
        throw FhirErrors.invalid("MedicationAdministration.medication", "The contained Medication is missing.");
    }

    private static @Nullable UUID productOf(Medication medication) {
        return medication.getIdentifier().stream()
                .filter(i -> Terminology.PRODUCT_ID.equals(i.getSystem()))
                .map(i -> Ids.parse(i.getValue()))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static InfusionReason reasonOf(String code) {
        for (InfusionReason reason : InfusionReason.values()) {
            if (Terminology.code(reason).equals(code)) {
                return reason;
            }
        }
        throw FhirErrors.invalid("MedicationAdministration.reasonCode", "Unknown infusion reason code.");
    }

    MedicationAdministration toFhir(Infusion infusion) {
        MedicationAdministration administration = new MedicationAdministration();
        administration.setId(
                new IdType("MedicationAdministration", infusion.id().toString()));
        administration.addIdentifier().setSystem(Terminology.RFC3986).setValue("urn:uuid:" + infusion.id());
        administration.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
        Product product = catalogue.find(infusion.productId()).orElseThrow();
        Medication medication = MedicationProvider.withBatch(
                product,
                infusion.batchNumber(),
                infusion.batchNumber() == null
                        ? null
                        : catalogue
                                .batch(infusion.productId(), infusion.batchNumber())
                                .orElse(null));
        medication.setId(CONTAINED_PRODUCT);
        administration.addContained(medication);
        administration.setMedication(new Reference("#" + CONTAINED_PRODUCT));
        administration.setSubject(new Reference("Patient/" + infusion.patientId()));
        administration.setEffective(new DateTimeType(
                Date.from(infusion.administeredAt()),
                ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
                java.util.TimeZone.getTimeZone("UTC")));
        Terminology.Code reason = Terminology.INFUSION_REASON
                .find(Terminology.code(infusion.reason()))
                .orElseThrow();
        administration.addReasonCode(new CodeableConcept(new Coding(reason.system(), reason.code(), reason.display())));
        if (infusion.bleedId() != null) {
            // the bleed it treats, as its Observation (BleedObservations)
            administration.addReasonReference(
                    new Reference("Observation/" + BleedObservations.id(infusion.patientId(), infusion.bleedId())));
        }
        boolean iu = infusion.unit() == org.hemonet.diary.DoseUnit.IU;
        administration
                .getDosage()
                .setDose(new Quantity()
                        .setValue(infusion.dose())
                        .setUnit(iu ? "IU" : "mg")
                        .setSystem(Terminology.UCUM)
                        .setCode(iu ? "[iU]" : "mg"));
        if (infusion.givenBy() != null) {
            administration.addPerformer().setActor(new Reference().setDisplay(infusion.givenBy()));
        }
        if (infusion.note() != null) {
            administration.addNote(new Annotation().setText(infusion.note()));
        }
        return administration;
    }
}
