package org.hemonet.interchange;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.Infusion;
import org.hemonet.identity.Role;
import org.hemonet.interchange.ImportFile.InfusionRow;
import org.hemonet.interchange.ImportFile.InhibitorRow;
import org.hemonet.interchange.ImportFile.PatientRow;
import org.hemonet.interchange.ImportFile.PlanRow;
import org.hemonet.interchange.ImportFile.Row;
import org.hemonet.patient.NewInhibitorTest;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.supply.Prescription;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a centre's registry file (issue 15; columns in docs/import.md). Three steps:
 *
 * <ol>
 *   <li>each row is read on its own ({@link ImportFile}: types, formats, the catalogue);
 *   <li>rows are checked against each other and the stored registry: a patient number registered twice, a row for a
 *       number no {@code PATIENT} row registers and the centre does not know, an infusion in the future or before
 *       the patient's birth;
 *   <li>the rows are written through the registry, plan and diary modules — with their own rules and audit — in one
 *       transaction, each patient's rows under a savepoint so that a rule a module refuses is reported against its
 *       line and the next patient is still checked.
 * </ol>
 *
 * Any error, or a dry run, rolls the whole transaction back: the file is imported completely or not at all, and a dry
 * run reports exactly what a real run would refuse. Re-importing a file changes nothing: patients are found by the
 * centre's own patient number (their MRN at the centre), a Bethesda result or plan equal to a stored one is left, and
 * an infusion's id is derived from the patient number, time, product and dose so that the diary stores it once.
 *
 * <p>Who: a network administrator (onboarding a centre) or a clinician of the centre. The modules are called as a
 * clinician of that centre acting for the importing account, so every audit event names that account.
 */
@Service
public class RegistryImport {

    private final PatientRegistry registry;
    private final TreatmentPlans plans;
    private final BleedDiary diary;
    private final ProductCatalogue catalogue;
    private final CentreDirectory centres;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    RegistryImport(
            PatientRegistry registry,
            TreatmentPlans plans,
            BleedDiary diary,
            ProductCatalogue catalogue,
            CentreDirectory centres,
            AuditLog auditLog,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.registry = registry;
        this.plans = plans;
        this.diary = diary;
        this.catalogue = catalogue;
        this.centres = centres;
        this.auditLog = auditLog;
        this.transaction = new TransactionTemplate(transactionManager);
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** Refuses (403) anyone but an administrator or a clinician of the centre; 400 naming centreId if unknown. */
    public Centre authorize(Actor actor, @Nullable UUID centreId) {
        Role role = Role.of(actor.role());
        boolean allowed = role == Role.ADMIN
                || (role == Role.CLINICIAN && actor.centreIds().contains(centreId));
        if (!allowed) {
            auditLog.record(AuditEvent.by(
                    actor, AuditAction.CREATE, null, "RegistryImport", String.valueOf(centreId), AuditOutcome.DENIED));
            throw new AccessDeniedException("Only an administrator or a clinician of the centre may import.");
        }
        if (centreId == null) {
            throw new InvalidInputException("centreId", "Choose the centre to import into.");
        }
        return centres.centre(centreId)
                .orElseThrow(() -> new InvalidInputException("centreId", "No centre has this id."));
    }

    /** A centre by its code (the command line names centres by code). */
    public @Nullable UUID centreByCode(String code) {
        return centres.centres().stream()
                .filter(c -> c.code().equalsIgnoreCase(code.strip()))
                .map(Centre::id)
                .findFirst()
                .orElse(null);
    }

    /** Reads, checks and (unless {@code dryRun} or anything is wrong) imports the file; see the class comment. */
    public ImportResult run(Actor actor, UUID centreId, Reader file, boolean dryRun, ImportProgress progress) {
        long started = System.nanoTime();
        Centre centre = authorize(actor, centreId);
        Map<String, @Nullable Product> byKey = new HashMap<>();
        for (Product p : catalogue.products()) {
            byKey.put(p.id().toString(), p);
            byKey.put(p.brandName().toLowerCase(Locale.ROOT), p);
        }
        ImportFile.Contents contents =
                new ImportFile(key -> byKey.get(key.toLowerCase(Locale.ROOT))).read(file, progress);
        Run run = new Run(importer(actor, centreId), centre, contents);
        run.check(progress);
        // written even when rows were refused already, so that the modules' own rules report their rows too; any
        // error, or a dry run, rolls it all back
        transaction.executeWithoutResult(status -> {
            run.write(progress);
            if (dryRun || !run.errors.isEmpty()) {
                status.setRollbackOnly();
            }
        });
        boolean ok = run.errors.isEmpty();
        auditLog.record(AuditEvent.by(
                actor,
                AuditAction.CREATE,
                null,
                dryRun ? "RegistryImportDryRun" : "RegistryImport",
                centreId.toString(),
                ok ? AuditOutcome.SUCCESS : AuditOutcome.FAILED));
        progress.at(ImportPhase.DONE, contents.rowCount(), contents.rowCount());
        List<ImportError> errors = run.errors.stream().sorted().toList();
        return new ImportResult(
                dryRun,
                contents.rowCount(),
                ok ? run.imported() : 0,
                ok ? run.unchanged : 0,
                errors,
                ok ? run.patients : 0,
                ok ? run.inhibitorTests : 0,
                ok ? run.planCount : 0,
                ok ? run.infusions : 0,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The modules' rules are a clinician's of the centre; the audit names the importing account. */
    private static Actor importer(Actor actor, UUID centreId) {
        return new Actor(actor.accountId(), actor.username(), Role.CLINICIAN.name(), Set.of(centreId), Set.of());
    }

    /** The infusion's id: the same patient number, time, product and dose give the same id on every import. */
    static UUID infusionId(UUID centreId, String number, Instant at, UUID productId, BigDecimal dose) {
        String key = "hemonet-import:%s:%s:%s:%s:%s"
                .formatted(
                        centreId,
                        number,
                        at,
                        productId,
                        dose.stripTrailingZeros().toPlainString());
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The field names of the modules' validation, as the file's columns. */
    private static String column(@Nullable String field) {
        if (field == null) {
            return ImportFile.RECORD;
        }
        if (ImportFile.COLUMNS.contains(field)) {
            return field;
        }
        return switch (field) {
            case "givenName" -> ImportFile.GIVEN_NAME;
            case "familyName" -> ImportFile.FAMILY_NAME;
            case "dateOfBirth" -> ImportFile.BIRTH_DATE;
            case "nationalId", "nationalIdScheme" -> ImportFile.NHS_NUMBER;
            case "diagnosis.baselineFactorLevelIuPerDl" -> ImportFile.BASELINE_LEVEL;
            case "diagnosis.measuredOn" -> ImportFile.BASELINE_MEASURED_ON;
            case "weightKg" -> ImportFile.WEIGHT_KG;
            case "residualActivityPercent" -> ImportFile.RESIDUAL;
            case "dilution" -> ImportFile.DILUTION;
            case "sampledOn", "validFrom" -> ImportFile.DATE;
            case "productId", "bleedProductId" -> ImportFile.PRODUCT;
            case "dosePerKg" -> ImportFile.DOSE_PER_KG;
            case "scheduleInterval" -> ImportFile.SCHEDULE_INTERVAL;
            case "doseTime" -> ImportFile.DOSE_TIME;
            case "mrn" -> ImportFile.PATIENT_NUMBER;
            default -> field.contains("inhibitorTests") ? ImportFile.RESIDUAL : field.toLowerCase(Locale.ROOT);
        };
    }

    /** One import: its rows grouped by patient number, the errors found, what was written. */
    private final class Run {

        private final Actor importer;
        private final Centre centre;
        private final List<ImportError> errors;
        private final Set<String> badPatients;
        private final Map<String, PatientRow> newPatients = new LinkedHashMap<>();
        private final Map<String, List<Row>> rowsOf = new LinkedHashMap<>();
        private Map<String, UUID> stored = Map.of();
        private final Map<String, ZoneId> zones = new HashMap<>();
        private int unchanged;
        private int patients;
        private int inhibitorTests;
        private int planCount;
        private int infusions;

        Run(Actor importer, Centre centre, ImportFile.Contents contents) {
            this.importer = importer;
            this.centre = centre;
            this.errors = new ArrayList<>(contents.errors());
            this.badPatients = contents.badPatients();
            for (Row row : contents.rows()) {
                rowsOf.computeIfAbsent(row.number(), n -> new ArrayList<>()).add(row);
            }
        }

        int imported() {
            return patients + inhibitorTests + planCount + infusions;
        }

        private void error(Row row, String column, String message) {
            errors.add(new ImportError(row.line(), column, message));
        }

        /** Step 2: rows against each other and the stored registry. */
        void check(ImportProgress progress) {
            stored = registry.patientsByRecordNumber(centre.id(), rowsOf.keySet());
            Instant latest = clock.instant().plus(BleedDiary.CLOCK_SKEW);
            long done = 0;
            for (var entry : rowsOf.entrySet()) {
                String number = entry.getKey();
                for (Row row : entry.getValue()) {
                    if (row instanceof PatientRow p) {
                        PatientRow first = newPatients.putIfAbsent(number, p);
                        if (first != null) {
                            error(
                                    p,
                                    ImportFile.PATIENT_NUMBER,
                                    "Patient number registered twice (first on line " + first.line() + ").");
                        }
                    }
                }
                PatientRow patient = newPatients.get(number);
                if (patient == null && !stored.containsKey(number)) {
                    if (badPatients.contains(number)) {
                        continue; // its PATIENT row's problems are reported
                    }
                    for (Row row : entry.getValue()) {
                        error(
                                row,
                                ImportFile.PATIENT_NUMBER,
                                "No PATIENT row registers this number and the centre has no patient with it.");
                    }
                    continue;
                }
                LocalDate born = patient != null
                        ? patient.birthDate()
                        : registry.summaryOf(stored.get(number))
                                .map(s -> s.dateOfBirth())
                                .orElse(LocalDate.MIN);
                ZoneId zone = zoneOf(number);
                for (Row row : entry.getValue()) {
                    if (row instanceof PlanRow plan && plan.validFrom().isBefore(born)) {
                        error(plan, ImportFile.DATE, "The plan starts before the patient's birth.");
                    }
                    if (row instanceof InfusionRow i) {
                        if (i.product().unit() != org.hemonet.product.DoseUnit.IU
                                && i.product().unit() != org.hemonet.product.DoseUnit.MG) {
                            error(
                                    i,
                                    ImportFile.PRODUCT,
                                    "This product is not logged in the diary (gene therapy is"
                                            + " recorded on the patient's gene therapy page).");
                            continue;
                        }
                        Instant at = instant(i, zone);
                        if (at.isAfter(latest)) {
                            error(i, ImportFile.ADMINISTERED_AT, "The infusion is in the future.");
                        } else if (at.atZone(zone).toLocalDate().isBefore(born)) {
                            error(i, ImportFile.ADMINISTERED_AT, "The infusion is before the patient's birth.");
                        }
                        BigDecimal max = i.product().unit() == org.hemonet.product.DoseUnit.MG
                                ? BleedDiary.MAX_DOSE_MG
                                : BleedDiary.MAX_DOSE_IU;
                        if (i.dose().compareTo(max) > 0
                                || i.dose().stripTrailingZeros().scale() > 2) {
                            error(
                                    i,
                                    ImportFile.DOSE,
                                    "The dose is above the diary's limit of " + max.toPlainString() + " "
                                            + i.product().unit() + " or has more than 2 decimals.");
                        }
                    }
                }
                progress.at(ImportPhase.CHECKING, ++done, rowsOf.size());
            }
        }

        /** The patient's zone: their own if stored, else the centre's (looked up once per number: check and write). */
        private ZoneId zoneOf(String number) {
            return zones.computeIfAbsent(number, n -> {
                UUID id = stored.get(n);
                ZoneId centreZone = ZoneId.of(centre.timeZone());
                return id == null ? centreZone : registry.zoneOf(id).orElse(centreZone);
            });
        }

        private Instant instant(InfusionRow row, ZoneId zone) {
            return row.offsetTime() != null
                    ? row.offsetTime().toInstant()
                    : Objects.requireNonNull(row.localTime()).atZone(zone).toInstant();
        }

        /** Step 3: each patient's rows under a savepoint; the infusions of all patients in one diary import. */
        void write(ImportProgress progress) {
            List<Infusion> history = new ArrayList<>();
            Map<UUID, InfusionRow> rowOfInfusion = new HashMap<>();
            long done = 0;
            for (var entry : rowsOf.entrySet()) {
                String number = entry.getKey();
                List<Row> rows = entry.getValue();
                int before = errors.size();
                UUID patientId = savepoint.execute(status -> {
                    try {
                        return writePatient(number, rows);
                    } catch (RowRefused refused) {
                        status.setRollbackOnly();
                        error(refused.row, column(refused.cause.field()), refused.cause.getMessage());
                        return null;
                    }
                });
                if (patientId != null && errors.size() == before) {
                    ZoneId zone = zoneOf(number);
                    for (Row row : rows) {
                        if (row instanceof InfusionRow i) {
                            Infusion infusion = infusion(patientId, number, i, zone);
                            if (rowOfInfusion.putIfAbsent(infusion.id(), i) == null) {
                                history.add(infusion);
                            } else {
                                unchanged++;
                            }
                        }
                    }
                }
                progress.at(ImportPhase.WRITING, ++done, rowsOf.size() + 1);
            }
            if (!errors.isEmpty()) {
                return;
            }
            Set<UUID> already = diary.storedInfusionIds(rowOfInfusion.keySet());
            List<Infusion> fresh =
                    history.stream().filter(i -> !already.contains(i.id())).toList();
            unchanged += history.size() - fresh.size();
            try {
                diary.importHistory(importer, List.of(), fresh);
                infusions += fresh.size();
            } catch (InvalidInputException e) {
                // the checks above mirror the diary's, so this names the first infusion line as the place to look
                Row first = fresh.isEmpty()
                        ? rowOfInfusion.values().iterator().next()
                        : rowOfInfusion.get(fresh.get(0).id());
                error(Objects.requireNonNull(first), ImportFile.RECORD, e.getMessage());
            }
            progress.at(ImportPhase.WRITING, rowsOf.size() + 1, rowsOf.size() + 1);
        }

        /** A patient's registration, Bethesda results and plans; their infusions go to the diary together. */
        private @Nullable UUID writePatient(String number, List<Row> rows) {
            PatientRow patient = newPatients.get(number);
            UUID patientId = stored.get(number);
            List<InhibitorRow> tests = rows.stream()
                    .filter(InhibitorRow.class::isInstance)
                    .map(InhibitorRow.class::cast)
                    .toList();
            List<PatientRecord.InhibitorTest> storedTests = List.of();
            List<TreatmentPlan> storedPlans = List.of();
            if (patientId == null && patient != null) {
                patientId = register(patient, number, tests);
                inhibitorTests += tests.size();
            } else if (patientId != null) {
                if (patient != null) {
                    unchanged++;
                }
                storedTests = registry.read(importer, patientId).inhibitorTests();
                storedPlans = plans.plansOf(importer, patientId);
                for (InhibitorRow t : tests) {
                    if (storedTests.stream().anyMatch(s -> same(s, t))) {
                        unchanged++;
                        continue;
                    }
                    UUID id = patientId;
                    attempt(
                            t,
                            () -> registry.addInhibitorTest(
                                    importer,
                                    id,
                                    new NewInhibitorTest(t.sampledOn(), t.residualPercent(), t.dilution())));
                    inhibitorTests++;
                }
            }
            if (patientId == null) {
                return null;
            }
            for (Row row : rows) {
                if (row instanceof PlanRow p) {
                    if (storedPlans.stream().anyMatch(s -> same(s, p))) {
                        unchanged++;
                        continue;
                    }
                    UUID id = patientId;
                    attempt(p, () -> plans.importPlan(importer, id, prescription(p)));
                    planCount++;
                }
            }
            return patientId;
        }

        private UUID register(PatientRow p, String number, List<InhibitorRow> tests) {
            UUID id = UUID.nameUUIDFromBytes(
                    ("hemonet-import-patient:" + centre.id() + ":" + number).getBytes(StandardCharsets.UTF_8));
            NewPatient patient = new NewPatient(
                    id,
                    centre.id(),
                    p.givenName(),
                    p.familyName(),
                    p.birthDate(),
                    p.sex(),
                    null,
                    p.nhsNumber(),
                    null,
                    p.diagnosis(),
                    null,
                    false,
                    p.baselineLevel(),
                    p.baselineMeasuredOn(),
                    p.weightKg(),
                    null,
                    tests.stream()
                            .map(t -> new NewPatient.BethesdaAssay(t.sampledOn(), t.residualPercent(), t.dilution()))
                            .toList(),
                    null);
            attempt(p, ImportFile.NHS_NUMBER, () -> registry.register(importer, patient));
            attempt(p, ImportFile.PATIENT_NUMBER, () -> registry.addRecordNumber(importer, id, centre.id(), number));
            patients++;
            return id;
        }

        private Infusion infusion(UUID patientId, String number, InfusionRow row, ZoneId zone) {
            Instant at = instant(row, zone);
            Product product = row.product();
            return new Infusion(
                    infusionId(centre.id(), number, at, product.id(), row.dose()),
                    patientId,
                    at,
                    product.id(),
                    row.batchNumber(),
                    row.dose(),
                    product.unit() == org.hemonet.product.DoseUnit.MG ? DoseUnit.MG : DoseUnit.IU,
                    row.reason(),
                    null,
                    null,
                    "Imported from the centre's registry",
                    clock.instant(),
                    importer.username(),
                    null,
                    null,
                    null);
        }
    }

    private static boolean same(PatientRecord.InhibitorTest stored, InhibitorRow row) {
        return stored.sampledOn().equals(row.sampledOn())
                && stored.residualActivityPercent().compareTo(row.residualPercent()) == 0
                && stored.dilution().compareTo(row.dilution()) == 0;
    }

    private static boolean same(TreatmentPlan stored, PlanRow row) {
        return stored.voidedAt() == null
                && stored.validFrom().equals(row.validFrom())
                && stored.productId().equals(row.product().id())
                && stored.regimen() == row.regimen();
    }

    private static Prescription prescription(PlanRow p) {
        return new Prescription(
                p.regimen(),
                p.product().id(),
                null,
                p.dose(),
                p.dosePerKg(),
                null,
                p.schedule(),
                p.scheduleInterval(),
                p.weekdays().isEmpty() ? null : p.weekdays(),
                p.doseTime(),
                null,
                p.validFrom(),
                null,
                "Imported from the centre's registry");
    }

    /** A module refused a row: reported against the row, and its patient's savepoint rolled back. */
    private static final class RowRefused extends RuntimeException {
        final Row row;
        final InvalidInputException cause;

        RowRefused(Row row, InvalidInputException cause) {
            super(cause.getMessage(), cause, false, false);
            this.row = row;
            this.cause = cause;
        }
    }

    private static void attempt(Row row, Runnable write) {
        attempt(row, ImportFile.RECORD, write);
    }

    /** Runs a module's write; its refusal (400, or 409 reported against {@code conflictColumn}) names the row. */
    private static void attempt(Row row, String conflictColumn, Runnable write) {
        try {
            write.run();
        } catch (InvalidInputException e) {
            throw new RowRefused(row, e);
        } catch (ConflictException e) {
            throw new RowRefused(row, new InvalidInputException(conflictColumn, e.getMessage()));
        }
    }
}
