package org.hemonet.patient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.identity.Role;
import org.hemonet.patient.internal.PatientQueries;
import org.hemonet.patient.internal.PatientRecordParts;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The patient registry's API. Every method that touches a patient takes the acting user, asks the access policy, and
 * writes exactly one audit event (security.md §13) in the same transaction as the change. A record the actor may not
 * see is reported exactly like one that does not exist ({@link NotFoundException}); the refusal is audited in a
 * transaction of its own, so that it stays recorded when the request's transaction rolls back. Roles that never see
 * patient-level data get {@link AccessDeniedException} (403, security.md §6).
 */
@Service
@Transactional
public class PatientRegistry {

    public static final String PATIENT = "Patient";
    static final String INHIBITOR_TEST = "InhibitorTest";
    static final String ITI_EPISODE = "ItiEpisode";
    static final String RECORD_NUMBER = "RecordNumber";
    static final String CONTACT = "Contact";
    static final String FAMILY_LINK = "FamilyLink";
    static final String MEASUREMENT = "Measurement";

    /** Every field a correction may name (which of them a role may set is decided per role). */
    static final Set<String> CORRECTABLE = Stream.concat(
                    PatientQueries.CORRECTABLE_COLUMNS.keySet().stream(),
                    Stream.of("diagnosisType", "diagnosisSubtype", "bleedingPhenotype", "sharedCareCentreIds"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final PatientQueries queries;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final CentreDirectory centres;
    private final RegistrySettings settings;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final PatientFields fields;
    private final PatientRecordParts parts;
    private final PatientViews views;

    PatientRegistry(
            PatientQueries queries,
            PatientFields fields,
            PatientRecordParts parts,
            PatientViews views,
            AccessPolicy accessPolicy,
            AuditLog auditLog,
            CentreDirectory centres,
            RegistrySettings settings,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.fields = fields;
        this.parts = parts;
        this.views = views;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.centres = centres;
        this.settings = settings;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ---- reads ---------------------------------------------------------------------------------------------------

    /** Patients of the actor's centres, optionally filtered by name (or exact national id) and severity. */
    public List<PatientSummary> search(Actor actor, @Nullable String text, @Nullable Severity severity) {
        return search(actor, new PatientSearch(text, severity, null, null, null, 0, Integer.MAX_VALUE))
                .items();
    }

    /**
     * The patients the actor may see that match the criteria, one page of them. Criteria about patients the actor may
     * not see (another centre, an invisible name) give what a criterion matching nothing gives: an empty page.
     */
    public PatientSearch.Page search(Actor actor, PatientSearch criteria) {
        requirePatientDataRole(actor, AuditAction.SEARCH, null);
        List<PatientQueries.Row> rows;
        if (Role.of(actor.role()) == Role.PATIENT) {
            rows = queries.withIds(actor.patientIds()).stream()
                    .filter(row -> criteria.text() == null
                            || criteria.text().isBlank()
                            || (row.givenName() + " " + row.familyName())
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .contains(criteria.text().toLowerCase(java.util.Locale.ROOT)))
                    .filter(row -> criteria.centreId() == null || row.centreId().equals(criteria.centreId()))
                    .toList();
        } else {
            Set<UUID> searchable = new HashSet<>(accessPolicy.searchableCentres(actor));
            if (criteria.centreId() != null) {
                searchable.retainAll(Set.of(criteria.centreId()));
            }
            rows = queries.atCentres(searchable, criteria.text());
        }
        Stream<PatientSummary> found = views.summaries(rows).stream();
        if (criteria.severity() != null) {
            found = found.filter(p -> p.severity() == criteria.severity());
        }
        if (criteria.diagnosis() != null) {
            found = found.filter(p -> p.diagnosis() == criteria.diagnosis());
        }
        if (criteria.inhibitor() != null) {
            found = found.filter(p -> p.inhibitorStatus().isPositive() == criteria.inhibitor());
        }
        List<PatientSummary> all = found.toList();
        int size = Math.max(1, criteria.size());
        long from = Math.min((long) criteria.page() * size, all.size());
        long to = Math.min(from + size, all.size());
        auditLog.record(AuditEvent.by(actor, AuditAction.SEARCH, null, PATIENT, null, AuditOutcome.SUCCESS));
        return new PatientSearch.Page(
                List.copyOf(all.subList((int) from, (int) to)), criteria.page(), size, all.size());
    }

    /**
     * Every patient the actor may see, as {@link #search(Actor, PatientSearch)} with no criteria finds them and in the
     * same order, but only what a list shows of each ({@link PatientListing}: no inhibitor results or weights), for a
     * centre-wide list (issue 14: patients needing attention). Audited as one search of {@code listName}, the list
     * the caller shows.
     */
    public List<PatientListing> listing(Actor actor, String listName) {
        requirePatientDataRole(actor, AuditAction.SEARCH, null);
        List<PatientQueries.ListingRow> rows = Role.of(actor.role()) == Role.PATIENT
                ? queries.listingWithIds(actor.patientIds())
                : queries.listingAtCentres(accessPolicy.searchableCentres(actor));
        auditLog.record(AuditEvent.by(actor, AuditAction.SEARCH, null, listName, null, AuditOutcome.SUCCESS));
        return rows.stream()
                .map(row -> new PatientListing(
                        row.id(),
                        row.centreId(),
                        row.givenName(),
                        row.familyName(),
                        Severity.derive(row.diagnosis(), row.sex(), row.level(), row.bleedingPhenotype()),
                        row.timeZone()))
                .toList();
    }

    /**
     * The patients the actor may see whose national id or a centre's medical record number (the centre's own patient
     * number) is exactly {@code value}: a FHIR {@code Patient?identifier=} search (issue 15). Like {@link
     * #search(Actor, PatientSearch)}, an identifier of someone the actor may not see matches nothing; audited as one
     * {@code SEARCH}.
     */
    public List<PatientSummary> withIdentifier(Actor actor, String value) {
        requirePatientDataRole(actor, AuditAction.SEARCH, null);
        String exact = value.strip();
        List<PatientQueries.Row> rows = exact.isEmpty()
                ? List.of()
                : Role.of(actor.role()) == Role.PATIENT
                        ? queries.withIdentifier(null, actor.patientIds(), exact)
                        : queries.withIdentifier(accessPolicy.searchableCentres(actor), null, exact);
        auditLog.record(AuditEvent.by(actor, AuditAction.SEARCH, null, PATIENT, null, AuditOutcome.SUCCESS));
        return views.summaries(rows);
    }

    /** The records a patient or guardian account holds, oldest first. */
    public List<PatientSummary> heldBy(Actor actor) {
        List<PatientSummary> held = views.summaries(queries.withIds(actor.patientIds()));
        held.forEach(p -> auditLog.record(
                AuditEvent.by(actor, AuditAction.READ, p.id(), PATIENT, p.id().toString(), AuditOutcome.SUCCESS)));
        return held;
    }

    /**
     * One patient's summary without an access check or an audit event: only for callers that authorise the read by
     * other means and audit it themselves (the emergency view opened by its link, issue 17).
     */
    @Transactional(readOnly = true)
    public Optional<PatientSummary> summaryOf(UUID patientId) {
        return queries.find(patientId).map(row -> views.summaries(List.of(row)).get(0));
    }

    /**
     * The patient's own time zone (issue 19), in which their diary's days, scheduled doses and forms are counted; not
     * audited (no patient data beyond the zone). Empty for an unknown patient.
     */
    @Transactional(readOnly = true)
    public Optional<java.time.ZoneId> zoneOf(UUID patientId) {
        return queries.find(patientId).map(PatientQueries.Row::timeZone);
    }

    /** One patient's summary, if the actor may see them (not audited: for callers that audit their own read). */
    @Transactional(readOnly = true)
    public Optional<PatientSummary> find(Actor actor, UUID patientId) {
        return scopeOf(patientId)
                .filter(scope -> accessPolicy.mayRead(actor, scope))
                .flatMap(scope -> queries.find(patientId))
                .map(row -> views.summaries(List.of(row)).get(0));
    }

    /** The whole record, audited; unknown or not visible to the actor → {@link NotFoundException}. */
    public PatientRecord read(Actor actor, UUID patientId) {
        requirePatientDataRole(actor, AuditAction.READ, patientId);
        PatientScope scope = visibleScope(actor, patientId, AuditAction.READ, PATIENT);
        PatientRecord record = views.record(actor, scope);
        auditLog.record(
                AuditEvent.by(actor, AuditAction.READ, patientId, PATIENT, patientId.toString(), AuditOutcome.SUCCESS));
        return record;
    }

    /**
     * A whole record for a FHIR bulk export (issue 15), audited as a {@code READ} of the patient with resource type
     * {@code BulkExport}: for the actor's own patients, or any patient for a bulk-data system client (role {@code
     * SYSTEM}; the FHIR module has checked its {@code system/*.rs} scope). Usable outside a request (the export runs in
     * the background): the actor is named, not looked up. Infection status is shown as the actor's role allows (never to
     * a system). Unknown or not visible → {@link NotFoundException}.
     */
    public PatientRecord readForExport(Actor exporter, UUID patientId) {
        Optional<PatientScope> scope = scopeOf(patientId);
        boolean system = SYSTEM_ROLE.equals(exporter.role());
        if (scope.isEmpty() || !(system || accessPolicy.mayRead(exporter, scope.get()))) {
            audited(exporter, AuditAction.READ, patientId, BULK_EXPORT, AuditOutcome.DENIED);
            throw new NotFoundException(PATIENT);
        }
        PatientRecord record = views.record(exporter, scope.get());
        auditLog.record(AuditEvent.by(
                exporter, AuditAction.READ, patientId, BULK_EXPORT, patientId.toString(), AuditOutcome.SUCCESS));
        return record;
    }

    /** The role of OAuth2 client-credentials (system) actors. */
    public static final String SYSTEM_ROLE = "SYSTEM";

    private static final String BULK_EXPORT = "BulkExport";

    /** The centres that care for a patient (registered and current shared care), for access decisions. */
    @Transactional(readOnly = true)
    public Optional<PatientScope> scopeOf(UUID patientId) {
        return queries.placement(patientId)
                .map(placed -> new PatientScope(patientId, placed.centreId(), placed.sharedCareCentres()));
    }

    /** Every living record, without identifiers, for aggregate counts by the network. */
    @Transactional(readOnly = true)
    public List<PatientSummary> allForAggregates() {
        return views.summaries(queries.all());
    }

    /**
     * Each patient's inhibitor status on {@code asOf} (clinical.md §2): from the Bethesda results sampled on or before
     * that day, as the record derives its current status, with the registry's thresholds; for a year's registry return
     * (issue 15). Without identifiers, access check or audit, as {@link #allForAggregates()}.
     */
    @Transactional(readOnly = true)
    public Map<UUID, InhibitorHistory> inhibitorHistoriesOn(
            java.util.Collection<PatientSummary> patients, java.time.LocalDate asOf) {
        Map<UUID, List<InhibitorStatus.Result>> results = queries.inhibitorResults(
                patients.stream().map(PatientSummary::id).toList());
        Map<UUID, InhibitorHistory> histories = new java.util.HashMap<>();
        for (PatientSummary p : patients) {
            List<InhibitorStatus.Result> until = results.getOrDefault(p.id(), List.of()).stream()
                    .filter(r -> !r.sampledOn().isAfter(asOf))
                    .toList();
            java.math.BigDecimal threshold = settings.inhibitorPositiveBuFor(p.diagnosis());
            histories.put(
                    p.id(),
                    new InhibitorHistory(
                            InhibitorStatus.of(until, threshold),
                            until.size(),
                            until.stream().anyMatch(r -> r.titreBu().compareTo(threshold) >= 0),
                            until.stream()
                                    .map(InhibitorStatus.Result::titreBu)
                                    .max(java.util.Comparator.naturalOrder())
                                    .orElse(null)));
        }
        return histories;
    }

    /**
     * A patient's inhibitor history up to a day.
     *
     * @param tests the Bethesda results up to the day
     * @param everPositive a result at or above the positive threshold
     * @param peakTitreBu the highest titre, null without a result
     */
    public record InhibitorHistory(
            InhibitorStatus status, int tests, boolean everPositive, java.math.@Nullable BigDecimal peakTitreBu) {}

    // ---- writes by people ------------------------------------------------------------------------------------------

    /**
     * Registers a patient at one of the actor's centres (centre staff only) and returns the record with its derived
     * severity. Registering at another centre is refused (400 naming {@code centreId}) and audited.
     */
    public PatientRecord register(Actor actor, NewPatient patient) {
        requireCentreStaff(actor, AuditAction.CREATE, patient.id());
        if (!actor.centreIds().contains(patient.centreId())) {
            audited(actor, AuditAction.CREATE, patient.id(), PATIENT, AuditOutcome.DENIED);
            throw new InvalidInputException("centreId", "You may register patients only at your own centres.");
        }
        LocalDate today = LocalDate.now(clock);
        fields.validateNew(patient, today);
        String nationalId = patient.nationalId();
        String scheme = patient.nationalIdScheme();
        if (nationalId != null && !nationalId.isBlank()) {
            scheme = scheme == null || scheme.isBlank() ? NhsNumber.SCHEME : scheme.trim();
            nationalId =
                    NhsNumber.SCHEME.equals(scheme) ? NhsNumber.normalise(nationalId, "nationalId") : nationalId.trim();
            if (queries.nationalIdTaken(scheme, nationalId, null)) {
                throw new ConflictException(
                        "A patient with this national identifier is already registered in the network.");
            }
        } else {
            scheme = null;
            nationalId = null;
        }
        NewPatient normalised = new NewPatient(
                patient.id(),
                patient.centreId(),
                patient.givenName().trim(),
                patient.familyName().trim(),
                patient.dateOfBirth(),
                patient.sex(),
                scheme,
                nationalId,
                patient.regionId(),
                patient.diagnosis(),
                patient.diagnosisSubtype(),
                patient.bleedingPhenotype(),
                patient.baselineLevelIuPerDl(),
                patient.baselineMeasuredOn(),
                patient.weightKg(),
                patient.weighedOn() == null && patient.weightKg() != null ? today : patient.weighedOn(),
                patient.inhibitorTests(),
                patient.timeZone() == null ? null : PatientFields.timeZone(patient.timeZone()),
                patient.previouslyUntreated(),
                PatientFields.treatmentHistory(
                        patient.previouslyUntreated(), patient.priorExposureDays(), "priorExposureDays"));
        queries.insert(normalised, zoneAtRegistration(normalised));
        auditLog.record(AuditEvent.by(
                actor, AuditAction.CREATE, patient.id(), PATIENT, patient.id().toString(), AuditOutcome.SUCCESS));
        return views.record(actor, new PatientScope(patient.id(), patient.centreId(), Set.of()));
    }

    /**
     * Corrects a record if it is still at {@code expectedVersion} (else {@link StaleVersionException}, nothing
     * changes). Fields the actor's role may not set are refused (400 naming the field) and audited. The previous
     * values, who, when and why are kept as a revision.
     */
    public PatientRecord correct(Actor actor, UUID patientId, int expectedVersion, PatientCorrection correction) {
        requirePatientDataRole(actor, AuditAction.UPDATE, patientId);
        PatientScope scope = visibleScope(actor, patientId, AuditAction.UPDATE, PATIENT);
        refuseFieldsTheRoleMayNotSet(actor, scope, correction);
        if (correction.present().isEmpty()) {
            throw new InvalidInputException(null, "Name at least one field to correct.");
        }
        if (correction.reason().isBlank()) {
            throw new InvalidInputException("reason", "Say why the record is corrected.");
        }
        PatientQueries.Details current = queries.details(patientId).orElseThrow(() -> new NotFoundException(PATIENT));
        Map<String, @Nullable Object> columns = fields.validatedColumns(correction, current);
        Map<String, @Nullable Object> previous = PatientFields.previousValues(correction, columns, current);
        Map<String, @Nullable Object> changes = new LinkedHashMap<>(columns);
        if (!queries.update(patientId, expectedVersion, columns)) {
            audited(actor, AuditAction.UPDATE, patientId, PATIENT, AuditOutcome.FAILED);
            throw new StaleVersionException();
        }
        if (correction.has("diagnosisType")
                || correction.has("diagnosisSubtype")
                || correction.has("bleedingPhenotype")) {
            DiagnosisType type = correction.has("diagnosisType")
                    ? PatientFields.required(correction.diagnosisType(), "diagnosisType")
                    : current.diagnosis();
            String subtype = correction.has("diagnosisSubtype") ? correction.diagnosisSubtype() : current.subtype();
            boolean phenotype = correction.has("bleedingPhenotype")
                    ? PatientFields.required(correction.bleedingPhenotype(), "bleedingPhenotype")
                    : current.bleedingPhenotype();
            queries.supersedeDiagnosis(patientId, type, subtype, phenotype);
            changes.put(
                    "diagnosis",
                    Map.of("type", type.name(), "subtype", String.valueOf(subtype), "bleedingPhenotype", phenotype));
        }
        if (correction.has("sharedCareCentreIds")) {
            Set<UUID> shared = correction.sharedCareCentreIds() == null ? Set.of() : correction.sharedCareCentreIds();
            for (UUID centre : shared) {
                if (centre.equals(current.centreId()) || centres.centre(centre).isEmpty()) {
                    throw new InvalidInputException(
                            "sharedCareCentreIds", "Shared care needs other, existing centres of the network.");
                }
            }
            queries.setSharedCare(patientId, shared, LocalDate.now(clock));
            changes.put(
                    "sharedCareCentreIds",
                    shared.stream().map(UUID::toString).sorted().toList());
        }
        queries.insertRevision(
                patientId,
                expectedVersion + 1,
                actor.accountId(),
                actor.username(),
                correction.reason().trim(),
                json.writeValueAsString(previous),
                json.writeValueAsString(changes));
        auditLog.record(AuditEvent.by(
                actor, AuditAction.UPDATE, patientId, PATIENT, patientId.toString(), AuditOutcome.SUCCESS));
        return views.record(actor, scopeOf(patientId).orElseThrow());
    }

    /**
     * Moves the record's registered centre: the hand-over from paediatric to adult care (clinical.md §10; issue 17).
     * Only clinicians and nurses of the centre the record is registered at, at {@code expectedVersion} (else
     * {@link StaleVersionException}); the new centre must be another existing one (400 naming {@code toCentreId}), and
     * shared care with it ends, since it now holds the record. Kept as a revision with the reason; audited.
     */
    public PatientRecord transferCare(
            Actor actor, UUID patientId, int expectedVersion, UUID toCentreId, String reason) {
        requireCentreStaff(actor, AuditAction.UPDATE, patientId);
        PatientScope scope = visibleScope(actor, patientId, AuditAction.UPDATE, PATIENT);
        Role role = Role.of(actor.role());
        if ((role != Role.CLINICIAN && role != Role.NURSE) || !actor.centreIds().contains(scope.registeredCentreId())) {
            audited(actor, AuditAction.UPDATE, patientId, PATIENT, AuditOutcome.DENIED);
            throw new AccessDeniedException("the registered centre's clinician or nurse hands the record over");
        }
        if (toCentreId.equals(scope.registeredCentreId())
                || centres.centre(toCentreId).isEmpty()) {
            throw new InvalidInputException("toCentreId", "Hand over to another existing centre of the network.");
        }
        if (reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why the record moves.");
        }
        if (!queries.moveCentre(patientId, expectedVersion, toCentreId)) {
            throw new StaleVersionException();
        }
        Set<UUID> shared = new java.util.HashSet<>(scope.sharedCareCentreIds());
        if (shared.remove(toCentreId)) {
            queries.setSharedCare(patientId, shared, LocalDate.now(clock));
        }
        queries.insertRevision(
                patientId,
                expectedVersion + 1,
                actor.accountId(),
                actor.username(),
                reason.trim(),
                json.writeValueAsString(
                        Map.of("centreId", scope.registeredCentreId().toString())),
                json.writeValueAsString(Map.of("centreId", toCentreId.toString())));
        auditLog.record(AuditEvent.by(
                actor, AuditAction.UPDATE, patientId, PATIENT, patientId.toString(), AuditOutcome.SUCCESS));
        return views.record(actor, scopeOf(patientId).orElseThrow());
    }

    /**
     * Records a Bethesda assay: the titre is computed (400 naming {@code residualActivityPercent} outside 25–75 %), the
     * inhibitor status derived, and a first positive result announced as {@link InhibitorDetected}.
     */
    public InhibitorTestResult addInhibitorTest(Actor actor, UUID patientId, NewInhibitorTest test) {
        requireCentreStaff(actor, AuditAction.CREATE, patientId);
        PatientScope scope = visibleScope(actor, patientId, AuditAction.CREATE, INHIBITOR_TEST);
        PatientQueries.Details patient =
                queries.details(scope.patientId()).orElseThrow(() -> new NotFoundException(PATIENT));
        LocalDate today = LocalDate.now(clock);
        if (test.sampledOn().isAfter(today)) {
            throw new InvalidInputException("sampledOn", "The sample date cannot be in the future.");
        }
        if (test.sampledOn().isBefore(patient.dateOfBirth())) {
            throw new InvalidInputException("sampledOn", "The sample date is before the patient's birth.");
        }
        BigDecimal titre = BethesdaTitre.compute(test.residualActivityPercent(), test.dilution());
        BigDecimal threshold = settings.inhibitorPositiveBuFor(patient.diagnosis());
        List<PatientRecord.InhibitorTest> before = parts.inhibitorTests(patientId, threshold);
        boolean positive = titre.compareTo(threshold) >= 0;
        boolean newInhibitor = positive && before.stream().noneMatch(PatientRecord.InhibitorTest::positive);
        UUID id = queries.insertInhibitorTest(
                patientId, test.sampledOn(), test.residualActivityPercent(), test.dilution(), titre, actor.username());
        List<InhibitorStatus.Result> results = new ArrayList<>();
        before.forEach(t -> results.add(new InhibitorStatus.Result(t.sampledOn(), t.titreBu())));
        results.add(new InhibitorStatus.Result(test.sampledOn(), titre));
        InhibitorStatus status = InhibitorStatus.of(results, threshold);
        if (newInhibitor) {
            events.publishEvent(new InhibitorDetected(patientId, id, test.sampledOn(), titre));
        }
        if (positive) {
            confirmation(patientId, patient.diagnosis(), threshold, before, id, test.sampledOn(), titre)
                    .ifPresent(events::publishEvent);
        }
        auditLog.record(AuditEvent.by(
                actor, AuditAction.CREATE, patientId, INHIBITOR_TEST, id.toString(), AuditOutcome.SUCCESS));
        return new InhibitorTestResult(
                id,
                patientId,
                test.sampledOn(),
                test.residualActivityPercent(),
                test.dilution(),
                titre,
                positive,
                newInhibitor,
                status);
    }

    /**
     * The new inhibitor a positive sample confirms (clinical.md §2, §9), if it does: before it, the patient's positive
     * samples fell on fewer than two days, and with it on two or more. A third positive sample confirms nothing new; two
     * positive samples on the same day are one day, and confirm nothing.
     */
    private static Optional<InhibitorConfirmed> confirmation(
            UUID patientId,
            DiagnosisType diagnosis,
            BigDecimal threshold,
            List<PatientRecord.InhibitorTest> before,
            UUID testId,
            LocalDate sampledOn,
            BigDecimal titre) {
        List<PatientRecord.InhibitorTest> positives =
                before.stream().filter(PatientRecord.InhibitorTest::positive).toList();
        long daysBefore = positives.stream()
                .map(PatientRecord.InhibitorTest::sampledOn)
                .distinct()
                .count();
        boolean anotherDay = positives.stream().anyMatch(t -> !t.sampledOn().equals(sampledOn));
        if (daysBefore >= 2 || !anotherDay) {
            return Optional.empty();
        }
        PatientRecord.InhibitorTest first = positives.stream()
                .min(java.util.Comparator.comparing(PatientRecord.InhibitorTest::sampledOn))
                .orElseThrow();
        boolean thisIsFirst = sampledOn.isBefore(first.sampledOn());
        String factor = "FIX".equals(diagnosis.factor()) ? "FIX" : "FVIII";
        return Optional.of(new InhibitorConfirmed(
                patientId,
                thisIsFirst ? testId : first.id(),
                thisIsFirst ? sampledOn : first.sampledOn(),
                testId,
                sampledOn,
                titre,
                factor,
                threshold));
    }

    /** Records a consent (or its refusal) given on {@code recordedOn}. */
    public PatientRecord.Consent recordConsent(
            Actor actor, UUID patientId, ConsentKind kind, boolean given, LocalDate recordedOn) {
        requireCentreStaff(actor, AuditAction.CREATE, patientId);
        visibleScope(actor, patientId, AuditAction.CREATE, "Consent");
        if (recordedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("recordedOn", "The consent date cannot be in the future.");
        }
        UUID id = queries.insertConsent(patientId, kind, given, recordedOn, actor.username());
        auditLog.record(
                AuditEvent.by(actor, AuditAction.CREATE, patientId, "Consent", id.toString(), AuditOutcome.SUCCESS));
        return new PatientRecord.Consent(id, kind, given, recordedOn, null);
    }

    /**
     * Records an immune tolerance induction episode: dates not in the future nor before birth, the end not before the
     * start (400 naming the field). Centre staff only (patients 403); another centre's patient 404, audited.
     */
    public PatientRecord.ItiEpisode addItiEpisode(
            Actor actor,
            UUID patientId,
            LocalDate startedOn,
            String regimen,
            @Nullable UUID productId,
            @Nullable LocalDate endedOn,
            ItiOutcome outcome) {
        requireCentreStaff(actor, AuditAction.CREATE, patientId);
        PatientScope scope = visibleScope(actor, patientId, AuditAction.CREATE, ITI_EPISODE);
        PatientQueries.Details patient =
                queries.details(scope.patientId()).orElseThrow(() -> new NotFoundException(PATIENT));
        LocalDate today = LocalDate.now(clock);
        if (startedOn.isAfter(today)) {
            throw new InvalidInputException("startedOn", "The start date cannot be in the future.");
        }
        if (startedOn.isBefore(patient.dateOfBirth())) {
            throw new InvalidInputException("startedOn", "The start date is before the patient's birth.");
        }
        if (endedOn != null && endedOn.isAfter(today)) {
            throw new InvalidInputException("endedOn", "The end date cannot be in the future.");
        }
        if (endedOn != null && endedOn.isBefore(startedOn)) {
            throw new InvalidInputException("endedOn", "The end date cannot be before the start date.");
        }
        if (endedOn != null && outcome == ItiOutcome.ONGOING) {
            throw new InvalidInputException("outcome", "An episode that has ended cannot be ongoing.");
        }
        String text = regimen.strip();
        UUID id = queries.insertItiEpisode(
                patientId, startedOn, text, productId, endedOn, outcome.name(), actor.username());
        auditLog.record(
                AuditEvent.by(actor, AuditAction.CREATE, patientId, ITI_EPISODE, id.toString(), AuditOutcome.SUCCESS));
        return new PatientRecord.ItiEpisode(id, startedOn, text, productId, endedOn, outcome.name());
    }

    /**
     * Records the patient's medical record number at one of their centres (registered or shared care; otherwise 400
     * naming {@code centreId}). A centre's MRN names one patient, and a patient has one MRN per centre: 409.
     */
    public PatientRecord.RecordNumber addRecordNumber(Actor actor, UUID patientId, UUID centreId, String mrn) {
        requireCentreStaff(actor, AuditAction.CREATE, patientId);
        PatientScope scope = visibleScope(actor, patientId, AuditAction.CREATE, RECORD_NUMBER);
        if (!scope.registeredCentreId().equals(centreId)
                && !scope.sharedCareCentreIds().contains(centreId)) {
            throw new InvalidInputException("centreId", "The centre must be one of the patient's centres.");
        }
        String text = mrn.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("mrn", "Enter the medical record number.");
        }
        if (queries.recordNumberTaken(patientId, centreId, text)) {
            throw new ConflictException(
                    "This centre already uses this record number, or the patient already has one at this centre.");
        }
        try {
            queries.insertRecordNumber(patientId, centreId, text, actor.username());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "This centre already uses this record number, or the patient already has one at this centre.");
        }
        auditLog.record(AuditEvent.by(
                actor, AuditAction.CREATE, patientId, RECORD_NUMBER, centreId.toString(), AuditOutcome.SUCCESS));
        return new PatientRecord.RecordNumber(centreId, text);
    }

    /** Records a contact of the patient; {@code guardian} marks a parent or guardian of a child. */
    public PatientRecord.Contact addContact(
            Actor actor,
            UUID patientId,
            String name,
            @Nullable String relationship,
            @Nullable String phone,
            boolean guardian) {
        requireCentreStaff(actor, AuditAction.CREATE, patientId);
        visibleScope(actor, patientId, AuditAction.CREATE, CONTACT);
        String text = name.strip();
        String kind = guardian ? "GUARDIAN" : "OTHER";
        String rel = relationship == null || relationship.isBlank() ? null : relationship.strip();
        String tel = phone == null || phone.isBlank() ? null : phone.strip();
        UUID id = queries.insertContact(patientId, kind, text, rel, tel, actor.username());
        auditLog.record(
                AuditEvent.by(actor, AuditAction.CREATE, patientId, CONTACT, id.toString(), AuditOutcome.SUCCESS));
        return new PatientRecord.Contact(id, kind, text, rel, tel);
    }

    /**
     * Links a relative: a registered patient the actor may also see ({@code relativeId}; one the actor may not see is
     * refused exactly like an unknown id, 400 naming {@code relativeId}) or a free-text relative ({@code
     * relativeName}).
     */
    public PatientRecord.FamilyLink addFamilyLink(
            Actor actor,
            UUID patientId,
            @Nullable UUID relativeId,
            @Nullable String relativeName,
            String relationship,
            CarrierStatus carrierStatus) {
        requireCentreStaff(actor, AuditAction.CREATE, patientId);
        visibleScope(actor, patientId, AuditAction.CREATE, FAMILY_LINK);
        String name = relativeName == null || relativeName.isBlank() ? null : relativeName.strip();
        if (relativeId == null && name == null) {
            throw new InvalidInputException("relativeId", "Name the relative: a registered patient or a name.");
        }
        if (relativeId != null && name != null) {
            throw new InvalidInputException("relativeName", "Give either a registered relative or a name, not both.");
        }
        if (relativeId != null) {
            Optional<PatientScope> relative = scopeOf(relativeId);
            if (relative.isEmpty() || !accessPolicy.mayRead(actor, relative.get())) {
                throw new InvalidInputException("relativeId", "There is no such patient.");
            }
            if (relativeId.equals(patientId)) {
                throw new InvalidInputException("relativeId", "A patient cannot be their own relative.");
            }
            if (queries.familyLinked(patientId, relativeId)) {
                throw new ConflictException("This relative is already linked.");
            }
        }
        String rel = relationship.strip();
        UUID id = queries.insertFamilyLink(patientId, relativeId, name, rel, carrierStatus, actor.username());
        auditLog.record(
                AuditEvent.by(actor, AuditAction.CREATE, patientId, FAMILY_LINK, id.toString(), AuditOutcome.SUCCESS));
        return new PatientRecord.FamilyLink(id, relativeId, name, rel, carrierStatus.name());
    }

    /** Records a weight, and optionally a height, measured on a day (not in the future, not before birth). */
    public PatientRecord.Weight addMeasurement(
            Actor actor, UUID patientId, LocalDate measuredOn, BigDecimal weightKg, @Nullable BigDecimal heightCm) {
        requireCentreStaff(actor, AuditAction.CREATE, patientId);
        PatientScope scope = visibleScope(actor, patientId, AuditAction.CREATE, MEASUREMENT);
        PatientQueries.Details patient =
                queries.details(scope.patientId()).orElseThrow(() -> new NotFoundException(PATIENT));
        if (measuredOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("measuredOn", "The measurement date cannot be in the future.");
        }
        if (measuredOn.isBefore(patient.dateOfBirth())) {
            throw new InvalidInputException("measuredOn", "The measurement date is before the patient's birth.");
        }
        UUID id = queries.insertMeasurement(patientId, measuredOn, weightKg, heightCm);
        auditLog.record(
                AuditEvent.by(actor, AuditAction.CREATE, patientId, MEASUREMENT, id.toString(), AuditOutcome.SUCCESS));
        return new PatientRecord.Weight(measuredOn, weightKg, heightCm);
    }

    // ---- loading without an actor (demo network, imports) -----------------------------------------------------------

    /** Registers a patient as part of a data load (demo network, import): no actor, no audit event. */
    public UUID register(NewPatient patient) {
        queries.insert(patient, zoneAtRegistration(patient));
        return patient.id();
    }

    /**
     * The patients {@code centreId} knows by these medical record numbers (the centre's own patient numbers), MRN →
     * patient id: how a registry import finds the patients it brought in before (issue 15).
     */
    public Map<String, UUID> patientsByRecordNumber(UUID centreId, java.util.Collection<String> mrns) {
        return queries.patientsByRecordNumber(centreId, mrns);
    }

    public void recordWeight(UUID patientId, LocalDate measuredOn, BigDecimal weightKg) {
        queries.insertWeight(patientId, measuredOn, weightKg);
    }

    /** Registry details of a data load: the values a load brings beyond {@link NewPatient}. */
    public record LoadedDetails(
            UUID patientId,
            Set<UUID> sharedCareCentreIds,
            @Nullable String mrn,
            @Nullable String genotypeHgvs,
            @Nullable String mutationClass,
            String hivStatus,
            String hepatitisBStatus,
            String hepatitisCStatus,
            boolean vcjdAtRisk,
            List<ConsentKind> consents,
            LocalDate consentedOn,
            Map<String, String> careTeam,
            @Nullable String guardianName,
            @Nullable UUID relativeId,
            @Nullable String relationship,
            @Nullable LocalDate itiStartedOn) {}

    public void load(LoadedDetails details, UUID centreId) {
        UUID id = details.patientId();
        details.sharedCareCentreIds().forEach(c -> queries.insertSharedCare(id, c, details.consentedOn()));
        if (details.mrn() != null) {
            queries.insertRecordNumber(id, centreId, details.mrn());
        }
        queries.setStatus(
                id,
                details.hivStatus(),
                details.hepatitisBStatus(),
                details.hepatitisCStatus(),
                details.vcjdAtRisk(),
                details.genotypeHgvs(),
                details.mutationClass());
        details.consents().forEach(k -> queries.insertConsent(id, k, true, details.consentedOn(), "demo"));
        details.careTeam().forEach((role, name) -> queries.insertCareTeamMember(id, role, name));
        if (details.guardianName() != null) {
            queries.insertContact(id, "GUARDIAN", details.guardianName(), "parent", null);
        }
        if (details.relativeId() != null && details.relationship() != null) {
            queries.insertFamilyLink(id, details.relativeId(), details.relationship());
        }
        if (details.itiStartedOn() != null) {
            queries.insertItiEpisode(
                    id,
                    details.itiStartedOn(),
                    "Daily 100 IU/kg FVIII (Bonn-Malmö style)",
                    null,
                    null,
                    ItiOutcome.ONGOING.name(),
                    "demo");
        }
    }

    /** The zone asked for, else the registering centre's (issue 19: a patient's zone defaults to the centre's). */
    private String zoneAtRegistration(NewPatient patient) {
        if (patient.timeZone() != null) {
            return patient.timeZone();
        }
        return centres.centre(patient.centreId())
                .map(org.hemonet.centre.Centre::timeZone)
                .orElseThrow(() -> new InvalidInputException("centreId", "Unknown centre."));
    }

    // ---- rules ------------------------------------------------------------------------------------------------------

    private void requirePatientDataRole(Actor actor, AuditAction action, @Nullable UUID patientId) {
        if (!accessPolicy.usesPatientData(actor)) {
            audited(actor, action, patientId, PATIENT, AuditOutcome.DENIED);
            throw new AccessDeniedException("Aggregate roles see no patient-level data");
        }
    }

    private void requireCentreStaff(Actor actor, AuditAction action, @Nullable UUID patientId) {
        if (!Role.of(actor.role()).isCentreStaff()) {
            audited(actor, action, patientId, PATIENT, AuditOutcome.DENIED);
            throw new AccessDeniedException("Only centre staff may do this");
        }
    }

    /** The patient's scope if the actor may see them; otherwise the refusal is audited and it is a 404. */
    private PatientScope visibleScope(Actor actor, UUID patientId, AuditAction action, String resourceType) {
        Optional<PatientScope> scope = scopeOf(patientId);
        if (scope.isEmpty() || !accessPolicy.mayRead(actor, scope.get())) {
            audited(actor, action, patientId, resourceType, AuditOutcome.DENIED);
            throw new NotFoundException(PATIENT);
        }
        return scope.get();
    }

    /** Records an event in a transaction of its own, so that it survives the rollback of the refused request. */
    private void audited(
            Actor actor, AuditAction action, @Nullable UUID patientId, String resourceType, AuditOutcome outcome) {
        ownTransaction.executeWithoutResult(status -> auditLog.record(AuditEvent.by(
                actor, action, patientId, resourceType, patientId == null ? null : patientId.toString(), outcome)));
    }

    private void refuseFieldsTheRoleMayNotSet(Actor actor, PatientScope scope, PatientCorrection correction) {
        Role role = Role.of(actor.role());
        for (String field : correction.present()) {
            String refusal = null;
            if (!CORRECTABLE.contains(field)) {
                refusal = "centreId".equals(field)
                        ? "A correction cannot move the record to another centre."
                        : "This field cannot be set by a correction.";
            } else if (role == Role.PATIENT && !PatientCorrection.PATIENT_FIELDS.contains(field)) {
                refusal = "Patients and parents may correct their contact details only; ask your centre for the rest.";
            } else if (PatientCorrection.INFECTION_FIELDS.contains(field)
                    && !accessPolicy.maySeeInfectionStatus(actor, scope)) {
                refusal = "Only the clinical team of the patient's centres may set infection status.";
            } else if (PatientCorrection.TREATMENT_HISTORY_FIELDS.contains(field)
                    && !((role == Role.CLINICIAN || role == Role.NURSE) && scope.isCaredForAt(actor.centreIds()))) {
                refusal = "Only the clinical team of the patient's centres may record the treatment history.";
            } else if ("sharedCareCentreIds".equals(field)
                    && !(role == Role.CLINICIAN && actor.centreIds().contains(scope.registeredCentreId()))) {
                refusal = "Only a clinician of the registered centre may change shared care.";
            }
            if (refusal != null) {
                audited(actor, AuditAction.UPDATE, scope.patientId(), PATIENT, AuditOutcome.DENIED);
                throw new InvalidInputException(field, refusal);
            }
        }
    }
}
