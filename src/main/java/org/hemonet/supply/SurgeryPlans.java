package org.hemonet.supply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.identity.PatientScope;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductStatus;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.hemonet.supply.internal.SurgeryPlanQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Surgery factor plans (clinical.md §6): per operation, the WFH 2020 pre-operative and post-operative targets (or the
 * clinician's own), with once-daily doses from the patient's weight and the product's incremental recovery, rounded up
 * to whole vials. Clinicians and nurses of the patient's centres make them; everyone who may read the record reads them.
 */
@Service
@Transactional(readOnly = true)
public class SurgeryPlans {

    static final String RESOURCE = "SurgeryPlan";
    private static final int MAX_DAY = 60;

    private final SurgeryPlanQueries queries;
    private final PatientAccess access;
    private final PatientRegistry patients;
    private final ProductCatalogue catalogue;
    private final AuditLog audit;
    private final Clock clock;

    SurgeryPlans(
            SurgeryPlanQueries queries,
            PatientAccess access,
            PatientRegistry patients,
            ProductCatalogue catalogue,
            AuditLog audit,
            Clock clock) {
        this.queries = queries;
        this.access = access;
        this.patients = patients;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public SurgeryPlan create(Actor actor, UUID patientId, NewSurgeryPlan request) {
        PatientScope scope = access.prescribe(actor, patientId, AuditAction.CREATE, RESOURCE);
        SurgeryPlan plan;
        try {
            plan = validate(actor, patientId, scope, request);
        } catch (InvalidInputException e) {
            access.recordCommitted(actor, AuditAction.CREATE, patientId, RESOURCE, null, AuditOutcome.FAILED);
            throw e;
        }
        queries.insert(plan, actor.accountId());
        audit.record(AuditEvent.by(
                actor, AuditAction.CREATE, patientId, RESOURCE, plan.id().toString(), AuditOutcome.SUCCESS));
        return plan;
    }

    @Transactional
    public List<SurgeryPlan> plansOf(Actor actor, UUID patientId) {
        access.read(actor, patientId, AuditAction.READ, RESOURCE);
        audit.record(AuditEvent.by(actor, AuditAction.READ, patientId, RESOURCE, null, AuditOutcome.SUCCESS));
        return queries.ofPatient(patientId);
    }

    @Transactional
    public SurgeryPlan plan(Actor actor, UUID patientId, UUID planId) {
        access.read(actor, patientId, AuditAction.READ, RESOURCE);
        SurgeryPlan plan = queries.find(patientId, planId).orElseThrow(() -> new NotFoundException(RESOURCE));
        audit.record(
                AuditEvent.by(actor, AuditAction.READ, patientId, RESOURCE, planId.toString(), AuditOutcome.SUCCESS));
        return plan;
    }

    /** Voids a surgery plan (the operation was cancelled or the plan was wrong); the row stays, marked void. */
    @Transactional
    public SurgeryPlan voidPlan(
            Actor actor, UUID patientId, UUID planId, @Nullable String reason, @Nullable Integer version) {
        access.prescribe(actor, patientId, AuditAction.VOID, RESOURCE);
        SurgeryPlan plan = queries.find(patientId, planId).orElseThrow(() -> new NotFoundException(RESOURCE));
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "Say why (at most 500 characters).");
        }
        if (plan.voidedAt() != null) {
            throw new ConflictException("The surgery plan is already voided.");
        }
        if (!queries.voidPlan(planId, version == null ? plan.version() : version, actor.accountId(), reason.strip())) {
            throw new StaleVersionException();
        }
        audit.record(
                AuditEvent.by(actor, AuditAction.VOID, patientId, RESOURCE, planId.toString(), AuditOutcome.SUCCESS));
        return queries.find(patientId, planId).orElseThrow();
    }

    /** The WFH 2020 defaults for a product's factor and a kind of surgery: day 0 first, then post-operative days. */
    public static List<WfhTargets.Phase> defaults(Product product, SurgeryKind kind) {
        String factor = product.productClass().factor();
        return WfhTargets.phases(factor == null ? "FVIII" : factor, kind.site());
    }

    private SurgeryPlan validate(Actor actor, UUID patientId, PatientScope scope, NewSurgeryPlan r) {
        if (r.operation() == null || r.operation().isBlank() || r.operation().length() > 200) {
            throw new InvalidInputException("operation", "Name the operation (at most 200 characters).");
        }
        LocalDate today = LocalDate.now(clock);
        if (r.date() == null) {
            throw new InvalidInputException("date", "Give the day of the operation.");
        }
        if (r.date().isBefore(today.minusDays(30)) || r.date().isAfter(today.plusYears(1))) {
            throw new InvalidInputException("date", "An operation is from 30 days ago to a year ahead.");
        }
        if (r.kind() == null) {
            throw new InvalidInputException("kind", "Choose major or minor surgery.");
        }
        Product product = catalogue.require(r.productId(), "productId");
        if (product.status() != ProductStatus.ACTIVE) {
            throw new InvalidInputException("productId", "This product may not be prescribed now.");
        }
        PatientSummary patient = patients.find(actor, patientId).orElseThrow(() -> new NotFoundException("Patient"));
        BigDecimal recovery = product.recoveryFor(patient.ageOn(today));
        if (recovery == null || product.productClass().factor() == null) {
            throw new InvalidInputException("productId", "Surgery plans use a factor concentrate dosed by recovery.");
        }
        BigDecimal weight = r.weightKg() != null ? r.weightKg() : patient.weightKg();
        if (weight == null) {
            throw new InvalidInputException("weightKg", "No weight is recorded; give one.");
        }
        if (weight.compareTo(new BigDecimal("0.5")) < 0 || weight.compareTo(new BigDecimal("300")) > 0) {
            throw new InvalidInputException("weightKg", "A weight is between 0.5 and 300 kg.");
        }
        List<WfhTargets.Phase> wfh = defaults(product, r.kind());
        WfhTargets.Phase preOp = wfh.get(0);
        int preLow = r.preOpLowIuPerDl() != null ? r.preOpLowIuPerDl() : preOp.lowIuPerDl();
        int preHigh = r.preOpHighIuPerDl() != null
                ? r.preOpHighIuPerDl()
                : r.preOpLowIuPerDl() != null ? Math.max(preLow, preOp.highIuPerDl()) : preOp.highIuPerDl();
        checkLevels(preLow, preHigh, "preOpLowIuPerDl", "preOpHighIuPerDl");
        List<int[]> targets = new ArrayList<>();
        targets.add(new int[] {0, 0, preLow, preHigh});
        if (r.phases() == null) {
            for (WfhTargets.Phase phase : wfh.subList(1, wfh.size())) {
                targets.add(new int[] {
                    phase.fromDay(),
                    phase.toDay() == null ? phase.fromDay() : phase.toDay(),
                    phase.lowIuPerDl(),
                    phase.highIuPerDl()
                });
            }
        } else {
            if (r.phases().size() > 10) {
                throw new InvalidInputException("phases", "At most 10 post-operative phases.");
            }
            int next = 1;
            for (int i = 0; i < r.phases().size(); i++) {
                NewSurgeryPlan.Target t = r.phases().get(i);
                String prefix = "phases[" + i + "].";
                if (t.fromDay() == null || t.fromDay() != next) {
                    throw new InvalidInputException(
                            prefix + "fromDay",
                            "Phases follow each other from day 1 without gaps; this one starts on day " + next + ".");
                }
                if (t.toDay() == null || t.toDay() < t.fromDay() || t.toDay() > MAX_DAY) {
                    throw new InvalidInputException(
                            prefix + "toDay", "A phase ends on or after its first day, by day 60.");
                }
                if (t.lowIuPerDl() == null) {
                    throw new InvalidInputException(prefix + "lowIuPerDl", "Give the lower target level.");
                }
                int high = t.highIuPerDl() == null ? t.lowIuPerDl() : t.highIuPerDl();
                checkLevels(t.lowIuPerDl(), high, prefix + "lowIuPerDl", prefix + "highIuPerDl");
                targets.add(new int[] {t.fromDay(), t.toDay(), t.lowIuPerDl(), high});
                next = t.toDay() + 1;
            }
        }
        List<SurgeryPlan.Phase> phases = new ArrayList<>();
        for (int[] t : targets) {
            VialCombination vials = DoseCalculator.toVials(
                    DoseCalculator.doseForRise(weight, BigDecimal.valueOf(t[2]), recovery), product.vialSizes());
            if (vials.total() > DoseCalculator.MAX_IU) {
                throw new InvalidInputException("weightKg", "A dose of more than 50000 IU is not plausible.");
            }
            phases.add(new SurgeryPlan.Phase(t[0], t[1], t[2], t[3], vials.total()));
        }
        return new SurgeryPlan(
                UUID.randomUUID(),
                patientId,
                scope.registeredCentreId(),
                r.operation().strip(),
                r.date(),
                r.kind(),
                product.id(),
                product.unit(),
                weight,
                recovery,
                phases,
                actor.username(),
                clock.instant(),
                null,
                0);
    }

    private static void checkLevels(int low, int high, String lowField, String highField) {
        if (low < 1 || low > 200) {
            throw new InvalidInputException(lowField, "A target level is between 1 and 200 IU/dL.");
        }
        if (high < low || high > 200) {
            throw new InvalidInputException(
                    highField, "The upper target is at least the lower one, at most 200 IU/dL.");
        }
    }
}
