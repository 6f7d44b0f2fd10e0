package org.hemonet.lab;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.identity.Role;
import org.hemonet.lab.internal.LabQueries;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A patient's laboratory results (issue 21). Centre staff enter or import them; the patient's centre team, the patient
 * and a parent read them. Every read and write is audited on the patient ({@value #RESOURCE}); another centre's
 * patient is 404 as an unknown one, the refusal audited. A new result is handed to every {@link LabResultChecks} in the
 * same transaction and comes back with what they found.
 */
@Service
@Transactional
public class LabResults {

    public static final String RESOURCE = "LabResult";

    /** The largest value accepted in any unit (a typo guard, not a clinical limit). */
    static final BigDecimal MAX_VALUE = new BigDecimal("100000");

    static final int MAX_IMPORT_ROWS = 2000;

    private final LabQueries queries;
    private final PatientRegistry patients;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final ObjectProvider<LabResultChecks> checks;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    LabResults(
            LabQueries queries,
            PatientRegistry patients,
            AccessPolicy accessPolicy,
            AuditLog auditLog,
            ObjectProvider<LabResultChecks> checks,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.patients = patients;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.checks = checks;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A stored result and what the checks found in it. */
    public record Recorded(LabResult result, LabResultChecks.Findings findings) {}

    /** Records a result entered by staff (400 naming the field for bad input; patients 403). */
    public Recorded record(Actor actor, UUID patientId, LabResultRequest request) {
        PatientSummary patient = requireStaffWrite(actor, patientId);
        LabResult result = validated(actor, patient, request, "STAFF");
        return store(actor, result);
    }

    /**
     * Imports results from CSV with the header {@code analyte,method,value,unit,sampledOn} (and optionally {@code
     * referenceLow,referenceHigh,laboratory}): all rows or none; a bad row is a 400 naming its line and field.
     */
    public List<Recorded> importCsv(Actor actor, UUID patientId, Reader csv) {
        PatientSummary patient = requireStaffWrite(actor, patientId);
        List<LabResult> results = new ArrayList<>();
        try {
            Iterable<CSVRecord> records = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .setIgnoreEmptyLines(true)
                    .get()
                    .parse(csv);
            for (CSVRecord r : records) {
                if (results.size() >= MAX_IMPORT_ROWS) {
                    throw new InvalidInputException("file", "At most " + MAX_IMPORT_ROWS + " results at once.");
                }
                String line = "line " + (r.getRecordNumber() + 1) + ": ";
                try {
                    LabResultRequest request = new LabResultRequest(
                            enumOf(Analyte.class, get(r, "analyte"), "analyte"),
                            enumOf(AssayMethod.class, get(r, "method"), "method"),
                            decimalOf(get(r, "value"), "value"),
                            get(r, "unit"),
                            dateOf(get(r, "sampledOn")),
                            decimalOf(get(r, "referenceLow"), "referenceLow"),
                            decimalOf(get(r, "referenceHigh"), "referenceHigh"),
                            get(r, "laboratory"));
                    results.add(validated(actor, patient, request, "IMPORT"));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(e.field(), line + e.getMessage());
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("file", "Not a CSV file with the expected header.");
        }
        if (results.isEmpty()) {
            throw new InvalidInputException("file", "The file holds no results.");
        }
        return results.stream().map(r -> store(actor, r)).toList();
    }

    /** The patient's valid results, oldest sample first; one analyte or all (audited). */
    public List<LabResult> list(Actor actor, UUID patientId, @Nullable Analyte analyte) {
        requireRead(actor, patientId);
        List<LabResult> results = queries.ofPatient(patientId, analyte).stream()
                .filter(r -> !r.isVoided())
                .toList();
        auditLog.record(AuditEvent.by(actor, AuditAction.READ, patientId, RESOURCE, null, AuditOutcome.SUCCESS));
        return results;
    }

    /** Voids a wrong result with a reason; it stays stored (CONVENTIONS rule 4). Voiding twice is a conflict. */
    public LabResult voidResult(Actor actor, UUID patientId, UUID resultId, @Nullable String reason) {
        requireStaffWrite(actor, patientId);
        LabResult result = queries.find(resultId)
                .filter(r -> r.patientId().equals(patientId))
                .orElseThrow(() -> new NotFoundException("lab result"));
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "Say why the result is voided (at most 500 characters).");
        }
        if (!queries.voidResult(resultId, actor.username(), clock.instant(), reason.strip())) {
            throw new ConflictException("This result is already voided.");
        }
        auditLog.record(
                AuditEvent.by(actor, AuditAction.VOID, patientId, RESOURCE, resultId.toString(), AuditOutcome.SUCCESS));
        return queries.find(resultId).orElseThrow();
    }

    /**
     * The patient's valid results of one analyte, oldest first, without an access check or an audit event: for
     * modules that checked access and audit their own read (the gene therapy follow-up).
     */
    @Transactional(readOnly = true)
    public List<LabResult> resultsOf(UUID patientId, Analyte analyte) {
        return queries.ofPatient(patientId, analyte).stream()
                .filter(r -> !r.isVoided())
                .toList();
    }

    /** As {@link #resultsOf(UUID, Analyte)} for many patients at once (a centre's list). */
    @Transactional(readOnly = true)
    public List<LabResult> resultsOf(java.util.Collection<UUID> patientIds, java.util.Collection<Analyte> analytes) {
        return queries.ofPatients(patientIds, analytes);
    }

    public Optional<LabResult> find(UUID resultId) {
        return queries.find(resultId);
    }

    private Recorded store(Actor actor, LabResult result) {
        queries.insert(result);
        auditLog.record(AuditEvent.by(
                actor,
                AuditAction.CREATE,
                result.patientId(),
                RESOURCE,
                result.id().toString(),
                AuditOutcome.SUCCESS));
        List<LabResultChecks.Alert> alerts = new ArrayList<>();
        List<LabResultChecks.Recommendation> recommendations = new ArrayList<>();
        checks.orderedStream().forEach(check -> {
            LabResultChecks.Findings found = check.check(actor, result);
            alerts.addAll(found.alerts());
            recommendations.addAll(found.recommendations());
        });
        return new Recorded(result, new LabResultChecks.Findings(List.copyOf(alerts), List.copyOf(recommendations)));
    }

    private LabResult validated(Actor actor, PatientSummary patient, LabResultRequest r, String source) {
        Analyte analyte = r.analyte();
        if (analyte == null) {
            throw new InvalidInputException(
                    "analyte", "Choose the analyte: FVIII_ACTIVITY, FIX_ACTIVITY, ALT, AST or ANTITHROMBIN.");
        }
        if (analyte.isFactorActivity() && r.method() == null) {
            throw new InvalidInputException(
                    "method", "Say how factor activity was measured: ONE_STAGE or CHROMOGENIC.");
        }
        BigDecimal value = r.value();
        if (value == null) {
            throw new InvalidInputException("value", "A value is required.");
        }
        if (value.signum() < 0 || value.compareTo(MAX_VALUE) > 0 || value.scale() > 3) {
            throw new InvalidInputException("value", "The value must be 0 to 100000, with at most 3 decimals.");
        }
        if (r.unit() == null || r.unit().isBlank()) {
            throw new InvalidInputException("unit", "A unit is required: one of " + analyte.units() + ".");
        }
        String unit = r.unit().strip();
        BigDecimal factor = analyte.toCanonical(unit);
        if (factor == null) {
            throw new InvalidInputException(
                    "unit", "The unit " + unit + " is not one of " + analyte.units() + " for " + analyte + ".");
        }
        LocalDate sampledOn = r.sampledOn();
        if (sampledOn == null) {
            throw new InvalidInputException("sampledOn", "The sampling date is required.");
        }
        LocalDate today = LocalDate.now(clock.withZone(patient.timeZone()));
        if (sampledOn.isAfter(today)) {
            throw new InvalidInputException("sampledOn", "The sample cannot be taken in the future.");
        }
        if (sampledOn.isBefore(patient.dateOfBirth())) {
            throw new InvalidInputException("sampledOn", "The sample cannot be taken before the patient was born.");
        }
        BigDecimal low = r.referenceLow() == null ? null : canonical(r.referenceLow(), factor, "referenceLow");
        BigDecimal high = r.referenceHigh() == null ? null : canonical(r.referenceHigh(), factor, "referenceHigh");
        if (low != null && high != null && low.compareTo(high) > 0) {
            throw new InvalidInputException("referenceLow", "The reference range's low end is above its high end.");
        }
        if (low == null && high == null) {
            low = analyte.defaultLow();
            high = analyte.defaultHigh();
        }
        if (r.laboratory() != null && r.laboratory().strip().length() > 120) {
            throw new InvalidInputException("laboratory", "At most 120 characters.");
        }
        BigDecimal canonicalValue =
                value.multiply(factor).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return new LabResult(
                UUID.randomUUID(),
                patient.id(),
                analyte,
                r.method(),
                value.stripTrailingZeros(),
                unit,
                canonicalValue,
                analyte.canonicalUnit(),
                low,
                high,
                flag(canonicalValue, low, high),
                sampledOn,
                source,
                r.laboratory() == null || r.laboratory().isBlank()
                        ? null
                        : r.laboratory().strip(),
                actor.username(),
                Instant.now(clock),
                null,
                null);
    }

    private static BigDecimal canonical(BigDecimal value, BigDecimal factor, String field) {
        if (value.signum() < 0 || value.compareTo(MAX_VALUE) > 0) {
            throw new InvalidInputException(field, "A reference limit must be 0 to 100000.");
        }
        return value.multiply(factor).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static String flag(BigDecimal value, @Nullable BigDecimal low, @Nullable BigDecimal high) {
        if (high != null && value.compareTo(high) > 0) {
            return "HIGH";
        }
        if (low != null && value.compareTo(low) < 0) {
            return "LOW";
        }
        return "NORMAL";
    }

    // ---- access ------------------------------------------------------------------------------------------------

    /** Centre staff of the patient's centres; patients and others 403; another centre's patient 404 (audited). */
    private PatientSummary requireStaffWrite(Actor actor, UUID patientId) {
        if (!accessPolicy.usesPatientData(actor) || !Role.of(actor.role()).isCentreStaff()) {
            throw new AccessDeniedException("centre staff enter laboratory results");
        }
        PatientScope scope = visible(actor, patientId, AuditAction.CREATE);
        if (!accessPolicy.mayWrite(actor, scope)) {
            deny(actor, patientId, AuditAction.CREATE);
        }
        return patients.summaryOf(patientId).orElseThrow(() -> new NotFoundException("patient"));
    }

    private void requireRead(Actor actor, UUID patientId) {
        if (!accessPolicy.usesPatientData(actor)) {
            throw new AccessDeniedException("patient-level data");
        }
        visible(actor, patientId, AuditAction.READ);
    }

    private PatientScope visible(Actor actor, UUID patientId, AuditAction action) {
        Optional<PatientScope> scope = patients.scopeOf(patientId);
        if (scope.isEmpty() || !accessPolicy.mayRead(actor, scope.get())) {
            deny(actor, patientId, action);
        }
        return scope.orElseThrow();
    }

    private void deny(Actor actor, UUID patientId, AuditAction action) {
        ownTransaction.executeWithoutResult(status ->
                auditLog.record(AuditEvent.by(actor, action, patientId, RESOURCE, null, AuditOutcome.DENIED)));
        throw new NotFoundException("patient");
    }

    // ---- CSV cells -------------------------------------------------------------------------------------------------

    private static @Nullable String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String value = r.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Unknown " + field + ": " + value + ".");
        }
    }

    private static @Nullable BigDecimal decimalOf(@Nullable String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Not a number: " + value + ".");
        }
    }

    private static @Nullable LocalDate dateOf(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("sampledOn", "Not a date (yyyy-mm-dd): " + value + ".");
        }
    }
}
