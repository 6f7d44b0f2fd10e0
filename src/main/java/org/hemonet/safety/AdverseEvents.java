package org.hemonet.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.Infusion;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.safety.internal.SafetyQueries;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adverse event reports (issue 13, clinical.md §9). The patient's centre staff report, read and change them with their
 * narratives; a patient or parent files drafts from the diary and sees the reports they filed; everyone else reaches
 * none: a patient out of reach is audited DENIED and answered like an unknown id (404), roles without patient data
 * (analysts, commissioners, administrators) get 403. Every read and write records exactly one audit event in the same
 * transaction. Nothing is deleted: a wrong report is voided with who, when and why.
 */
@Service
public class AdverseEvents {

    static final String RESOURCE = "AdverseEvent";
    static final int MAX_TEXT = 4000;
    static final int MAX_LIST = 500;

    private final SafetyQueries queries;
    private final PatientRegistry patients;
    private final BleedDiary diary;
    private final ProductCatalogue products;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final TransactionTemplate tx;
    private final Clock clock;

    /** The network's time zone (hemonet.network.time-zone): its calendar years and quarters. */
    private final java.time.ZoneId networkZone;

    AdverseEvents(
            SafetyQueries queries,
            PatientRegistry patients,
            BleedDiary diary,
            ProductCatalogue products,
            AccessPolicy accessPolicy,
            AuditLog auditLog,
            PlatformTransactionManager transactions,
            Clock clock,
            org.hemonet.centre.NetworkSettings network) {
        this.networkZone = network.timeZone();
        this.queries = queries;
        this.patients = patients;
        this.diary = diary;
        this.products = products;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Files a report; a patient's is always a {@code DRAFT} for the centre team to triage. */
    public AdverseEvent report(Actor actor, AdverseEventRequest r) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("adverse events are patient-level data");
        }
        if (r.patientId() == null) {
            throw new InvalidInputException("patientId", "Say which patient the event happened to.");
        }
        UUID patientId = r.patientId();
        PatientScope scope = reachable(actor, patientId, AuditAction.CREATE);
        boolean byPatient = isPatient(actor);
        if (r.category() == null) {
            throw new InvalidInputException("category", "Choose the kind of event.");
        }
        AdverseEventStatus status = r.status() == null ? AdverseEventStatus.REPORTED : r.status();
        if (status != AdverseEventStatus.DRAFT && status != AdverseEventStatus.REPORTED) {
            throw new InvalidInputException("status", "A new report is DRAFT or REPORTED.");
        }
        if (byPatient) {
            status = AdverseEventStatus.DRAFT; // never straight into the rates (issue 13)
        }
        UUID productId = r.productId();
        String batch = blankToNull(r.batchNumber());
        LocalDate onset = r.onsetOn();
        if (r.infusionId() != null) {
            Infusion infusion = diary.entriesOf(patientId).infusions().stream()
                    .filter(i -> i.id().equals(r.infusionId()) && !i.isVoided())
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException("infusionId", "No infusion of this patient."));
            productId = productId == null ? infusion.productId() : productId;
            batch = batch == null ? infusion.batchNumber() : batch;
            onset = onset == null
                    ? LocalDate.ofInstant(
                            infusion.administeredAt(),
                            patients.find(actor, patientId)
                                    .map(p -> p.timeZone())
                                    .orElse(networkZone))
                    : onset;
        }
        onset = onset(onset, "onsetOn");
        if (productId != null) {
            products.require(productId, "productId");
        }
        if (batch != null && batch.length() > 64) {
            throw new InvalidInputException("batchNumber", "A batch number has at most 64 characters.");
        }
        Instant now = clock.instant();
        AdverseEvent event = new AdverseEvent(
                UUID.randomUUID(),
                patientId,
                scope.registeredCentreId(),
                r.category(),
                onset,
                productId,
                batch,
                r.infusionId(),
                Boolean.TRUE.equals(r.serious()),
                r.outcome() == null ? AdverseEventOutcome.UNKNOWN : r.outcome(),
                text(r.narrative(), "narrative"),
                status,
                byPatient ? AdverseEventSource.PATIENT : AdverseEventSource.STAFF,
                actor.username(),
                actor.role(),
                1,
                now,
                now,
                actor.username(),
                null,
                null,
                null,
                List.of());
        return tx.execute(s -> {
            queries.insert(event);
            auditLog.patientAccess(
                    AuditAction.CREATE, patientId, RESOURCE, event.id().toString(), AuditOutcome.SUCCESS);
            return event;
        });
    }

    /**
     * A draft raised by the system for a patient (inhibitor surveillance, clinical.md §2): no actor, no access check;
     * audited as created by the system actor.
     */
    public AdverseEvent raiseDraft(
            Actor system,
            UUID patientId,
            AdverseEventCategory category,
            LocalDate onsetOn,
            @Nullable UUID productId,
            @Nullable String batchNumber,
            String narrative,
            AdverseEventSource source) {
        return imported(
                system,
                patientId,
                category,
                onsetOn,
                productId,
                batchNumber,
                false,
                AdverseEventOutcome.UNKNOWN,
                narrative,
                AdverseEventStatus.DRAFT,
                source);
    }

    /**
     * A report entered by the system on someone's behalf (the demo network's loader, a migration): no access check, in
     * the caller's transaction, audited as created by {@code system}. Status {@code DRAFT} or {@code REPORTED}.
     */
    public AdverseEvent imported(
            Actor system,
            UUID patientId,
            AdverseEventCategory category,
            LocalDate onsetOn,
            @Nullable UUID productId,
            @Nullable String batchNumber,
            boolean serious,
            AdverseEventOutcome outcome,
            String narrative,
            AdverseEventStatus status,
            AdverseEventSource source) {
        if (status != AdverseEventStatus.DRAFT && status != AdverseEventStatus.REPORTED) {
            throw new IllegalArgumentException("a new report is DRAFT or REPORTED");
        }
        PatientScope scope = patients.scopeOf(patientId).orElseThrow(() -> new NotFoundException("patient"));
        Instant now = clock.instant();
        AdverseEvent event = new AdverseEvent(
                UUID.randomUUID(),
                patientId,
                scope.registeredCentreId(),
                category,
                onsetOn,
                productId,
                batchNumber,
                null,
                serious,
                outcome,
                narrative,
                status,
                source,
                system.username(),
                system.role(),
                1,
                now,
                now,
                system.username(),
                null,
                null,
                null,
                List.of());
        queries.insert(event);
        auditLog.record(AuditEvent.by(
                system, AuditAction.CREATE, patientId, RESOURCE, event.id().toString(), AuditOutcome.SUCCESS));
        return event;
    }

    /** One report, audited; unknown, or out of the actor's reach → 404 (the latter audited DENIED). */
    public AdverseEvent get(Actor actor, UUID id) {
        requirePatientData(actor);
        Optional<AdverseEvent> found = queries.find(id);
        if (found.isEmpty()) {
            throw new NotFoundException("adverse event");
        }
        AdverseEvent event = found.get();
        reachable(actor, event.patientId(), AuditAction.READ);
        if (isPatient(actor) && !event.reporter().equals(actor.username())) {
            auditLog.patientAccess(AuditAction.READ, event.patientId(), RESOURCE, id.toString(), AuditOutcome.DENIED);
            throw new NotFoundException("adverse event");
        }
        auditLog.patientAccess(AuditAction.READ, event.patientId(), RESOURCE, id.toString(), AuditOutcome.SUCCESS);
        return event;
    }

    /**
     * Reports of one patient ({@code patientId}), or of the patients of one of the actor's centres ({@code centreId}),
     * or, with neither, of every centre the actor works at (a patient: the reports they filed on their own records).
     */
    public List<AdverseEvent> list(
            Actor actor, @Nullable UUID patientId, @Nullable UUID centreId, @Nullable AdverseEventStatus status) {
        requirePatientData(actor);
        if (patientId != null) {
            reachable(actor, patientId, AuditAction.READ);
            List<AdverseEvent> events = queries.ofPatient(patientId, status);
            if (isPatient(actor)) {
                events = events.stream()
                        .filter(e -> e.reporter().equals(actor.username()))
                        .toList();
            }
            auditLog.patientAccess(AuditAction.READ, patientId, RESOURCE, null, AuditOutcome.SUCCESS);
            return events;
        }
        if (isPatient(actor)) {
            List<AdverseEvent> own = actor.patientIds().stream()
                    .flatMap(p -> queries.ofPatient(p, status).stream())
                    .filter(e -> e.reporter().equals(actor.username()))
                    .toList();
            actor.patientIds()
                    .forEach(p -> auditLog.patientAccess(AuditAction.READ, p, RESOURCE, null, AuditOutcome.SUCCESS));
            return own;
        }
        Set<UUID> centres = new LinkedHashSet<>(accessPolicy.searchableCentres(actor));
        if (centreId != null) {
            if (!centres.contains(centreId)) {
                throw new NotFoundException("centre");
            }
            centres = Set.of(centreId);
        }
        List<AdverseEvent> events = queries.ofCentres(centres, status, MAX_LIST).stream()
                .filter(e -> patients.scopeOf(e.patientId())
                        .filter(s -> accessPolicy.mayRead(actor, s))
                        .isPresent())
                .toList();
        auditLog.record(AuditEvent.by(actor, AuditAction.SEARCH, null, RESOURCE, null, AuditOutcome.SUCCESS));
        return events;
    }

    /**
     * The patient's reports for a FHIR bulk export (issue 15), with their follow-ups: no access check and no audit —
     * the export has read the patient through {@code PatientRegistry.readForExport}, which checks and audits.
     */
    public List<AdverseEvent> forExport(UUID patientId) {
        return queries.ofPatient(patientId, null);
    }

    /** Changes a report still at {@code expectedVersion} (else 412, nothing changed); centre staff only. */
    public AdverseEvent change(Actor actor, UUID id, int expectedVersion, AdverseEventChange c) {
        requirePatientData(actor);
        if (isPatient(actor)) {
            throw new AccessDeniedException("the centre team triages and changes reports");
        }
        AdverseEvent stored = queries.find(id).orElseThrow(() -> new NotFoundException("adverse event"));
        reachable(actor, stored.patientId(), AuditAction.UPDATE);
        if (stored.status() == AdverseEventStatus.VOIDED) {
            throw new ConflictException("This report was voided; it cannot change.");
        }
        AdverseEventStatus next = c.status() == null ? stored.status() : c.status();
        if (!stored.status().mayBecome(next)) {
            throw new ConflictException(
                    "A report cannot go from " + stored.status() + " to " + next + " (DRAFT → REPORTED → CLOSED).");
        }
        String voidReason = null;
        Instant now = clock.instant();
        if (next == AdverseEventStatus.VOIDED) {
            voidReason = text(c.voidReason(), "voidReason");
            if (voidReason == null) {
                throw new InvalidInputException("voidReason", "Say why the report is voided.");
            }
            if (voidReason.length() > 500) {
                throw new InvalidInputException("voidReason", "At most 500 characters.");
            }
        }
        if (c.productId() != null) {
            products.require(c.productId(), "productId");
        }
        String batch = c.batchNumber() == null ? stored.batchNumber() : blankToNull(c.batchNumber());
        if (batch != null && batch.length() > 64) {
            throw new InvalidInputException("batchNumber", "A batch number has at most 64 characters.");
        }
        String followUp = text(c.followUp(), "followUp");
        AdverseEvent changed = new AdverseEvent(
                stored.id(),
                stored.patientId(),
                stored.centreId(),
                c.category() == null ? stored.category() : c.category(),
                c.onsetOn() == null ? stored.onsetOn() : onset(c.onsetOn(), "onsetOn"),
                c.productId() == null ? stored.productId() : c.productId(),
                batch,
                stored.infusionId(),
                c.serious() == null ? stored.serious() : c.serious(),
                c.outcome() == null ? stored.outcome() : c.outcome(),
                c.narrative() == null ? stored.narrative() : text(c.narrative(), "narrative"),
                next,
                stored.source(),
                stored.reporter(),
                stored.reporterRole(),
                stored.version(),
                stored.createdAt(),
                now,
                actor.username(),
                next == AdverseEventStatus.VOIDED ? now : null,
                next == AdverseEventStatus.VOIDED ? actor.username() : null,
                voidReason,
                stored.followUps());
        AuditAction action = next == AdverseEventStatus.VOIDED ? AuditAction.VOID : AuditAction.UPDATE;
        return tx.execute(s -> {
            if (!queries.update(changed, expectedVersion, now, actor.username())) {
                throw new StaleVersionException();
            }
            if (followUp != null) {
                queries.insertFollowUp(
                        id, new AdverseEvent.FollowUp(UUID.randomUUID(), now, actor.username(), followUp));
            }
            auditLog.patientAccess(action, stored.patientId(), RESOURCE, id.toString(), AuditOutcome.SUCCESS);
            return queries.find(id).orElseThrow();
        });
    }

    /** A patient flagged for the clinician: on emicizumab with more than 100 U/kg of aPCC in 24 h (issue 13). */
    public record ApccFlag(
            UUID patientId,
            String patientName,
            boolean prescribed,
            Instant occursAt,
            java.math.@Nullable BigDecimal unitsPerKg) {}

    /**
     * The emicizumab-with-aPCC flags of the last 90 days on patients the actor's centres care for and the actor may
     * read (centre staff only; others none). Each patient shown is audited as a read.
     */
    public List<ApccFlag> apccFlags(Actor actor) {
        if (!Role.of(actor.role()).isCentreStaff()) {
            return List.of();
        }
        List<ApccFlag> shown = new java.util.ArrayList<>();
        Set<UUID> audited = new java.util.HashSet<>();
        for (SafetyQueries.Flag f : queries.flags(
                accessPolicy.searchableCentres(actor), clock.instant().minus(java.time.Duration.ofDays(90)))) {
            Optional<org.hemonet.patient.PatientSummary> patient = patients.find(actor, f.patientId());
            if (patient.isEmpty()) {
                continue;
            }
            if (audited.add(f.patientId())) {
                auditLog.patientAccess(AuditAction.READ, f.patientId(), "PatientFlag", null, AuditOutcome.SUCCESS);
            }
            shown.add(new ApccFlag(
                    f.patientId(),
                    patient.get().familyName() + ", " + patient.get().givenName(),
                    "APCC_PRESCRIBED".equals(f.kind()),
                    f.occursAt(),
                    f.unitsPerKg()));
        }
        return shown;
    }

    /**
     * Is the patient flagged for emicizumab with aPCC in the last 90 days (for a badge on the record the caller has
     * already read and audited)? Centre staff who may read the patient only; everyone else false.
     */
    public boolean hasApccFlag(Actor actor, UUID patientId) {
        if (!Role.of(actor.role()).isCentreStaff()
                || patients.scopeOf(patientId)
                        .filter(s -> accessPolicy.mayRead(actor, s))
                        .isEmpty()) {
            return false;
        }
        return queries.hasFlag(patientId, clock.instant().minus(java.time.Duration.ofDays(90)));
    }

    /** May the actor file reports at all (centre staff and patients; the patient is checked on each call)? */
    public boolean mayReport(Actor actor) {
        return accessPolicy.usesPatientData(actor);
    }

    private void requirePatientData(Actor actor) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("adverse events are patient-level data");
        }
    }

    private PatientScope reachable(Actor actor, UUID patientId, AuditAction action) {
        Optional<PatientScope> scope = patients.scopeOf(patientId)
                .filter(s ->
                        action == AuditAction.READ ? accessPolicy.mayRead(actor, s) : accessPolicy.mayWrite(actor, s));
        if (scope.isEmpty()) {
            auditLog.patientAccess(action, patientId, RESOURCE, null, AuditOutcome.DENIED);
            throw new NotFoundException("patient");
        }
        return scope.get();
    }

    private static boolean isPatient(Actor actor) {
        return Role.PATIENT.name().equals(actor.role());
    }

    private LocalDate onset(@Nullable LocalDate onset, String field) {
        if (onset == null) {
            throw new InvalidInputException(field, "Enter the date the event began.");
        }
        if (onset.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException(field, "The onset date cannot be in the future.");
        }
        if (onset.isBefore(LocalDate.of(1900, 1, 1))) {
            throw new InvalidInputException(field, "The onset date is too early.");
        }
        return onset;
    }

    private static @Nullable String text(@Nullable String value, String field) {
        String t = blankToNull(value);
        if (t != null && t.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "At most " + MAX_TEXT + " characters.");
        }
        return t;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
