package org.hemonet.genetherapy;

import java.util.Optional;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may read and write the module's records (security.md §1–§6): the patient's centre team writes; the team, the
 * patient and a parent read; aggregate roles and admins get 403; anyone else 404 as for an unknown patient, the refusal
 * audited in its own transaction so that it survives the failed request.
 */
@Component
class GeneTherapyAccess {

    private final PatientRegistry patients;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final TransactionTemplate ownTransaction;

    GeneTherapyAccess(
            PatientRegistry patients,
            AccessPolicy accessPolicy,
            AuditLog auditLog,
            PlatformTransactionManager transactions) {
        this.patients = patients;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    PatientSummary write(Actor actor, UUID patientId, String resource) {
        if (!accessPolicy.usesPatientData(actor) || !Role.of(actor.role()).isCentreStaff()) {
            throw new AccessDeniedException("centre staff only");
        }
        PatientScope scope = visible(actor, patientId, AuditAction.CREATE, resource);
        if (!accessPolicy.mayWrite(actor, scope)) {
            deny(actor, patientId, AuditAction.CREATE, resource);
        }
        return patients.summaryOf(patientId).orElseThrow(() -> new NotFoundException("patient"));
    }

    PatientSummary read(Actor actor, UUID patientId, String resource) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level data");
        }
        visible(actor, patientId, AuditAction.READ, resource);
        return patients.summaryOf(patientId).orElseThrow(() -> new NotFoundException("patient"));
    }

    void requireCentreStaff(Actor actor) {
        if (!accessPolicy.usesPatientData(actor) || !Role.of(actor.role()).isCentreStaff()) {
            throw new AccessDeniedException("centre staff only");
        }
    }

    void audit(Actor actor, AuditAction action, UUID patientId, String resource, UUID id) {
        auditLog.record(AuditEvent.by(actor, action, patientId, resource, id.toString(), AuditOutcome.SUCCESS));
    }

    private PatientScope visible(Actor actor, UUID patientId, AuditAction action, String resource) {
        Optional<PatientScope> scope = patients.scopeOf(patientId);
        if (scope.isEmpty() || !accessPolicy.mayRead(actor, scope.get())) {
            deny(actor, patientId, action, resource);
        }
        return scope.orElseThrow();
    }

    private void deny(Actor actor, UUID patientId, AuditAction action, String resource) {
        ownTransaction.executeWithoutResult(status ->
                auditLog.record(AuditEvent.by(actor, action, patientId, resource, null, AuditOutcome.DENIED)));
        throw new NotFoundException("patient");
    }
}
