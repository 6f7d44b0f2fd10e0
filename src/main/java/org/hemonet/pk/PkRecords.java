package org.hemonet.pk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.Infusion;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.pk.internal.PkRecordQueries;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PK studies and factor-level lab results in the patient's record (issue 7, "In the record"; pk-models.md). The engine
 * ({@link PkEstimator}) stays pure; this class checks access, resolves picked diary infusions and lab results, runs the
 * estimate, stores it and audits every read and write (security.md §2, §6, §13).
 *
 * <p>Access: studies are read and written by the clinical staff (clinicians, nurses) of the patient's centres; lab
 * results also by the laboratory staff of those centres. Aggregate roles, administrators, patients and other staff roles
 * get 403; staff of another centre get the same 404 as for an unknown id, with a DENIED audit event that commits on
 * its own. Patients see their own level through the "estimated level now" page only.
 */
@Service
public class PkRecords {

    static final String STUDY = "PkStudy";
    static final String FACTOR_LEVEL = "FactorLevel";
    static final String INFUSION = "Infusion";

    /** How far back the study form offers logged infusions to pick. */
    public static final Duration PICK_WINDOW = Duration.ofDays(60);

    private static final Set<Role> STUDY_ROLES = Set.of(Role.CLINICIAN, Role.NURSE);
    private static final Set<Role> LAB_ROLES = Set.of(Role.LAB, Role.CLINICIAN, Role.NURSE);
    private static final String ALLARD = "fviii-allard-2020";
    /** The covariate names of {@code fviii-solms-2020} a study records. */
    public static final String LEAN_BODY_WEIGHT = "leanBodyWeightKg";

    public static final String VWF = "vwfIuPerDl";

    private final PkRecordQueries queries;
    private final PkEstimator estimator;
    private final PatientRegistry patients;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final BleedDiary diary;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;

    PkRecords(
            PkRecordQueries queries,
            PkEstimator estimator,
            PatientRegistry patients,
            AccessPolicy policy,
            AuditLog audit,
            BleedDiary diary,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.estimator = estimator;
        this.patients = patients;
        this.policy = policy;
        this.audit = audit;
        this.diary = diary;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    // ---- lab results

    /** The patient's factor-level lab results, newest first, voided ones included. */
    public List<FactorLevel> factorLevels(Actor actor, UUID patientId) {
        require(actor, patientId, LAB_ROLES, AuditAction.READ, FACTOR_LEVEL);
        return transaction.execute(status -> {
            audit.record(AuditEvent.by(actor, AuditAction.READ, patientId, FACTOR_LEVEL, null, AuditOutcome.SUCCESS));
            return queries.factorLevels(patientId);
        });
    }

    /** Records a lab result; the time may not lie in the future, the level is 0–1000 IU/dL. */
    public FactorLevel addFactorLevel(Actor actor, UUID patientId, NewFactorLevel request) {
        require(actor, patientId, LAB_ROLES, AuditAction.CREATE, FACTOR_LEVEL);
        Instant now = clock.instant();
        try {
            if (request.takenAt() == null) {
                throw new InvalidInputException("takenAt", "Enter when the sample was taken");
            }
            if (request.takenAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
                throw new InvalidInputException("takenAt", "The sample time lies in the future");
            }
            if (request.iuPerDl() == null || !(request.iuPerDl() >= 0) || request.iuPerDl() > 1000) {
                throw new InvalidInputException("iuPerDl", "Enter the factor level in IU/dL (0 to 1000)");
            }
            if (request.note() != null && request.note().length() > 500) {
                throw new InvalidInputException("note", "At most 500 characters");
            }
        } catch (InvalidInputException e) {
            committed(actor, AuditAction.CREATE, patientId, FACTOR_LEVEL, null, AuditOutcome.FAILED);
            throw e;
        }
        FactorLevel level = new FactorLevel(
                UUID.randomUUID(),
                patientId,
                request.takenAt(),
                request.iuPerDl(),
                Boolean.TRUE.equals(request.belowLoq()),
                request.note() == null || request.note().isBlank()
                        ? null
                        : request.note().strip(),
                actor.username(),
                actor.role(),
                now,
                null);
        transaction.executeWithoutResult(status -> {
            queries.insertFactorLevel(level);
            audit.record(AuditEvent.by(
                    actor,
                    AuditAction.CREATE,
                    patientId,
                    FACTOR_LEVEL,
                    level.id().toString(),
                    AuditOutcome.SUCCESS));
        });
        return level;
    }

    // ---- what a study may pick

    /** The patient's logged factor infusions (IU, not voided) of the last {@link #PICK_WINDOW}, newest first. */
    public List<PickableInfusion> pickableInfusions(Actor actor, UUID patientId) {
        require(actor, patientId, STUDY_ROLES, AuditAction.READ, INFUSION);
        Instant from = clock.instant().minus(PICK_WINDOW);
        return transaction.execute(status -> {
            audit.record(AuditEvent.by(actor, AuditAction.READ, patientId, INFUSION, null, AuditOutcome.SUCCESS));
            return diary.entriesOf(patientId).infusions().stream()
                    .filter(i -> !i.isVoided() && i.unit() == DoseUnit.IU)
                    .filter(i -> !i.administeredAt().isBefore(from))
                    .sorted(Comparator.comparing(Infusion::administeredAt).reversed())
                    .map(i -> new PickableInfusion(
                            i.id(), i.administeredAt(), i.dose().doubleValue()))
                    .toList();
        });
    }

    // ---- studies

    /** Estimates the study (MAP, pk-models.md) and saves it with its result. */
    public SavedStudy save(Actor actor, UUID patientId, StudyRequest request) {
        require(actor, patientId, STUDY_ROLES, AuditAction.CREATE, STUDY);
        SavedStudy saved;
        try {
            saved = estimate(actor, patientId, request);
        } catch (InvalidInputException e) {
            committed(actor, AuditAction.CREATE, patientId, STUDY, null, AuditOutcome.FAILED);
            throw e;
        }
        transaction.executeWithoutResult(status -> {
            queries.insertStudy(saved);
            audit.record(AuditEvent.by(
                    actor, AuditAction.CREATE, patientId, STUDY, saved.id().toString(), AuditOutcome.SUCCESS));
        });
        return saved;
    }

    /**
     * Estimates a study without saving it, for the study page's "Estimate" button; picked infusions and lab results
     * are resolved as for {@link #save}. Audited as a read of the patient's PK data.
     */
    public SavedStudy preview(Actor actor, UUID patientId, StudyRequest request) {
        require(actor, patientId, STUDY_ROLES, AuditAction.READ, STUDY);
        SavedStudy study = estimate(actor, patientId, request);
        audit.record(AuditEvent.by(actor, AuditAction.READ, patientId, STUDY, null, AuditOutcome.SUCCESS));
        return study;
    }

    /** The patient's studies, newest first, voided ones included. */
    public List<StudySummary> studies(Actor actor, UUID patientId) {
        require(actor, patientId, STUDY_ROLES, AuditAction.READ, STUDY);
        return transaction.execute(status -> {
            audit.record(AuditEvent.by(actor, AuditAction.READ, patientId, STUDY, null, AuditOutcome.SUCCESS));
            return queries.studies(patientId);
        });
    }

    /** One saved study with its inputs and result; 404 when it is not this patient's. */
    public SavedStudy study(Actor actor, UUID patientId, UUID studyId) {
        require(actor, patientId, STUDY_ROLES, AuditAction.READ, STUDY);
        SavedStudy study = queries.study(patientId, studyId).orElse(null);
        if (study == null) {
            committed(actor, AuditAction.READ, patientId, STUDY, studyId.toString(), AuditOutcome.FAILED);
            throw new NotFoundException("PK study");
        }
        audit.record(
                AuditEvent.by(actor, AuditAction.READ, patientId, STUDY, studyId.toString(), AuditOutcome.SUCCESS));
        return study;
    }

    /**
     * Records that a regimen computed from this study was signed off into treatment plan {@code planId}: from now on
     * the patient's "estimated level now" uses this study's individual PK.
     */
    public void markSignedOff(Actor actor, UUID patientId, UUID studyId, UUID planId) {
        require(actor, patientId, STUDY_ROLES, AuditAction.UPDATE, STUDY);
        transaction.executeWithoutResult(status -> {
            if (queries.study(patientId, studyId).isEmpty()
                    || !queries.markSignedOff(studyId, clock.instant(), actor.username(), planId)) {
                throw new InvalidInputException("studyId", "The study is not a live study of this patient");
            }
            audit.record(AuditEvent.by(
                    actor, AuditAction.UPDATE, patientId, STUDY, studyId.toString(), AuditOutcome.SUCCESS));
        });
    }

    /** Voids a study (never deleted): it leaves the level estimate and shows struck through in the list. */
    public void voidStudy(Actor actor, UUID patientId, UUID studyId, @Nullable String reason) {
        require(actor, patientId, STUDY_ROLES, AuditAction.VOID, STUDY);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "Give a reason for voiding (at most 500 characters)");
        }
        transaction.executeWithoutResult(status -> {
            if (queries.study(patientId, studyId).isEmpty()) {
                throw new NotFoundException("PK study");
            }
            if (!queries.voidStudy(studyId, clock.instant(), actor.username(), reason.strip())) {
                throw new InvalidInputException("studyId", "The study is voided already");
            }
            audit.record(
                    AuditEvent.by(actor, AuditAction.VOID, patientId, STUDY, studyId.toString(), AuditOutcome.SUCCESS));
        });
    }

    /**
     * The study whose individual PK the patient's "estimated level now" uses: the latest one a regimen was signed off
     * from (a clinician has reviewed it and acted on it), not voided. No access check and no audit: for the level page,
     * which has done both for the read it serves.
     */
    public Optional<SavedStudy> latestSignedOff(UUID patientId) {
        return queries.latestSignedOff(patientId);
    }

    /** The covariates of a model for weight and age (and the Allard model's product category). */
    public static Covariates covariates(String model, double weightKg, double ageYears, @Nullable String product) {
        return model.equals(ALLARD)
                ? Covariates.of(weightKg, ageYears, product == null || product.isBlank() ? "STANDARD" : product)
                : Covariates.of(weightKg, ageYears);
    }

    /**
     * As {@link #covariates(String, double, double, String)}, with the lean body weight and von Willebrand factor
     * antigen of {@code fviii-solms-2020} when given (a model that does not use them ignores them).
     */
    public static Covariates covariates(
            String model,
            double weightKg,
            double ageYears,
            @Nullable String product,
            @Nullable Double leanBodyWeightKg,
            @Nullable Double vwfIuPerDl) {
        Covariates covariates = covariates(model, weightKg, ageYears, product);
        if (leanBodyWeightKg != null) {
            covariates = covariates.with(LEAN_BODY_WEIGHT, leanBodyWeightKg);
        }
        if (vwfIuPerDl != null) {
            covariates = covariates.with(VWF, vwfIuPerDl);
        }
        return covariates;
    }

    private SavedStudy estimate(Actor actor, UUID patientId, StudyRequest r) {
        if (r.model() == null || r.model().isBlank()) {
            throw new InvalidInputException("model", "Choose a population model");
        }
        double weight = range(r.weightKg(), "weightKg", 1, 250, "Enter the weight (1 to 250 kg)");
        double age = range(r.ageYears(), "ageYears", 0, 110, "Enter the age (0 to 110 years)");
        double baseline = r.baselineIuPerDl() == null
                ? 0
                : range(r.baselineIuPerDl(), "baselineIuPerDl", 0, 50, "The baseline is 0 to 50 IU/dL");
        double reportDose = r.reportDoseIuPerKg() == null
                ? 50
                : range(r.reportDoseIuPerKg(), "reportDoseIuPerKg", 1, 200, "1 to 200 IU/kg");
        double trough = r.targetTroughIuPerDl() == null
                ? 1
                : range(r.targetTroughIuPerDl(), "targetTroughIuPerDl", 0.5, 50, "0.5 to 50 IU/dL");
        Double leanBodyWeight = r.leanBodyWeightKg() == null
                ? null
                : range(r.leanBodyWeightKg(), LEAN_BODY_WEIGHT, 3, 150, "Enter the lean body weight (3 to 150 kg)");
        Double vwf = r.vwfIuPerDl() == null
                ? null
                : range(r.vwfIuPerDl(), VWF, 10, 1000, "Enter the VWF antigen (10 to 1,000 IU/dL)");
        if (r.product() != null && !Set.of("STANDARD", "ELOCTA").contains(r.product())) {
            throw new InvalidInputException("product", "The product category is STANDARD or ELOCTA");
        }
        List<Dose> doses = new ArrayList<>();
        List<StudyRequest.DoseEntry> typedDoses = r.doses() == null ? List.of() : r.doses();
        for (int i = 0; i < typedDoses.size(); i++) {
            StudyRequest.DoseEntry d = typedDoses.get(i);
            if (d == null || d.at() == null) {
                throw new InvalidInputException("doses[" + i + "].at", "Enter when the dose was given");
            }
            double iu = range(d.iu(), "doses[" + i + "].iu", 1, 50000, "Enter the dose (1 to 50,000 IU)");
            double minutes = d.infusionMinutes() == null
                    ? 0
                    : range(d.infusionMinutes(), "doses[" + i + "].infusionMinutes", 0, 240, "0 to 240 minutes");
            doses.add(new Dose(d.at(), iu, minutes));
        }
        List<UUID> infusionIds = distinct(r.infusionIds(), "infusionIds");
        if (!infusionIds.isEmpty()) {
            Map<UUID, Infusion> logged = new HashMap<>();
            diary.entriesOf(patientId).infusions().forEach(i -> logged.put(i.id(), i));
            for (int i = 0; i < infusionIds.size(); i++) {
                Infusion infusion = logged.get(infusionIds.get(i));
                if (infusion == null || infusion.isVoided() || infusion.unit() != DoseUnit.IU) {
                    throw new InvalidInputException(
                            "infusionIds[" + i + "]", "Not a logged factor infusion (IU) of this patient");
                }
                doses.add(Dose.bolus(infusion.administeredAt(), infusion.dose().doubleValue()));
            }
        }
        if (doses.isEmpty()) {
            throw new InvalidInputException("doses", "A study needs a dose: enter one or pick a logged infusion");
        }
        doses.sort(Comparator.comparing(Dose::at));
        List<LevelSample> samples = new ArrayList<>();
        List<StudyRequest.SampleEntry> typedSamples = r.samples() == null ? List.of() : r.samples();
        for (int i = 0; i < typedSamples.size(); i++) {
            StudyRequest.SampleEntry s = typedSamples.get(i);
            if (s == null || s.at() == null) {
                throw new InvalidInputException("samples[" + i + "].at", "Enter when the sample was taken");
            }
            samples.add(new LevelSample(
                    s.at(), range(s.iuPerDl(), "samples[" + i + "].iuPerDl", 0, 1000, "0 to 1000 IU/dL")));
        }
        List<UUID> levelIds = distinct(r.factorLevelIds(), "factorLevelIds");
        List<String> extraWarnings = new ArrayList<>();
        if (!levelIds.isEmpty()) {
            Map<UUID, FactorLevel> stored = new HashMap<>();
            queries.factorLevels(patientId).forEach(l -> stored.put(l.id(), l));
            for (int i = 0; i < levelIds.size(); i++) {
                FactorLevel level = stored.get(levelIds.get(i));
                if (level == null || level.isVoided()) {
                    throw new InvalidInputException("factorLevelIds[" + i + "]", "Not a lab result of this patient");
                }
                if (level.belowLoq()) {
                    // pk-models.md: samples below the assay's lower limit are excluded and flagged
                    extraWarnings.add(
                            "The lab result of " + level.takenAt() + " was below the limit of quantification (< "
                                    + level.iuPerDl() + " IU/dL) and was not used in the fit.");
                } else {
                    samples.add(new LevelSample(level.takenAt(), level.iuPerDl()));
                }
            }
        }
        samples.sort(Comparator.comparing(LevelSample::at));
        String model = r.model().strip();
        PkStudy study = new PkStudy(
                model,
                covariates(model, weight, age, r.product(), leanBodyWeight, vwf),
                baseline,
                doses,
                samples,
                null,
                reportDose);
        PkEstimate estimate;
        try {
            estimate = estimator.estimate(study);
        } catch (InvalidInputException e) {
            // the engine names covariates as "covariates.x"; a study request carries them as top-level fields
            String field = e.field();
            if (field != null && field.startsWith("covariates.")) {
                throw new InvalidInputException(field.substring("covariates.".length()), e.getMessage());
            }
            throw e;
        }
        if (!extraWarnings.isEmpty()) {
            List<String> warnings = new ArrayList<>(estimate.warnings());
            warnings.addAll(extraWarnings);
            estimate = new PkEstimate(
                    estimate.model(),
                    estimate.typical(),
                    estimate.individual(),
                    estimate.etaParameters(),
                    estimate.eta(),
                    estimate.halfLifeHours(),
                    estimate.halfLifeCi90(),
                    estimate.hoursTo(),
                    estimate.reportDoseIu(),
                    estimate.curveStart(),
                    estimate.curve(),
                    estimate.samplesUsed(),
                    List.copyOf(warnings));
        }
        return new SavedStudy(
                UUID.randomUUID(),
                patientId,
                study,
                estimate,
                infusionIds,
                levelIds,
                trough,
                actor.username(),
                clock.instant(),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static List<UUID> distinct(@Nullable List<UUID> ids, String field) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > 50) {
            throw new InvalidInputException(field, "At most 50 entries");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                throw new InvalidInputException(field + "[" + i + "]", "Missing id");
            }
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static double range(@Nullable Double value, String field, double min, double max, String message) {
        if (value == null || !(value >= min) || !(value <= max)) {
            throw new InvalidInputException(field, message);
        }
        return value;
    }

    /**
     * 403 for roles without patient-level data; then 404 (as for an unknown id) with a committed DENIED event when the
     * actor may not see this patient at all; then 403 for a role that sees the patient but not PK data (the patient
     * themself, physios, social workers), so the answer about another centre's patient never depends on the role.
     */
    private PatientScope require(Actor actor, UUID patientId, Set<Role> roles, AuditAction action, String resource) {
        if (!policy.usesPatientData(actor)) {
            committed(actor, action, patientId, resource, null, AuditOutcome.DENIED);
            throw new AccessDeniedException("aggregate role");
        }
        PatientScope scope = patients.scopeOf(patientId).orElse(null);
        if (scope == null || !policy.mayRead(actor, scope)) {
            committed(actor, action, patientId, resource, null, AuditOutcome.DENIED);
            throw new NotFoundException("Patient");
        }
        if (!roles.contains(Role.of(actor.role()))) {
            committed(actor, action, patientId, resource, null, AuditOutcome.DENIED);
            throw new AccessDeniedException(resource + " is for the clinical team of the patient's centre");
        }
        return scope;
    }

    private void committed(
            Actor actor,
            AuditAction action,
            UUID patientId,
            String resource,
            @Nullable String resourceId,
            AuditOutcome outcome) {
        ownTransaction.executeWithoutResult(
                status -> audit.record(AuditEvent.by(actor, action, patientId, resource, resourceId, outcome)));
    }
}
