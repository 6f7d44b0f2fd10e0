package org.hemonet.web;

import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The gate of every patient-level page in the shell (security.md §2, §6): aggregate roles and administrators are
 * refused (403); a patient the actor may not see is reported exactly like an unknown id (404) after a DENIED audit
 * event, which commits because it is written outside any transaction of the page.
 */
@Component
class PatientPages {

    private final CurrentActor currentActor;
    private final PatientRegistry patients;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;

    PatientPages(CurrentActor currentActor, PatientRegistry patients, AccessPolicy accessPolicy, AuditLog auditLog) {
        this.currentActor = currentActor;
        this.patients = patients;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
    }

    /** The patient, if the current actor may see them; {@code resourceType} names the page in the audit trail. */
    /** The patient's own time zone (issue 19), in which their pages read and show local times; UTC if unknown. */
    java.time.ZoneId zoneOf(UUID patientId) {
        return patients.zoneOf(patientId).orElse(java.time.ZoneOffset.UTC);
    }

    PatientSummary require(UUID patientId, String resourceType) {
        Actor actor = currentActor.require();
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level page");
        }
        return patients.find(actor, patientId).orElseThrow(() -> {
            auditLog.patientAccess(AuditAction.READ, patientId, resourceType, null, AuditOutcome.DENIED);
            return new NotFoundException("patient");
        });
    }
}
