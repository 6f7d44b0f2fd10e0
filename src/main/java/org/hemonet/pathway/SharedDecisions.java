package org.hemonet.pathway;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.pathway.internal.AnnualReviewQueries;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shared decisions (issue 17): when a plan changes, the care team records the options discussed, what matters to the
 * patient, the patient's choice and who agreed. The patient (or a parent) reads them on their record; the team's
 * clinical roles record and void them (with a reason; nothing is deleted). Audited; another centre's patient is 404.
 */
@Service
@Transactional
public class SharedDecisions {

    public static final String RESOURCE = "SharedDecision";

    static final Set<String> RECORDERS = Set.of("CLINICIAN", "NURSE", "PHYSIO", "SOCIAL_WORKER");

    static final int TEXT_MAX = 2000;

    private final AnnualReviewQueries queries;
    private final PatientRegistry patients;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final AnnualReviews reviews;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    SharedDecisions(
            AnnualReviewQueries queries,
            PatientRegistry patients,
            AccessPolicy accessPolicy,
            AuditLog auditLog,
            AnnualReviews reviews,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.patients = patients;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.reviews = reviews;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** May the actor record decisions (role only; the patient is checked on each call)? */
    public boolean mayRecord(Actor actor) {
        return RECORDERS.contains(actor.role()) && accessPolicy.usesPatientData(actor);
    }

    public SharedDecision record(Actor actor, UUID patientId, SharedDecisionRequest r) {
        if (!mayRecord(actor)) {
            throw new AccessDeniedException("the care team records shared decisions");
        }
        requireAccess(actor, patientId, AuditAction.CREATE);
        ZoneId zone = patients.zoneOf(patientId).orElseThrow(() -> new NotFoundException("patient"));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate on = r.decidedOn() == null ? today : r.decidedOn();
        if (on.isAfter(today)) {
            throw new InvalidInputException("decidedOn", "The day of the decision is in the future.");
        }
        if (on.isBefore(today.minusYears(100))) {
            throw new InvalidInputException("decidedOn", "The day of the decision is more than 100 years ago.");
        }
        if (r.reviewId() != null
                && queries.review(r.reviewId())
                        .filter(rv -> rv.patientId().equals(patientId))
                        .isEmpty()) {
            throw new InvalidInputException("reviewId", "No annual review of this patient has this id.");
        }
        SharedDecision d = new SharedDecision(
                UUID.randomUUID(),
                patientId,
                r.reviewId(),
                on,
                required(r.planChange(), "planChange", "Say what changes in the plan."),
                required(r.optionsDiscussed(), "optionsDiscussed", "List the options discussed."),
                required(r.whatMatters(), "whatMatters", "Say what matters most to the patient."),
                required(r.choice(), "choice", "Record the patient's choice."),
                required(r.agreedBy(), "agreedBy", "Say who agreed (the patient or parent, and the clinician)."),
                clock.instant(),
                actor.username(),
                reviews.displayName(actor),
                null,
                null,
                null);
        queries.insertDecision(d);
        auditLog.record(
                AuditEvent.by(actor, AuditAction.CREATE, patientId, RESOURCE, d.id().toString(), AuditOutcome.SUCCESS));
        return d;
    }

    /** The patient's decisions, newest first, voided ones included (the patient, a parent or the centre team). */
    public List<SharedDecision> decisionsOf(Actor actor, UUID patientId) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level data");
        }
        requireAccess(actor, patientId, AuditAction.READ);
        auditLog.record(AuditEvent.by(actor, AuditAction.READ, patientId, RESOURCE, null, AuditOutcome.SUCCESS));
        return queries.decisionsOf(patientId);
    }

    public SharedDecision voidDecision(Actor actor, UUID decisionId, @Nullable String reason) {
        if (!mayRecord(actor)) {
            throw new AccessDeniedException("the care team voids shared decisions");
        }
        SharedDecision d = queries.decision(decisionId).orElseThrow(() -> new NotFoundException("shared decision"));
        requireAccess(actor, d.patientId(), AuditAction.VOID);
        String why = required(reason, "reason", "Say why the decision is voided.");
        if (!queries.voidDecision(decisionId, clock.instant(), actor.username(), why)) {
            throw new org.hemonet.shared.ConflictException("The decision is already voided.");
        }
        auditLog.record(AuditEvent.by(
                actor, AuditAction.VOID, d.patientId(), RESOURCE, decisionId.toString(), AuditOutcome.SUCCESS));
        return queries.decision(decisionId).orElseThrow();
    }

    private void requireAccess(Actor actor, UUID patientId, AuditAction action) {
        Optional<PatientScope> scope = patients.scopeOf(patientId);
        boolean allowed = scope.isPresent()
                && (action == AuditAction.READ
                        ? accessPolicy.mayRead(actor, scope.get())
                        : accessPolicy.mayWrite(actor, scope.get()));
        if (!allowed) {
            ownTransaction.executeWithoutResult(status ->
                    auditLog.record(AuditEvent.by(actor, action, patientId, RESOURCE, null, AuditOutcome.DENIED)));
            throw new NotFoundException("patient");
        }
    }

    private static String required(@Nullable String value, String field, String message) {
        String s = AnnualReviews.text(value, TEXT_MAX, field);
        if (s == null) {
            throw new InvalidInputException(field, message);
        }
        return s;
    }
}
