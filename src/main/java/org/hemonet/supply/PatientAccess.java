package org.hemonet.supply;

import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The supply module's gate to patient data (security.md §2, §6, §13): aggregate roles and admins get 403; an actor
 * the access policy refuses gets the same 404 as an unknown id, and a DENIED audit event that commits on its own so it
 * survives the failed request.
 */
@Component
class PatientAccess {

    private final PatientRegistry patients;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final TransactionTemplate ownTransaction;

    PatientAccess(
            PatientRegistry patients, AccessPolicy policy, AuditLog audit, PlatformTransactionManager transactions) {
        this.patients = patients;
        this.policy = policy;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The patient's scope if the actor may read it; otherwise 403 (role) or 404 with a DENIED event. */
    PatientScope read(Actor actor, UUID patientId, AuditAction action, String resourceType) {
        if (!policy.usesPatientData(actor)) {
            throw new AccessDeniedException("aggregate role");
        }
        PatientScope scope = patients.scopeOf(patientId).orElse(null);
        if (scope == null || !policy.mayRead(actor, scope)) {
            denied(actor, action, patientId, resourceType);
            throw new NotFoundException("Patient");
        }
        return scope;
    }

    /** 403 for aggregate roles and admins, before anything about a record is looked up. */
    void requirePatientData(Actor actor) {
        if (!policy.usesPatientData(actor)) {
            throw new AccessDeniedException("aggregate role");
        }
    }

    /** As {@link #read}, for a change: only clinicians and nurses of the patient's centres prescribe and order. */
    PatientScope prescribe(Actor actor, UUID patientId, AuditAction action, String resourceType) {
        Role role = Role.of(actor.role());
        if (role != Role.CLINICIAN && role != Role.NURSE) {
            throw new AccessDeniedException("not a prescriber");
        }
        PatientScope scope = patients.scopeOf(patientId).orElse(null);
        if (scope == null || !policy.mayWrite(actor, scope)) {
            denied(actor, action, patientId, resourceType);
            throw new NotFoundException("Patient");
        }
        return scope;
    }

    /** Records an event that must stay even though the request fails (denied, or allowed but invalid). */
    void recordCommitted(
            Actor actor,
            AuditAction action,
            UUID patientId,
            String resourceType,
            @Nullable String resourceId,
            AuditOutcome outcome) {
        ownTransaction.executeWithoutResult(
                status -> audit.record(AuditEvent.by(actor, action, patientId, resourceType, resourceId, outcome)));
    }

    private void denied(Actor actor, AuditAction action, UUID patientId, String resourceType) {
        recordCommitted(actor, action, patientId, resourceType, null, AuditOutcome.DENIED);
    }
}
