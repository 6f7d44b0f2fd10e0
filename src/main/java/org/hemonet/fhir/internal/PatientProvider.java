package org.hemonet.fhir.internal;

import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.diary.BleedDiary;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSearch;
import org.hemonet.patient.Sex;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.supply.TreatmentPlans;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Patient: read and search over {@link PatientRegistry}, which applies the access policy (another centre's patient is
 * an unknown id) and audits every access. A search is audited as one search, and each patient it returns as a read.
 */
@Component
public class PatientProvider implements IResourceProvider {

    private final PatientRegistry registry;
    private final CurrentActor currentActor;
    private final BleedDiary diary;
    private final TreatmentPlans plans;
    private final CentreDirectory centres;
    private final MedicationAdministrationProvider administrations;
    private final java.time.Clock clock;
    private final BulkExportProvider bulk;
    private final ObservationProvider observations;
    private final ProvenanceProvider provenances;
    private final AdverseEventProvider adverseEvents;
    private final SupplyDeliveryProvider deliveries;

    PatientProvider(
            PatientRegistry registry,
            CurrentActor currentActor,
            BleedDiary diary,
            TreatmentPlans plans,
            CentreDirectory centres,
            MedicationAdministrationProvider administrations,
            java.time.Clock clock,
            BulkExportProvider bulk,
            ObservationProvider observations,
            ProvenanceProvider provenances,
            AdverseEventProvider adverseEvents,
            SupplyDeliveryProvider deliveries) {
        this.deliveries = deliveries;
        this.provenances = provenances;
        this.adverseEvents = adverseEvents;
        this.bulk = bulk;
        this.observations = observations;
        this.registry = registry;
        this.currentActor = currentActor;
        this.diary = diary;
        this.plans = plans;
        this.centres = centres;
        this.administrations = administrations;
        this.clock = clock;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        return toFhir(registry.read(currentActor.require(), Ids.uuid(id)));
    }

    /**
     * The patients the caller may see, by name (part of the given or family name) or identifier ({@code
     * [system|]value}: a national id, or a centre's medical record number under {@code
     * https://hemonet.org/fhir/sid/centre/{centre id}/mrn}; without a system, either); criteria about anyone else
     * match nothing.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Patient.SP_NAME) @Nullable StringParam name,
            @OptionalParam(name = Patient.SP_IDENTIFIER) @Nullable TokenParam identifier,
            @Count @Nullable Integer count,
            @Offset @Nullable Integer offset) {
        Actor actor = currentActor.require();
        Pages.Request page = Pages.Request.of(offset, count);
        if (name != null && identifier != null) {
            throw FhirErrors.badRequest("Search by name or by identifier, not both at once.");
        }
        if (identifier != null) {
            if (identifier.getValue() == null || identifier.getValue().isBlank()) {
                throw FhirErrors.badRequest("identifier: give a value ([system|]value).");
            }
            // the registry matches the value among the caller's patients; the system narrows it to one scheme here
            List<Patient> matches = registry.withIdentifier(actor, identifier.getValue()).stream()
                    .map(summary -> toFhir(registry.read(actor, summary.id())))
                    .filter(p -> hasIdentifier(p, identifier))
                    .toList();
            return Pages.slice(page, matches);
        }
        String text = name != null ? name.getValue() : null;
        // the registry pages by whole pages; ask for everything up to the end of the requested page
        PatientSearch.Page found = registry.search(
                actor, new PatientSearch(text, null, null, null, null, 0, Math.max(1, page.offset() + page.size())));
        List<Patient> patients = page.slice(found.items()).stream()
                .map(summary -> toFhir(registry.read(actor, summary.id())))
                .toList();
        return Pages.page(page, patients, found.total());
    }

    /**
     * {@code Patient/{id}/$everything}: the patient, their centres, contacts (RelatedPerson), diagnosis, laboratory
     * results, bleeds, current joint scores, treatment plans, infusions and adverse event reports (not voided), home
     * deliveries and the Provenance of corrections, in pages of {@code _count}. Each part is read through its module
     * (access policy, one audit event per module read); another centre's patient is 404 as on every other path. {@code
     * _since} keeps the resources changed after it among those that carry a time of change ({@link
     * Versions#changedSince}); the patient and the resources without one are always there.
     */
    @Operation(name = "$everything", idempotent = true, bundleType = BundleTypeEnum.SEARCHSET)
    public IBundleProvider everything(
            @IdParam IdType id,
            @ca.uhn.fhir.rest.annotation.OperationParam(name = "_since")
                    org.hl7.fhir.instance.model.api.@Nullable IPrimitiveType<String> sinceParam,
            @Count @Nullable Integer count,
            @Offset @Nullable Integer offset) {
        java.time.Instant since = BulkExportProvider.instant(sinceParam == null ? null : sinceParam.getValueAsString());
        Actor actor = currentActor.require();
        PatientRecord record = registry.read(actor, Ids.uuid(id));
        List<IBaseResource> all = new ArrayList<>();
        all.add(toFhir(record));
        java.util.Set<UUID> centreIds = new java.util.TreeSet<>(record.sharedCareCentreIds());
        centreIds.add(record.centreId());
        centreIds.forEach(centre ->
                centres.centre(centre).map(OrganizationProvider::toFhir).ifPresent(all::add));
        all.addAll(RelatedPersonProvider.toFhir(record));
        all.add(ConditionProvider.toFhir(record));
        all.addAll(ObservationProvider.toFhir(record));
        all.addAll(observations.bleeds(actor, record.id()));
        all.addAll(observations.jointScores(actor, record.id()));
        plans.plansOf(actor, record.id()).stream()
                .map(plan -> MedicationRequestProvider.toFhir(plan, clock))
                .forEach(all::add);
        List<org.hemonet.diary.Infusion> infusions = diary.infusions(actor, record.id());
        BleedDiary.DiaryDetails details = diary.details(actor, record.id());
        infusions.stream()
                .filter(infusion -> !infusion.isVoided())
                .map(infusion -> administrations.current(infusion, details))
                .forEach(all::add);
        all.addAll(deliveries.of(record.id()));
        all.addAll(adverseEvents.of(record.id()));
        all.addAll(provenances.of(actor, record.id()));
        all.removeIf(resource -> !Versions.changedSince(resource, since));
        // searchset entries say why they are there: the patient matches, the rest is included with them
        for (IBaseResource resource : all) {
            ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(
                    (org.hl7.fhir.instance.model.api.IAnyResource) resource,
                    resource instanceof Patient
                            ? ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum.MATCH
                            : ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum.INCLUDE);
        }
        return Pages.slice(Pages.Request.of(offset, count), all);
    }

    /**
     * {@code Patient/$export} (Bulk Data, issue 15): every patient the caller may see (a bulk-data system client: the
     * whole network); see {@link BulkExports}.
     */
    @Operation(name = "$export", manualResponse = true, idempotent = true)
    public void export(
            @ca.uhn.fhir.rest.annotation.OperationParam(name = "_type")
                    org.hl7.fhir.instance.model.api.@Nullable IPrimitiveType<String> type,
            @ca.uhn.fhir.rest.annotation.OperationParam(name = "_since")
                    org.hl7.fhir.instance.model.api.@Nullable IPrimitiveType<String> since,
            @ca.uhn.fhir.rest.annotation.OperationParam(name = "_outputFormat")
                    org.hl7.fhir.instance.model.api.@Nullable IPrimitiveType<String> format,
            @ca.uhn.fhir.rest.annotation.OperationParam(name = "pseudonymised")
                    org.hl7.fhir.instance.model.api.@Nullable IPrimitiveType<String> pseudonymised,
            ca.uhn.fhir.rest.server.servlet.ServletRequestDetails request)
            throws java.io.IOException {
        bulk.kickOff(BulkExports.Level.PATIENT, null, type, since, format, pseudonymised, request);
    }

    private static boolean hasIdentifier(Patient patient, TokenParam token) {
        String value = token.getValue().strip();
        String system = token.getSystem() == null || token.getSystem().isEmpty() ? null : token.getSystem();
        return patient.getIdentifier().stream()
                .anyMatch(i -> (i.getValue().equals(value)
                                || (i.getUse() == Identifier.IdentifierUse.OFFICIAL
                                        && i.getValue().equals(value.replace(" ", ""))))
                        && (system == null || system.equals(i.getSystem())));
    }

    static Patient toFhir(PatientRecord record) {
        Patient patient = new Patient();
        patient.setId(new IdType("Patient", record.id().toString()));
        patient.setActive(true);
        if (record.nationalId() != null && record.nationalIdScheme() != null) {
            patient.addIdentifier()
                    .setUse(Identifier.IdentifierUse.OFFICIAL)
                    .setSystem(Terminology.nationalIdSystem(record.nationalIdScheme()))
                    .setValue(record.nationalId());
        }
        for (PatientRecord.RecordNumber number : record.recordNumbers()) {
            patient.addIdentifier()
                    .setUse(Identifier.IdentifierUse.USUAL)
                    .setType(
                            new CodeableConcept(new Coding(Terminology.IDENTIFIER_TYPE, "MR", "Medical record number")))
                    .setSystem(Terminology.mrnSystem(number.centreId()))
                    .setValue(number.mrn())
                    .setAssigner(new Reference("Organization/" + number.centreId()));
        }
        patient.addName()
                .setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL)
                .setFamily(record.familyName())
                .addGiven(record.givenName());
        patient.setGender(record.sex() == Sex.MALE ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType(record.dateOfBirth().toString()));
        if (record.phone() != null) {
            patient.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(record.phone());
        }
        if (record.email() != null) {
            patient.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(record.email().toLowerCase(Locale.ROOT));
        }
        patient.setManagingOrganization(new Reference("Organization/" + record.centreId()));
        return patient;
    }
}
