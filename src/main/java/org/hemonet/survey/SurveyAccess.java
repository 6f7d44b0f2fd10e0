package org.hemonet.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may reach a patient's surveys (security.md §1–§6, as the other modules): the accounts holding the record and the
 * staff of the centres caring for the patient. Anyone else is audited as DENIED and answered like an unknown id (404);
 * roles without patient-level data are refused (403).
 */
@Component
class SurveyAccess {

    static final String RESOURCE = "SurveyResponse";

    private final PatientRegistry patients;
    private final AccessPolicy accessPolicy;
    private final AuditLog audit;
    private final Clock clock;

    SurveyAccess(PatientRegistry patients, AccessPolicy accessPolicy, AuditLog audit, Clock clock) {
        this.patients = patients;
        this.accessPolicy = accessPolicy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The patient's scope if the actor may read (or, for writes, write) their record; else 403 or 404. */
    PatientScope require(Actor actor, UUID patientId, AuditAction action) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("Surveys are patient-level data");
        }
        boolean write = action != AuditAction.READ && action != AuditAction.SEARCH;
        return patients.scopeOf(patientId)
                .filter(scope -> write ? accessPolicy.mayWrite(actor, scope) : accessPolicy.mayRead(actor, scope))
                .orElseThrow(() -> {
                    audit.record(AuditEvent.by(actor, action, patientId, RESOURCE, null, AuditOutcome.DENIED));
                    return new NotFoundException("patient");
                });
    }

    /** As {@link #require}, and the actor is staff of a centre caring for the patient (schedules). */
    PatientScope requireStaff(Actor actor, UUID patientId, AuditAction action) {
        PatientScope scope = require(actor, patientId, action);
        if (isPatientSide(actor)) {
            throw new AccessDeniedException("Only the centre's team schedules surveys");
        }
        return scope;
    }

    void success(Actor actor, AuditAction action, UUID patientId, @Nullable Object resourceId) {
        audit.record(AuditEvent.by(
                actor,
                action,
                patientId,
                RESOURCE,
                resourceId == null ? null : resourceId.toString(),
                AuditOutcome.SUCCESS));
    }

    static boolean isPatientSide(Actor actor) {
        return "PATIENT".equals(actor.role());
    }

    /** The centres whose licensed instruments a patient may answer: where they are registered or in shared care. */
    static Set<UUID> careCentres(PatientScope scope) {
        Set<UUID> centres = new HashSet<>(scope.sharedCareCentreIds());
        centres.add(scope.registeredCentreId());
        return centres;
    }

    @Nullable
    PatientScope scopeOf(UUID patientId) {
        return patients.scopeOf(patientId).orElse(null);
    }

    ZoneId zoneOf(UUID patientId) {
        return patients.zoneOf(patientId).orElse(ZoneId.of("UTC"));
    }

    LocalDate today(UUID patientId) {
        return LocalDate.now(clock.withZone(zoneOf(patientId)));
    }
}
