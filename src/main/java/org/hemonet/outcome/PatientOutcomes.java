package org.hemonet.outcome;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.ScheduledDoses;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A patient's outcome measures for a period, from the stored diary (clinical.md §4). Reads are audited; a patient the
 * actor may not see is audited as denied and reported as not found.
 */
@Service
public class PatientOutcomes {

    private final PatientRegistry patients;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final BleedDiary diary;
    private final ScheduledDoses schedule;
    private final Clock clock;

    PatientOutcomes(
            PatientRegistry patients,
            AccessPolicy accessPolicy,
            AuditLog auditLog,
            BleedDiary diary,
            ScheduledDoses schedule,
            Clock clock) {
        this.patients = patients;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.diary = diary;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * The outcomes from {@code from} to {@code to} (both included) in the patient's own time zone; without dates, the
     * 12 months ending today there.
     */
    public OutcomeReport outcomes(Actor actor, UUID patientId, @Nullable LocalDate from, @Nullable LocalDate to) {
        PatientSummary patient = require(actor, patientId, "Outcomes");
        ZoneId zone = patient.timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        to = to != null ? to : today;
        from = from != null ? from : to.minusYears(1).plusDays(1);
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "The end of the period is before its start.");
        }
        if (from.isBefore(to.minusYears(100))) {
            throw new InvalidInputException("from", "The period is at most 100 years.");
        }
        BleedDiary.DiaryFacts entries = diary.factsOf(patientId);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        OutcomeReport report = OutcomeEngine.compute(new OutcomeEngine.Input(
                zone,
                from,
                to,
                today,
                null,
                entries.bleeds(),
                entries.infusions(),
                schedule.dosesBetween(patientId, start, end),
                schedule.prophylaxisPeriods(patientId),
                weightsOf(patient)));
        auditLog.patientAccess(AuditAction.READ, patientId, "Outcomes", null, AuditOutcome.SUCCESS);
        return report;
    }

    /**
     * The patient if the actor may see them (the outcome API and pages): 403 for roles that see no patient-level data
     * (aggregate roles, admins), an audited 404 for a patient of another centre or an unknown id.
     */
    public PatientSummary require(Actor actor, UUID patientId, String resourceType) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level data");
        }
        return patients.find(actor, patientId).orElseThrow(() -> {
            auditLog.patientAccess(AuditAction.READ, patientId, resourceType, null, AuditOutcome.DENIED);
            return new NotFoundException("patient");
        });
    }

    /** The body weights the engine divides factor use by: the registry's latest weight, or none. */
    public static NavigableMap<LocalDate, BigDecimal> weightsOf(PatientSummary patient) {
        NavigableMap<LocalDate, BigDecimal> weights = new TreeMap<>();
        if (patient.weightKg() != null && patient.weighedOn() != null) {
            weights.put(patient.weighedOn(), patient.weightKg());
        }
        return weights;
    }
}
