package org.hemonet.outcome;

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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A patient's outcome measures for a period, from the stored diary (clinical.md §4). Reads are audited; a patient the
 * actor may not see is audited as denied and reported as not found.
 */
@Service
public class PatientOutcomes {

    /**
     * The patients' time zone. The registry stores one per patient but does not expose it yet; every demo patient is
     * in the UK.
     */
    static final ZoneId ZONE = ZoneId.of("Europe/London");

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

    public OutcomeReport outcomes(Actor actor, UUID patientId, LocalDate from, LocalDate to) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level data");
        }
        PatientSummary patient = patients.find(actor, patientId).orElse(null);
        if (patient == null) {
            auditLog.patientAccess(AuditAction.READ, patientId, "Outcomes", null, AuditOutcome.DENIED);
            throw new NotFoundException("patient");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "The end of the period is before its start.");
        }
        if (from.isBefore(to.minusYears(100))) {
            throw new InvalidInputException("from", "The period is at most 100 years.");
        }
        BleedDiary.DiaryFacts entries = diary.factsOf(patientId);
        NavigableMap<LocalDate, java.math.BigDecimal> weights = new TreeMap<>();
        if (patient.weightKg() != null && patient.weighedOn() != null) {
            weights.put(patient.weighedOn(), patient.weightKg());
        }
        Instant start = from.atStartOfDay(ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
        OutcomeReport report = OutcomeEngine.compute(new OutcomeEngine.Input(
                ZONE,
                from,
                to,
                LocalDate.now(clock.withZone(ZONE)),
                null,
                entries.bleeds(),
                entries.infusions(),
                schedule.dosesBetween(patientId, start, end),
                schedule.prophylaxisPeriods(patientId),
                weights));
        auditLog.patientAccess(AuditAction.READ, patientId, "Outcomes", null, AuditOutcome.SUCCESS);
        return report;
    }
}
