package org.hemonet.supply;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.PatientScope;
import org.hemonet.identity.Role;
import org.hemonet.message.MessageAcknowledged;
import org.hemonet.message.MessageKind;
import org.hemonet.message.Messages;
import org.hemonet.message.NewMessage;
import org.hemonet.message.Recipient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.supply.internal.RecallQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batch recalls: every patient who received a recalled batch at home or was infused with it (voided entries included,
 * security.md §19), across all centres, grouped by centre. The list is live: each read recomputes the links, and a
 * patient linked after the recall was issued (a later delivery or infusion from the batch) is added then, or by the
 * periodic refresh, and notified once like the first ones.
 *
 * <p>Network analysts and centre clinicians and nurses issue and read recalls. Centre staff see the patients of their
 * own centres by name and every other centre as counts. Network analysts see aggregates only (security.md §1, §6):
 * no name, registry id or date of birth; to follow a recall through, they see each reached patient as a pseudonym
 * that holds only within this recall (random, not derived from any identifier, so it links to nothing else), with
 * the centre, how the patient is linked to the batch, the vials left at home and whether they acknowledged. Every
 * row shown, named or pseudonymous, writes an audit event. Disclosure control (clinical.md §8) governs published
 * figures and exports, not this operational safety view, which the analyst needs to see whether every patient has been
 * reached; a row shows no more than the centre's count would.
 *
 * <p>Each reached patient's record (the patient or a parent reads it) and each reached centre's team inbox gets one
 * in-app message and one "you have a safety message" e-mail through the message module's outbox. Patients acknowledge
 * from the message, centres from the recall page; the recall shows who acknowledged, when, and what is outstanding.
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
    private final Messages messages;
    private final AccountAdministration accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    BatchRecalls(
            RecallQueries queries,
            ProductCatalogue catalogue,
            PatientRegistry patients,
            CentreDirectory centres,
            AccessPolicy policy,
            PatientAccess access,
            AuditLog audit,
            ApplicationEventPublisher events,
            Messages messages,
            AccountAdministration accounts,
            Clock clock) {
        this.queries = queries;
        this.catalogue = catalogue;
        this.patients = patients;
        this.centres = centres;
        this.policy = policy;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.accounts = accounts;
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
        List<UUID> reached = reach(recallId, actor);
        events.publishEvent(new BatchRecalled(recallId, product.id(), batches, reached));
        return view(actor, recallId, false);
    }

    /** A recall as {@code actor} may see it. */
    @Transactional
    public Recall recall(Actor actor, UUID recallId) {
        mayUseRecalls(actor);
        queries.find(recallId).orElseThrow(() -> new NotFoundException(RESOURCE));
        List<UUID> reached = reach(recallId, actor);
        if (!reached.isEmpty()) {
            events.publishEvent(new RecallReached(recallId, reached));
        }
        return view(actor, recallId, true);
    }

    /**
     * The patient (a parent, or their centre's staff on their behalf) confirms they know of the recall and have set the
     * vials aside. The patient's recall message is marked acknowledged too.
     */
    @Transactional
    public void acknowledge(Actor actor, UUID recallId, UUID patientId) {
        queries.find(recallId).orElseThrow(() -> new NotFoundException(RESOURCE));
        access.read(actor, patientId, AuditAction.UPDATE, RESOURCE);
        String name = displayName(actor);
        queries.acknowledge(recallId, patientId, actor.accountId(), name, actor.role(), clock.instant());
        audit.record(AuditEvent.by(
                actor, AuditAction.UPDATE, patientId, RESOURCE, recallId.toString(), AuditOutcome.SUCCESS));
        messages.acknowledgeFor(actor, Recipient.patient(patientId), MessageKind.RECALL, recallId.toString());
    }

    /**
     * A centre's clinician or nurse acknowledges the recall for their centre (the team has seen it and is contacting
     * its patients). A centre the recall does not reach, or one the actor does not work at, is not found.
     */
    @Transactional
    public void acknowledgeCentre(Actor actor, UUID recallId, UUID centreId) {
        mayUseRecalls(actor);
        queries.find(recallId).orElseThrow(() -> new NotFoundException(RESOURCE));
        boolean reached =
                queries.centres(recallId).stream().anyMatch(c -> c.centreId().equals(centreId));
        if (!Role.of(actor.role()).isCentreStaff() || !actor.centreIds().contains(centreId) || !reached) {
            throw new NotFoundException(RESOURCE);
        }
        queries.acknowledgeCentre(recallId, centreId, actor.accountId(), displayName(actor), clock.instant());
        messages.acknowledgeFor(actor, Recipient.centre(centreId), MessageKind.RECALL, recallId.toString());
    }

    /** A recall message was acknowledged in the inbox: record it on the recall (same transaction). */
    @Transactional
    public void recordAcknowledgement(MessageAcknowledged ack) {
        if (ack.kind() != MessageKind.RECALL) {
            return;
        }
        UUID recallId;
        try {
            recallId = UUID.fromString(ack.reference());
        } catch (IllegalArgumentException e) {
            return;
        }
        switch (ack.recipient().kind()) {
            case PATIENT ->
                queries.acknowledge(
                        recallId,
                        ack.recipient().id(),
                        ack.accountId(),
                        ack.displayName(),
                        ack.role(),
                        ack.acknowledgedAt());
            case CENTRE ->
                queries.acknowledgeCentre(
                        recallId, ack.recipient().id(), ack.accountId(), ack.displayName(), ack.acknowledgedAt());
        }
    }

    /**
     * Recomputes who a recall reaches now and adds the patients (and centres) reached since, for the periodic refresh
     * (nobody reads them here, so nothing is audited); returns them and publishes {@link RecallReached}.
     */
    @Transactional
    public List<UUID> refresh(UUID recallId) {
        List<UUID> reached = reach(recallId, null);
        if (!reached.isEmpty()) {
            events.publishEvent(new RecallReached(recallId, reached));
        }
        return reached;
    }

    /** Recalls kept live by the periodic refresh: those issued within the last year. */
    List<UUID> liveRecalls() {
        return queries.issuedSince(clock.instant().minus(Duration.ofDays(366)));
    }

    /**
     * Sends the recall's message to every reached patient and centre not yet notified, and marks them notified. Safe to
     * run twice: the message module sends one message per recipient and recall.
     */
    @Transactional
    public int notifyOutstanding(UUID recallId) {
        RecallQueries.Header header = queries.find(recallId).orElse(null);
        if (header == null) {
            return 0;
        }
        String product = catalogue
                .find(header.productId())
                .map(p -> p.brandName() + " (" + p.genericName() + ")")
                .orElse("a product");
        String batches = String.join(", ", header.batchNumbers());
        String plural = header.batchNumbers().size() > 1 ? "batches " : "batch ";
        Instant now = clock.instant();
        int sent = 0;
        for (RecallQueries.Row row : queries.patients(recallId)) {
            if (row.notifiedAt() != null) {
                continue;
            }
            messages.send(new NewMessage(
                    Recipient.patient(row.patientId()),
                    MessageKind.RECALL,
                    recallId.toString(),
                    "Safety recall: " + product + " " + plural + batches,
                    "A batch of " + product + " that you received or used has been recalled: " + plural + batches
                            + ".\nReason: " + header.reason()
                            + "\n\nWhat to do now:\n1. Check your home stock for vials of " + plural + batches
                            + ".\n2. Do not use them. Set them aside, apart from your other vials, until your"
                            + " centre collects or replaces them.\n3. If you have used this batch and feel unwell, or have"
                            + " a reaction, call your centre's 24-hour number.\n\nWhen you have checked, press the"
                            + " button below so your centre knows.",
                    null));
            queries.markPatientNotified(recallId, row.patientId(), now);
            sent++;
        }
        for (RecallQueries.CentreRow centre : queries.centres(recallId)) {
            if (centre.notifiedAt() != null) {
                continue;
            }
            messages.send(new NewMessage(
                    Recipient.centre(centre.centreId()),
                    MessageKind.RECALL,
                    recallId.toString(),
                    "Batch recall reaches your patients: " + product + " " + plural + batches,
                    "A " + header.level().name().toLowerCase(java.util.Locale.ROOT) + "-level recall of " + product
                            + " " + plural + batches + " reaches patients of your centre.\nReason: "
                            + header.reason()
                            + "\n\nOpen the recall to see which of your patients received or used the batch and"
                            + " who has acknowledged. Acknowledge it there for your centre once your team is"
                            + " contacting them.",
                    "/recalls/" + recallId));
            queries.markCentreNotified(recallId, centre.centreId(), now);
            sent++;
        }
        return sent;
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

    /** An infusion logged from a named batch, for {@link #alertInfusions}. */
    public record InfusionFromBatch(
            UUID infusionId, UUID patientId, UUID productId, String batchNumber, java.time.Instant administeredAt) {}

    /**
     * {@link #alertInfusion} for the infusions of one diary sync (issue 14): the recalls are looked up once per
     * distinct product and batch, the patient's centre once per patient. Returns how many alerts were raised.
     */
    @Transactional
    public int alertInfusions(List<InfusionFromBatch> infusions) {
        java.util.Map<List<Object>, List<UUID>> naming = new java.util.HashMap<>();
        java.util.Map<UUID, java.util.Optional<PatientScope>> scopes = new java.util.HashMap<>();
        int raised = 0;
        for (InfusionFromBatch i : infusions) {
            List<UUID> ids = naming.computeIfAbsent(
                    List.of(i.productId(), i.batchNumber()), k -> queries.naming(i.productId(), i.batchNumber()));
            if (ids.isEmpty()) {
                continue;
            }
            PatientScope scope =
                    scopes.computeIfAbsent(i.patientId(), patients::scopeOf).orElse(null);
            if (scope == null) {
                continue;
            }
            for (UUID recallId : ids) {
                queries.insertAlert(
                        recallId,
                        i.patientId(),
                        scope.registeredCentreId(),
                        i.infusionId(),
                        i.batchNumber(),
                        i.administeredAt(),
                        clock.instant());
            }
            raised += ids.size();
        }
        return raised;
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

    /**
     * Adds every patient linked to the recall's batches now who was not reached before (with a new pseudonym) and their
     * centres; audits each as a search by {@code actor} when a person's request found them. Returns the new ones.
     */
    private List<UUID> reach(UUID recallId, @Nullable Actor actor) {
        RecallQueries.Header header = queries.find(recallId).orElseThrow(() -> new NotFoundException(RESOURCE));
        java.util.Set<UUID> known = new java.util.HashSet<>();
        queries.patients(recallId).forEach(row -> known.add(row.patientId()));
        List<UUID> reached = new ArrayList<>();
        Instant now = clock.instant();
        for (RecallQueries.Affected affected : queries.affected(header.productId(), header.batchNumbers())) {
            if (known.contains(affected.patientId())) {
                continue;
            }
            PatientScope scope = patients.scopeOf(affected.patientId()).orElse(null);
            if (scope == null) {
                continue; // a voided patient record: nobody to notify
            }
            if (!queries.reach(
                    recallId, affected.patientId(), scope.registeredCentreId(), affected, pseudonym(), now)) {
                continue; // reached by a concurrent refresh, which notifies them
            }
            queries.reachCentre(recallId, scope.registeredCentreId(), now);
            if (actor != null) {
                audit.record(AuditEvent.by(
                        actor,
                        AuditAction.SEARCH,
                        affected.patientId(),
                        RESOURCE,
                        recallId.toString(),
                        AuditOutcome.SUCCESS));
            }
            reached.add(affected.patientId());
        }
        return reached;
    }

    private static final char[] PSEUDONYM_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    /** A random code for a patient within one recall: derived from nothing, so it links to no other record. */
    private String pseudonym() {
        StringBuilder code = new StringBuilder("P-");
        for (int i = 0; i < 8; i++) {
            code.append(PSEUDONYM_CHARS[random.nextInt(PSEUDONYM_CHARS.length)]);
        }
        return code.toString();
    }

    private String displayName(Actor actor) {
        return accounts.displayNames(List.of(actor.accountId())).getOrDefault(actor.accountId(), actor.username());
    }

    private Recall view(Actor actor, UUID recallId, boolean auditRows) {
        RecallQueries.Header header = queries.find(recallId).orElseThrow(() -> new NotFoundException(RESOURCE));
        Map<UUID, RecallQueries.Affected> live = new java.util.HashMap<>();
        queries.affected(header.productId(), header.batchNumbers()).forEach(a -> live.put(a.patientId(), a));
        Map<UUID, List<RecallQueries.Row>> byCentre = new LinkedHashMap<>();
        List<RecallQueries.Row> rows = queries.patients(recallId);
        rows.forEach(row ->
                byCentre.computeIfAbsent(row.centreId(), k -> new ArrayList<>()).add(row));
        Map<UUID, RecallQueries.CentreRow> centreRows = new java.util.HashMap<>();
        queries.centres(recallId).forEach(c -> centreRows.put(c.centreId(), c));
        Role role = Role.of(actor.role());
        boolean staff = role.isCentreStaff();
        boolean analyst = role == Role.NETWORK_ANALYST;
        List<Recall.CentreGroup> groups = new ArrayList<>();
        for (Map.Entry<UUID, List<RecallQueries.Row>> entry : byCentre.entrySet()) {
            List<Recall.Patient> shown = new ArrayList<>();
            int vialsAtHome = 0;
            for (RecallQueries.Row row : entry.getValue()) {
                RecallQueries.Affected links =
                        live.getOrDefault(row.patientId(), new RecallQueries.Affected(row.patientId(), 0, 0, 0, 0));
                vialsAtHome += links.atHome();
                PatientScope scope = patients.scopeOf(row.patientId()).orElse(null);
                boolean named = staff && scope != null && policy.mayRead(actor, scope);
                if (!named && !analyst) {
                    continue;
                }
                if (auditRows) {
                    audit.record(AuditEvent.by(
                            actor,
                            AuditAction.READ,
                            row.patientId(),
                            RESOURCE,
                            recallId.toString(),
                            AuditOutcome.SUCCESS));
                }
                String name = named
                        ? patients.find(actor, row.patientId())
                                .map(PatientSummary::fullName)
                                .orElse("")
                        : null;
                shown.add(new Recall.Patient(
                        row.pseudonym(),
                        named ? row.patientId() : null,
                        name,
                        linksOf(links),
                        links.received(),
                        links.infused(),
                        links.voided(),
                        links.atHome(),
                        row.reachedAt(),
                        row.acknowledgedAt(),
                        row.acknowledgedByRole(),
                        named ? row.acknowledgedByName() : null));
            }
            List<RecallQueries.Row> all = entry.getValue();
            RecallQueries.CentreRow centre = centreRows.get(entry.getKey());
            groups.add(new Recall.CentreGroup(
                    entry.getKey(),
                    centres.centre(entry.getKey()).map(Centre::name).orElse(""),
                    all.size(),
                    vialsAtHome,
                    (int) all.stream().filter(r -> r.acknowledgedAt() != null).count(),
                    staff && actor.centreIds().contains(entry.getKey()),
                    centre == null ? null : centre.acknowledgedAt(),
                    centre == null ? null : centre.acknowledgedByName(),
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
                (int) rows.stream().filter(r -> r.acknowledgedAt() == null).count(),
                (int) centreRows.values().stream()
                        .filter(c -> c.acknowledgedAt() == null)
                        .count(),
                groups);
    }

    private static List<Recall.Link> linksOf(RecallQueries.Affected a) {
        List<Recall.Link> links = new ArrayList<>();
        if (a.received() > 0) {
            links.add(Recall.Link.RECEIVED);
        }
        if (a.infused() > 0) {
            links.add(Recall.Link.INFUSED);
        }
        if (a.voided() > 0) {
            links.add(Recall.Link.VOIDED_INFUSION);
        }
        if (a.atHome() > 0) {
            links.add(Recall.Link.AT_HOME);
        }
        return List.copyOf(links);
    }

    private static void mayUseRecalls(Actor actor) {
        Role role = Role.of(actor.role());
        if (role != Role.NETWORK_ANALYST && role != Role.CLINICIAN && role != Role.NURSE) {
            throw new AccessDeniedException("recalls are for network analysts, clinicians and nurses");
        }
    }
}
