package org.hemonet.pathway;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.pathway.internal.JointClinicQueries;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint transition clinics (issue 17, clinical.md §10): before the hand-over the paediatric and adult teams see the
 * young person together. The centre's clinicians and nurses record the dates (with the adult centre taking part),
 * cancel them (never deleted); the patient, a parent and the team read them; the transition report shows each young
 * person's next one. Audited; another centre's patient is 404.
 */
@Service
@Transactional
public class JointClinics {

    static final String RESOURCE = "JointClinic";
    static final Set<String> SCHEDULERS = Set.of("CLINICIAN", "NURSE");

    private final JointClinicQueries queries;
    private final PatientRegistry patients;
    private final CentreDirectory centres;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

    JointClinics(
            JointClinicQueries queries,
            PatientRegistry patients,
            CentreDirectory centres,
            AccessPolicy accessPolicy,
            AuditLog auditLog,
            Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.queries = queries;
        this.patients = patients;
        this.centres = centres;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public boolean maySchedule(Actor actor) {
        return SCHEDULERS.contains(actor.role());
    }

    /** Records a joint clinic on {@code clinicOn} (within two years either side of today, the patient's day). */
    public JointClinic schedule(
            Actor actor,
            UUID patientId,
            @Nullable LocalDate clinicOn,
            @Nullable UUID adultCentreId,
            @Nullable String note) {
        if (!maySchedule(actor)) {
            throw new AccessDeniedException("the centre's clinicians and nurses record joint clinics");
        }
        requireAccess(actor, patientId, AuditAction.CREATE);
        if (clinicOn == null) {
            throw new InvalidInputException("clinicOn", "Give the date of the joint clinic.");
        }
        ZoneId zone = patients.zoneOf(patientId).orElseThrow(() -> new NotFoundException("patient"));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (clinicOn.isBefore(today.minusYears(2)) || clinicOn.isAfter(today.plusYears(2))) {
            throw new InvalidInputException("clinicOn", "A joint clinic is within two years of today.");
        }
        if (adultCentreId != null && centres.centre(adultCentreId).isEmpty()) {
            throw new InvalidInputException("adultCentreId", "No centre has this id.");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 1000) {
            throw new InvalidInputException("note", "At most 1000 characters.");
        }
        JointClinic clinic = new JointClinic(
                UUID.randomUUID(),
                patientId,
                clinicOn,
                adultCentreId,
                text,
                clock.instant(),
                actor.username(),
                null,
                null);
        queries.insert(clinic);
        auditLog.record(AuditEvent.by(
                actor, AuditAction.CREATE, patientId, RESOURCE, clinic.id().toString(), AuditOutcome.SUCCESS));
        return clinic;
    }

    /** The patient's joint clinics, soonest first, cancelled ones included. */
    public List<JointClinic> clinicsOf(Actor actor, UUID patientId) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level data");
        }
        requireAccess(actor, patientId, AuditAction.READ);
        auditLog.record(AuditEvent.by(actor, AuditAction.READ, patientId, RESOURCE, null, AuditOutcome.SUCCESS));
        return queries.ofPatient(patientId);
    }

    public JointClinic cancel(Actor actor, UUID clinicId) {
        if (!maySchedule(actor)) {
            throw new AccessDeniedException("the centre's clinicians and nurses cancel joint clinics");
        }
        JointClinic clinic = queries.find(clinicId).orElseThrow(() -> new NotFoundException("joint clinic"));
        requireAccess(actor, clinic.patientId(), AuditAction.UPDATE);
        if (!queries.cancel(clinicId, clock.instant(), actor.username())) {
            throw new ConflictException("The joint clinic is already cancelled.");
        }
        auditLog.record(AuditEvent.by(
                actor, AuditAction.UPDATE, clinic.patientId(), RESOURCE, clinicId.toString(), AuditOutcome.SUCCESS));
        return queries.find(clinicId).orElseThrow();
    }

    /** Each patient's next joint clinic from {@code from} (for the transition report, whose caller checked access). */
    Map<UUID, LocalDate> next(Collection<UUID> patientIds, LocalDate from) {
        return queries.next(patientIds, from);
    }

    private void requireAccess(Actor actor, UUID patientId, AuditAction action) {
        boolean visible = patients.scopeOf(patientId)
                .filter(s -> accessPolicy.mayRead(actor, s))
                .isPresent();
        if (!visible) {
            // the refusal is kept although the caller's transaction rolls back
            ownTransaction.executeWithoutResult(status ->
                    auditLog.record(AuditEvent.by(actor, action, patientId, RESOURCE, null, AuditOutcome.DENIED)));
            throw new NotFoundException("patient");
        }
    }
}
