package org.hemonet.supply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batch recalls: every patient who received a recalled batch at home or was infused with it (voided entries included,
 * security.md §19), across all centres, found when the recall is issued and grouped by centre.
 *
 * <p>Network analysts and centre clinicians and nurses issue and read recalls. A reader sees the patients of their own
 * centres by name and every other centre as counts only, so aggregate roles see no identifiers (security.md §6). Each
 * patient a recall reaches gets one audit event when it is issued, and one each time a reader is shown their row.
 */
@Service
@Transactional(readOnly = true)
public class BatchRecalls {

    static final String RESOURCE = "Recall";

    private final RecallQueries queries;
    private final ProductCatalogue catalogue;
    private final PatientRegistry patients;
    private final CentreDirectory centres;
    private final AccessPolicy policy;
    private final PatientAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BatchRecalls(
            RecallQueries queries,
            ProductCatalogue catalogue,
            PatientRegistry patients,
            CentreDirectory centres,
            AccessPolicy policy,
            PatientAccess access,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.queries = queries;
        this.catalogue = catalogue;
        this.patients = patients;
        this.centres = centres;
        this.policy = policy;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Issues a recall and returns it as the issuer sees it. Publishes {@link BatchRecalled}. */
    @Transactional
    public Recall issue(
            Actor actor,
            @Nullable UUID productId,
            @Nullable List<String> batchNumbers,
            @Nullable String reason,
            @Nullable RecallLevel level) {
        mayUseRecalls(actor);
        Product product = catalogue.require(productId, "productId");
        if (batchNumbers == null || batchNumbers.isEmpty() || batchNumbers.size() > 50) {
            throw new InvalidInputException("batchNumbers", "Name 1 to 50 batches.");
        }
        List<String> batches = new ArrayList<>();
        for (int i = 0; i < batchNumbers.size(); i++) {
            batches.add(catalogue
                    .requireBatch(product.id(), batchNumbers.get(i), "batchNumbers[" + i + "]")
                    .batchNumber());
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidInputException("reason", "Give the reason (at most 2,000 characters).");
        }
        if (level == null) {
            throw new InvalidInputException("level", "Choose PATIENT or WHOLESALE.");
        }
        UUID recallId = UUID.randomUUID();
        queries.insert(
                new RecallQueries.Header(
                        recallId,
                        product.id(),
                        List.copyOf(batches.stream().distinct().toList()),
                        reason.strip(),
                        level,
                        actor.username(),
                        clock.instant()),
                actor.accountId());
        List<UUID> reached = new ArrayList<>();
        for (RecallQueries.Affected affected : queries.affected(product.id(), batches)) {
            PatientScope scope = patients.scopeOf(affected.patientId()).orElse(null);
            if (scope == null) {
                continue; // a voided patient record: nobody to notify
            }
            queries.insertPatient(recallId, scope.registeredCentreId(), affected);
            audit.record(AuditEvent.by(
                    actor,
                    AuditAction.SEARCH,
                    affected.patientId(),
                    RESOURCE,
                    recallId.toString(),
                    AuditOutcome.SUCCESS));
            reached.add(affected.patientId());
        }
        events.publishEvent(new BatchRecalled(recallId, product.id(), batches, reached));
        return view(actor, recallId, false);
    }

    /** A recall as {@code actor} may see it. */
    @Transactional
    public Recall recall(Actor actor, UUID recallId) {
        mayUseRecalls(actor);
        return view(actor, recallId, true);
    }

    /** The patient (or their centre) confirms they know of the recall and have set the vials aside. */
    @Transactional
    public void acknowledge(Actor actor, UUID recallId, UUID patientId) {
        queries.find(recallId).orElseThrow(() -> new NotFoundException(RESOURCE));
        access.read(actor, patientId, AuditAction.UPDATE, RESOURCE);
        queries.acknowledge(recallId, patientId, actor.accountId(), clock.instant());
        audit.record(AuditEvent.by(
                actor, AuditAction.UPDATE, patientId, RESOURCE, recallId.toString(), AuditOutcome.SUCCESS));
    }

    /** Has any recall named this batch? For the diary to warn when an infusion from it is logged. */
    public boolean isRecalled(UUID productId, String batchNumber) {
        return queries.isRecalled(productId, batchNumber);
    }

    /** Why the batch was recalled (the newest recall naming it), for the diary's warning; empty when it was not. */
    public java.util.Optional<String> recallReason(UUID productId, String batchNumber) {
        List<UUID> ids = queries.naming(productId, batchNumber);
        if (ids.isEmpty()) {
            return java.util.Optional.empty();
        }
        return queries.find(ids.get(ids.size() - 1)).map(RecallQueries.Header::reason);
    }

    /**
     * An infusion was logged from a recalled batch: the patient's centre is alerted on each recall naming the batch.
     * Returns how many alerts were raised.
     */
    @Transactional
    public int alertInfusion(
            UUID infusionId, UUID patientId, UUID productId, String batchNumber, java.time.Instant administeredAt) {
        List<UUID> ids = queries.naming(productId, batchNumber);
        if (ids.isEmpty()) {
            return 0;
        }
        PatientScope scope = patients.scopeOf(patientId).orElse(null);
        if (scope == null) {
            return 0;
        }
        for (UUID recallId : ids) {
            queries.insertAlert(
                    recallId,
                    patientId,
                    scope.registeredCentreId(),
                    infusionId,
                    batchNumber,
                    administeredAt,
                    clock.instant());
        }
        return ids.size();
    }

    /** Every recall, newest first, without its patients (for the staff list). */
    public List<RecallSummary> recalls(Actor actor) {
        mayUseRecalls(actor);
        return queries.all().stream()
                .map(h -> new RecallSummary(
                        h.id(),
                        h.productId(),
                        catalogue
                                .find(h.productId())
                                .map(p -> p.brandName() + " (" + p.genericName() + ")")
                                .orElse(""),
                        h.batchNumbers(),
                        h.reason(),
                        h.level(),
                        h.issuedBy(),
                        h.issuedAt()))
                .toList();
    }

    /**
     * Alerts of a recall (infusions logged after it from a recalled batch): named for the patients {@code actor} may
     * read as centre staff; {@link RecallAlerts#otherCentres()} counts the rest.
     */
    @Transactional
    public RecallAlerts alerts(Actor actor, UUID recallId) {
        mayUseRecalls(actor);
        queries.find(recallId).orElseThrow(() -> new NotFoundException(RESOURCE));
        boolean staff = Role.of(actor.role()).isCentreStaff();
        List<RecallAlerts.Alert> shown = new ArrayList<>();
        int others = 0;
        for (RecallQueries.Alert alert : queries.alerts(recallId)) {
            PatientScope scope = patients.scopeOf(alert.patientId()).orElse(null);
            if (!staff || scope == null || !policy.mayRead(actor, scope)) {
                others++;
                continue;
            }
            String name = patients.find(actor, alert.patientId())
                    .map(PatientSummary::fullName)
                    .orElse("");
            audit.record(AuditEvent.by(
                    actor, AuditAction.READ, alert.patientId(), RESOURCE, recallId.toString(), AuditOutcome.SUCCESS));
            shown.add(new RecallAlerts.Alert(
                    alert.patientId(), name, alert.batchNumber(), alert.administeredAt(), alert.raisedAt()));
        }
        return new RecallAlerts(shown, others);
    }

    /** A recall in the staff list. */
    public record RecallSummary(
            UUID id,
            UUID productId,
            String productName,
            List<String> batchNumbers,
            String reason,
            RecallLevel level,
            String issuedBy,
            java.time.Instant issuedAt) {}

    /** Infusions logged from a recalled batch after the recall. */
    public record RecallAlerts(List<Alert> alerts, int otherCentres) {
        public record Alert(
                UUID patientId,
                String name,
                String batchNumber,
                java.time.Instant administeredAt,
                java.time.Instant raisedAt) {}
    }

    private Recall view(Actor actor, UUID recallId, boolean auditRows) {
        RecallQueries.Header header = queries.find(recallId).orElseThrow(() -> new NotFoundException(RESOURCE));
        Map<UUID, List<RecallQueries.Row>> byCentre = new LinkedHashMap<>();
        List<RecallQueries.Row> rows = queries.patients(recallId);
        rows.forEach(row ->
                byCentre.computeIfAbsent(row.centreId(), k -> new ArrayList<>()).add(row));
        boolean staff = Role.of(actor.role()).isCentreStaff();
        List<Recall.CentreGroup> groups = new ArrayList<>();
        for (Map.Entry<UUID, List<RecallQueries.Row>> entry : byCentre.entrySet()) {
            List<Recall.Patient> shown = new ArrayList<>();
            for (RecallQueries.Row row : entry.getValue()) {
                PatientScope scope = patients.scopeOf(row.patientId()).orElse(null);
                if (!staff || scope == null || !policy.mayRead(actor, scope)) {
                    continue;
                }
                String name = patients.find(actor, row.patientId())
                        .map(PatientSummary::fullName)
                        .orElse("");
                if (auditRows) {
                    audit.record(AuditEvent.by(
                            actor,
                            AuditAction.READ,
                            row.patientId(),
                            RESOURCE,
                            recallId.toString(),
                            AuditOutcome.SUCCESS));
                }
                shown.add(new Recall.Patient(
                        row.patientId(),
                        name,
                        row.received(),
                        row.infused(),
                        row.voided(),
                        row.atHome(),
                        row.acknowledgedAt()));
            }
            List<RecallQueries.Row> all = entry.getValue();
            groups.add(new Recall.CentreGroup(
                    entry.getKey(),
                    centres.centre(entry.getKey()).map(Centre::name).orElse(""),
                    all.size(),
                    all.stream().mapToInt(RecallQueries.Row::atHome).sum(),
                    (int) all.stream().filter(r -> r.acknowledgedAt() != null).count(),
                    shown));
        }
        groups.sort(java.util.Comparator.comparing(Recall.CentreGroup::centreName));
        return new Recall(
                header.id(),
                header.productId(),
                header.batchNumbers(),
                header.reason(),
                header.level(),
                header.issuedBy(),
                header.issuedAt(),
                rows.size(),
                groups);
    }

    private static void mayUseRecalls(Actor actor) {
        Role role = Role.of(actor.role());
        if (role != Role.NETWORK_ANALYST && role != Role.CLINICIAN && role != Role.NURSE) {
            throw new AccessDeniedException("recalls are for network analysts, clinicians and nurses");
        }
    }
}
