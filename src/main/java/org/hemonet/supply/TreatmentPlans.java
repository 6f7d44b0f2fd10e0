package org.hemonet.supply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.identity.PatientScope;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.DoseUnit;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.product.ProductStatus;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.hemonet.supply.internal.TreatmentPlanQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Treatment plans (clinical.md §6): prescribing a regimen, reading a patient's plans, the dose calculator, and, for
 * other modules, the plan active on a date and the doses it schedules.
 */
@Service
@Transactional(readOnly = true)
public class TreatmentPlans {

    static final String RESOURCE = "TreatmentPlan";
    private static final BigDecimal MAX_WEIGHT_KG = new BigDecimal("300");
    private static final BigDecimal MIN_WEIGHT_KG = new BigDecimal("0.5");
    static final int LOADING_DOSES = 4;
    static final BigDecimal LOADING_MG_PER_KG = new BigDecimal("3");

    private final TreatmentPlanQueries queries;
    private final PatientAccess access;
    private final PatientRegistry patients;
    private final ProductCatalogue catalogue;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final org.springframework.beans.factory.ObjectProvider<PrescriptionWarnings> prescriptionWarnings;

    TreatmentPlans(
            TreatmentPlanQueries queries,
            PatientAccess access,
            PatientRegistry patients,
            ProductCatalogue catalogue,
            AuditLog audit,
            org.springframework.beans.factory.ObjectProvider<PrescriptionWarnings> prescriptionWarnings,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.prescriptionWarnings = prescriptionWarnings;
        this.queries = queries;
        this.access = access;
        this.patients = patients;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Warnings for the prescriber about a plan just prescribed or changed (issue 13: aPCC for a patient on emicizumab).
     * The plan stays prescribed. Read-write: an implementation may record a flag for the clinician.
     */
    @Transactional
    public List<String> warningsFor(Actor actor, TreatmentPlan plan) {
        List<String> all = new java.util.ArrayList<>();
        prescriptionWarnings.orderedStream().forEach(w -> all.addAll(w.warningsFor(actor, plan)));
        return all;
    }

    /** The patient's living plans, newest first, if the actor may read them (else 403/404, see PatientAccess). */
    @Transactional
    public List<TreatmentPlan> plansOf(Actor actor, UUID patientId) {
        access.read(actor, patientId, AuditAction.READ, RESOURCE);
        audit.record(AuditEvent.by(actor, AuditAction.READ, patientId, RESOURCE, null, AuditOutcome.SUCCESS));
        return queries.ofPatient(patientId);
    }

    /**
     * One plan by its id alone, voided or superseded ones too (a FHIR read, issue 15), if the actor may read its
     * patient: an unknown id and a plan of a patient the actor may not see are both {@link NotFoundException} (the
     * refusal audited as DENIED); a read is audited as a {@code READ} of the plan.
     */
    @Transactional
    public TreatmentPlan plan(Actor actor, UUID planId) {
        access.requirePatientData(actor);
        TreatmentPlan plan = queries.find(planId).orElseThrow(() -> new NotFoundException(RESOURCE));
        access.read(actor, plan.patientId(), AuditAction.READ, RESOURCE);
        audit.record(AuditEvent.by(
                actor, AuditAction.READ, plan.patientId(), RESOURCE, planId.toString(), AuditOutcome.SUCCESS));
        return plan;
    }

    /**
     * The patient's living plans, newest first, without an access check or audit: for a bulk export (issue 15), whose
     * caller has checked access to the patient and audited the export of the whole record.
     */
    public List<TreatmentPlan> livingPlansForExport(UUID patientId) {
        return queries.ofPatient(patientId);
    }

    /** Every living plan of every patient, without an access check: what a report read model is rebuilt from. */
    public void forEachLivingPlan(java.util.function.Consumer<TreatmentPlan> each) {
        queries.forEachLiving(each);
    }

    /**
     * Prescribes a regimen from {@code validFrom}: a plan running then ends the day before, a plan that would start
     * later is voided. Only clinicians and nurses of the patient's centres prescribe.
     */
    @Transactional
    public TreatmentPlan prescribe(Actor actor, UUID patientId, Prescription p) {
        return prescribe(actor, patientId, p, false);
    }

    /**
     * Records a plan brought from an earlier system (a registry import, issue 15): as {@link #prescribe}, except that
     * it may have started more than a year ago — a patient's current regimen is often older than that.
     */
    @Transactional
    public TreatmentPlan importPlan(Actor actor, UUID patientId, Prescription p) {
        return prescribe(actor, patientId, p, true);
    }

    private TreatmentPlan prescribe(Actor actor, UUID patientId, Prescription p, boolean historic) {
        PatientScope scope = access.prescribe(actor, patientId, AuditAction.CREATE, RESOURCE);
        TreatmentPlan plan;
        try {
            plan = validate(actor, patientId, scope, p, null, historic);
        } catch (InvalidInputException e) {
            access.recordCommitted(actor, AuditAction.CREATE, patientId, RESOURCE, null, AuditOutcome.FAILED);
            throw e;
        }
        queries.makeRoomFor(
                patientId,
                plan.validFrom(),
                actor.accountId(),
                actor.username(),
                "Replaced by a new prescription",
                plan.id());
        queries.insert(plan);
        audit.record(AuditEvent.by(
                actor, AuditAction.CREATE, patientId, RESOURCE, plan.id().toString(), AuditOutcome.SUCCESS));
        events.publishEvent(new PlansChanged(patientId));
        return plan;
    }

    /**
     * Changes a plan from a date: a new version starts on {@code change.validFrom()} with the fields given (the others
     * are copied from the old plan); the old plan ends the day before (or, when the change starts on its first day, is
     * voided) and keeps who changed it, when and why. Nothing is deleted.
     */
    @Transactional
    public TreatmentPlan change(Actor actor, UUID patientId, UUID planId, PlanChange change) {
        PatientScope scope = access.prescribe(actor, patientId, AuditAction.UPDATE, RESOURCE);
        TreatmentPlan old = queries.find(patientId, planId)
                .filter(p -> p.voidedAt() == null)
                .orElseThrow(() -> new NotFoundException(RESOURCE));
        TreatmentPlan plan;
        String reason;
        try {
            reason = requireReason(change.reason());
            if (change.version() != null && change.version() != old.version()) {
                throw new StaleVersionException();
            }
            LocalDate from = change.prescription().validFrom();
            if (from == null) {
                throw new InvalidInputException("validFrom", "Give the day the change starts.");
            }
            if (from.isBefore(old.validFrom()) || (old.validTo() != null && from.isAfter(old.validTo()))) {
                throw new InvalidInputException("validFrom", "A change starts while the plan it changes runs.");
            }
            plan = validate(actor, patientId, scope, merge(old, change.prescription()), old.id(), false);
        } catch (InvalidInputException e) {
            access.recordCommitted(
                    actor, AuditAction.UPDATE, patientId, RESOURCE, planId.toString(), AuditOutcome.FAILED);
            throw e;
        }
        queries.makeRoomFor(patientId, plan.validFrom(), actor.accountId(), actor.username(), reason, plan.id());
        queries.insert(plan);
        audit.record(
                AuditEvent.by(actor, AuditAction.UPDATE, patientId, RESOURCE, planId.toString(), AuditOutcome.SUCCESS));
        audit.record(AuditEvent.by(
                actor, AuditAction.CREATE, patientId, RESOURCE, plan.id().toString(), AuditOutcome.SUCCESS));
        events.publishEvent(new PlansChanged(patientId));
        return plan;
    }

    /** Voids a plan entered in error: it stays, marked with who voided it, when and why, and no longer applies. */
    @Transactional
    public TreatmentPlan voidPlan(
            Actor actor, UUID patientId, UUID planId, @Nullable String reason, @Nullable Integer version) {
        access.prescribe(actor, patientId, AuditAction.VOID, RESOURCE);
        TreatmentPlan plan = queries.find(patientId, planId).orElseThrow(() -> new NotFoundException(RESOURCE));
        String why;
        try {
            why = requireReason(reason);
        } catch (InvalidInputException e) {
            access.recordCommitted(
                    actor, AuditAction.VOID, patientId, RESOURCE, planId.toString(), AuditOutcome.FAILED);
            throw e;
        }
        if (plan.voidedAt() != null) {
            throw new ConflictException("The plan is already voided.");
        }
        int expected = version == null ? plan.version() : version;
        if (!queries.voidPlan(planId, expected, actor.accountId(), actor.username(), why)) {
            throw new StaleVersionException();
        }
        queries.reopenSupersededBy(planId);
        audit.record(
                AuditEvent.by(actor, AuditAction.VOID, patientId, RESOURCE, planId.toString(), AuditOutcome.SUCCESS));
        events.publishEvent(new PlansChanged(patientId));
        return queries.find(patientId, planId).orElseThrow();
    }

    /** Every plan of the patient, superseded and voided ones too, newest first, if the actor may read them. */
    @Transactional
    public List<PlanRevision> historyOf(Actor actor, UUID patientId) {
        access.read(actor, patientId, AuditAction.READ, RESOURCE);
        audit.record(AuditEvent.by(actor, AuditAction.READ, patientId, RESOURCE, "history", AuditOutcome.SUCCESS));
        return queries.historyOf(patientId);
    }

    private static String requireReason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why.");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "A reason has at most 500 characters.");
        }
        return reason.strip();
    }

    /** The old plan's prescription with the fields the change gives. */
    private static Prescription merge(TreatmentPlan old, Prescription c) {
        boolean newDose = c.dose() != null || c.dosePerKg() != null;
        boolean newSchedule = c.schedule() != null;
        Schedule s = old.schedule();
        Regimen regimen = c.regimen() != null ? c.regimen() : old.regimen();
        return new Prescription(
                regimen,
                c.productId() != null ? c.productId() : old.productId(),
                c.bleedProductId() != null ? c.bleedProductId() : old.bleedProductId(),
                newDose ? c.dose() : old.dosePerKg() == null ? old.dose() : null,
                newDose ? c.dosePerKg() : old.dosePerKg(),
                c.weightKg() != null ? c.weightKg() : old.weightKg(),
                newSchedule ? c.schedule() : s == null ? null : s.kind(),
                newSchedule ? c.scheduleInterval() : s == null ? null : s.interval(),
                newSchedule ? c.weekdays() : s == null ? null : s.weekdays(),
                c.doseTime() != null ? c.doseTime() : s == null ? null : s.doseTime(),
                c.timeZone() != null
                        ? c.timeZone()
                        : s == null ? null : s.zone().getId(),
                c.validFrom(),
                c.validTo() != null ? c.validTo() : old.validTo(),
                c.notes() != null ? c.notes() : old.notes(),
                c.loadingPhase());
    }

    /**
     * The plan in force for a patient on a local date. No access check: for modules that have checked access
     * themselves (the diary's one-tap prophylaxis entry, adherence).
     */
    public Optional<TreatmentPlan> activePlan(UUID patientId, LocalDate date) {
        return queries.ofPatient(patientId).stream()
                .filter(plan -> plan.isValidOn(date))
                .findFirst();
    }

    /**
     * For cohort outcomes (issue 6): each patient's plan for a period, in one query — the plan in force on
     * {@code asOf}, else the latest plan that started on or before it. Patients without such a plan are absent. No
     * access check (aggregates; see {@link #activePlan}).
     */
    public java.util.Map<UUID, TreatmentPlan> plansAsOf(java.util.Collection<UUID> patientIds, LocalDate asOf) {
        java.util.Map<UUID, TreatmentPlan> result = new java.util.HashMap<>();
        for (TreatmentPlan plan : queries.ofPatients(patientIds)) {
            if (plan.validFrom().isAfter(asOf)) {
                continue;
            }
            TreatmentPlan chosen = result.get(plan.patientId());
            if (chosen == null || (!chosen.isValidOn(asOf) && plan.isValidOn(asOf))) {
                result.put(plan.patientId(), plan);
            }
        }
        return result;
    }

    /**
     * The prophylactic doses the patient's plans schedule from {@code from} (inclusive) to {@code to} (exclusive), in time order, each plan within its
     * validity. No access check (see {@link #activePlan}).
     */
    public List<PlannedDose> scheduledDoses(UUID patientId, Instant from, Instant to) {
        List<PlannedDose> doses = new ArrayList<>();
        for (TreatmentPlan plan : queries.ofPatient(patientId)) {
            dosesOf(plan, from, to, doses::add);
        }
        doses.sort(Comparator.comparing(PlannedDose::at));
        return doses;
    }

    /**
     * One plan's prophylactic doses from {@code from} (inclusive) to {@code to} (exclusive): the emicizumab loading doses weekly from its first day (clinical.md
     * §6), then the maintenance schedule, each within the plan's validity. The one rule for one patient and for many.
     */
    private static void dosesOf(
            TreatmentPlan plan, Instant from, Instant to, java.util.function.Consumer<PlannedDose> into) {
        Schedule schedule = plan.schedule();
        if (plan.regimen() != Regimen.PROPHYLAXIS || schedule == null) {
            return;
        }
        TreatmentPlan.Loading loading = plan.loading();
        if (loading != null) {
            LocalDate lastLoadingDay = plan.maintenanceFrom().minusDays(1);
            if (plan.validTo() != null && plan.validTo().isBefore(lastLoadingDay)) {
                lastLoadingDay = plan.validTo();
            }
            Schedule.everyNWeeks(1, schedule.doseTime(), schedule.zone())
                    .occurrences(plan.validFrom(), lastLoadingDay, from, to)
                    .forEach(at ->
                            into.accept(new PlannedDose(at, plan.id(), plan.productId(), loading.dose(), plan.unit())));
        }
        if (plan.validTo() != null && plan.maintenanceFrom().isAfter(plan.validTo())) {
            return;
        }
        schedule.occurrences(plan.maintenanceFrom(), plan.validTo(), from, to)
                .forEach(at -> into.accept(new PlannedDose(at, plan.id(), plan.productId(), plan.dose(), plan.unit())));
    }

    /**
     * The prophylactic dose times of several patients from {@code from} (inclusive) to {@code to} (exclusive), in time
     * order per patient, from one read of their plans. No access check (see {@link #activePlan}).
     */
    public java.util.Map<UUID, List<Instant>> scheduledDoses(
            java.util.Collection<UUID> patientIds, Instant from, Instant to) {
        java.util.Map<UUID, List<Instant>> doses = new java.util.HashMap<>();
        for (UUID id : patientIds) {
            doses.put(id, new ArrayList<>());
        }
        for (TreatmentPlan plan : queries.ofPatients(patientIds)) {
            List<Instant> times = doses.get(plan.patientId());
            dosesOf(plan, from, to, dose -> times.add(dose.at()));
        }
        doses.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        return doses;
    }

    /**
     * Each patient's living plans, as the value {@link org.hemonet.diary.ScheduledDoses#scheduleStamps} compares: a
     * digest of every column of them ({@link TreatmentPlanQueries#livingPlanDigests}), so any new, changed, superseded
     * or voided plan makes the value differ; computed by the database, so that comparing a centre's stamps does not read
     * and build every plan (issue 14). Patients without a plan are absent. No access check (see {@link #activePlan}).
     */
    public java.util.Map<UUID, ?> scheduleStamps(java.util.Collection<UUID> patientIds) {
        return queries.livingPlanDigests(patientIds);
    }

    /**
     * When prophylaxis plans were in force, as instants from the start of their first local day to the end of their
     * last (open-ended while a plan has no end date). No access check (see {@link #activePlan}).
     */
    public List<org.hemonet.diary.RegimenPeriod> prophylaxisPeriods(UUID patientId, java.time.ZoneId zone) {
        return queries.ofPatient(patientId).stream()
                .filter(plan -> plan.regimen() == Regimen.PROPHYLAXIS)
                .sorted(Comparator.comparing(TreatmentPlan::validFrom))
                .map(plan -> new org.hemonet.diary.RegimenPeriod(
                        plan.validFrom().atStartOfDay(zone).toInstant(),
                        plan.validTo() == null
                                ? null
                                : plan.validTo().plusDays(1).atStartOfDay(zone).toInstant()))
                .toList();
    }

    /**
     * The dose calculator: either the dose for a desired rise in IU/dL (factor concentrates, by the product's recovery
     * for the patient's age) or for a dose per kg (IU/kg, or mg/kg for emicizumab), rounded up to whole vials.
     */
    public DoseCalculation calculate(
            @Nullable UUID productId,
            @Nullable BigDecimal weightKg,
            @Nullable BigDecimal desiredRiseIuPerDl,
            @Nullable BigDecimal dosePerKg,
            @Nullable Integer ageYears) {
        Product product = catalogue.require(productId, "productId");
        BigDecimal weight = checkWeight(weightKg);
        if ((desiredRiseIuPerDl == null) == (dosePerKg == null)) {
            throw new InvalidInputException("desiredRiseIuPerDl", "Give either a desired rise or a dose per kg.");
        }
        if (ageYears != null && (ageYears < 0 || ageYears > 120)) {
            throw new InvalidInputException("ageYears", "The age is not plausible.");
        }
        BigDecimal recovery = product.recoveryFor(ageYears == null ? 18 : ageYears);
        BigDecimal exact;
        String field;
        if (desiredRiseIuPerDl != null) {
            field = "desiredRiseIuPerDl";
            if (recovery == null) {
                throw new InvalidInputException(field, "This product is not dosed by incremental recovery.");
            }
            if (desiredRiseIuPerDl.signum() <= 0 || desiredRiseIuPerDl.compareTo(new BigDecimal("200")) > 0) {
                throw new InvalidInputException(field, "A desired rise is between 0 and 200 IU/dL.");
            }
            exact = DoseCalculator.doseForRise(weight, desiredRiseIuPerDl, recovery);
        } else {
            field = "dosePerKg";
            checkDosePerKg(product, dosePerKg, null, null);
            exact = DoseCalculator.doseForWeight(weight, dosePerKg);
        }
        VialCombination vials = DoseCalculator.toVials(exact, product.vialSizes());
        checkDose(product, BigDecimal.valueOf(vials.total()), field);
        return new DoseCalculation(
                product.id(),
                product.unit(),
                weight,
                desiredRiseIuPerDl != null ? recovery : null,
                exact,
                vials.total(),
                vials.vials(),
                recovery != null && product.unit() == DoseUnit.IU
                        ? DoseCalculator.expectedRise(vials.total(), weight, recovery)
                        : null,
                DoseCalculator.volumeMl(vials.total(), product.concentrationMgPerMl()));
    }

    /**
     * What to give for a bleed under {@code plan} (WFH 2020 targets, {@link BleedPlan}): its bleed product (else its own
     * product) at the plan's weight, else the patient's latest; empty without a weight or for a product not dosed by
     * recovery.
     */
    public Optional<BleedPlan> bleedPlan(TreatmentPlan plan, @Nullable BigDecimal patientWeightKg, int ageYears) {
        BigDecimal weight = plan.weightKg() != null ? plan.weightKg() : patientWeightKg;
        UUID productId = plan.bleedProductId() != null ? plan.bleedProductId() : plan.productId();
        if (weight == null) {
            return Optional.empty();
        }
        return catalogue.find(productId).map(product -> BleedPlan.of(product, weight, ageYears));
    }

    /** The vials of a plan's dose. */
    public VialCombination vialsOf(TreatmentPlan plan) {
        return catalogue
                .find(plan.productId())
                .map(product -> DoseCalculator.toVials(plan.dose(), product.vialSizes()))
                .orElseThrow();
    }

    private TreatmentPlan validate(
            Actor actor,
            UUID patientId,
            PatientScope scope,
            Prescription p,
            @Nullable UUID supersedes,
            boolean historic) {
        if (p.regimen() == null) {
            throw new InvalidInputException("regimen", "Choose prophylaxis or on demand.");
        }
        Product product = catalogue.require(p.productId(), "productId");
        if (product.status() != ProductStatus.ACTIVE) {
            throw new InvalidInputException("productId", "This product may not be prescribed now.");
        }
        UUID bleedProductId = null;
        if (p.bleedProductId() != null) {
            Product bleedProduct = catalogue.require(p.bleedProductId(), "bleedProductId");
            if (bleedProduct.productClass() == ProductClass.EMICIZUMAB) {
                throw new InvalidInputException(
                        "bleedProductId", "Bleeds are treated with a factor or bypassing agent.");
            }
            bleedProductId = bleedProduct.id();
        }
        LocalDate today = LocalDate.now(clock);
        if (p.validFrom() == null) {
            throw new InvalidInputException("validFrom", "A plan needs a first day.");
        }
        boolean tooEarly = !historic && p.validFrom().isBefore(today.minusYears(1));
        if (tooEarly || p.validFrom().isAfter(today.plusYears(1))) {
            throw new InvalidInputException(
                    "validFrom",
                    historic
                            ? "A plan starts no later than a year from today."
                            : "A plan starts within a year of today.");
        }
        if (p.validTo() != null
                && (p.validTo().isBefore(p.validFrom())
                        || p.validTo().isAfter(p.validFrom().plusYears(5)))) {
            throw new InvalidInputException("validTo", "A plan ends on or after its first day, within 5 years.");
        }
        if (p.notes() != null && p.notes().length() > 2000) {
            throw new InvalidInputException("notes", "Notes have at most 2,000 characters.");
        }
        Schedule schedule = p.regimen() == Regimen.PROPHYLAXIS ? schedule(p, patientId) : null;
        BigDecimal weight = null;
        BigDecimal exact;
        if ((p.dose() == null) == (p.dosePerKg() == null)) {
            throw new InvalidInputException("dose", "Give either a dose or a dose per kg.");
        }
        if (p.dose() != null) {
            checkDose(product, p.dose(), "dose");
            exact = p.dose();
            if (product.productClass() == ProductClass.EMICIZUMAB) {
                throw new InvalidInputException("dosePerKg", "Emicizumab is prescribed in mg/kg.");
            }
        } else {
            weight = p.weightKg() != null ? checkWeight(p.weightKg()) : latestWeight(actor, patientId);
            checkDosePerKg(product, p.dosePerKg(), schedule, p.regimen());
            exact = DoseCalculator.doseForWeight(weight, p.dosePerKg());
        }
        VialCombination vials = DoseCalculator.toVials(exact, product.vialSizes());
        checkDose(product, BigDecimal.valueOf(vials.total()), p.dose() != null ? "dose" : "dosePerKg");
        TreatmentPlan.Loading loading = null;
        if (product.productClass() == ProductClass.EMICIZUMAB
                && p.regimen() == Regimen.PROPHYLAXIS
                && weight != null
                && !Boolean.FALSE.equals(p.loadingPhase())
                && !onEmicizumabBefore(patientId, p.validFrom())) {
            // Licensed loading phase (clinical.md §6; Hemlibra SmPC 4.2): 3 mg/kg once weekly for the first 4 weeks,
            // rounded up to whole vials like every dose, then the chosen maintenance from week 5.
            VialCombination loadingVials = DoseCalculator.toVials(
                    DoseCalculator.doseForWeight(weight, LOADING_MG_PER_KG), product.vialSizes());
            checkDose(product, BigDecimal.valueOf(loadingVials.total()), "dosePerKg");
            loading = new TreatmentPlan.Loading(
                    LOADING_DOSES, LOADING_MG_PER_KG, BigDecimal.valueOf(loadingVials.total()));
        }
        return new TreatmentPlan(
                UUID.randomUUID(),
                patientId,
                scope.registeredCentreId(),
                p.regimen(),
                product.id(),
                bleedProductId,
                product.unit(),
                BigDecimal.valueOf(vials.total()),
                p.dosePerKg(),
                weight,
                schedule,
                p.validFrom(),
                p.validTo(),
                actor.accountId(),
                actor.username(),
                p.notes() == null || p.notes().isBlank() ? null : p.notes().strip(),
                0,
                clock.instant(),
                null,
                loading,
                supersedes);
    }

    /** Was an emicizumab plan in force the day before {@code day}? Then a new plan continues without loading. */
    private boolean onEmicizumabBefore(UUID patientId, LocalDate day) {
        return queries.ofPatient(patientId).stream()
                .filter(plan -> plan.isValidOn(day.minusDays(1)))
                .anyMatch(plan -> catalogue
                        .find(plan.productId())
                        .map(product -> product.productClass() == ProductClass.EMICIZUMAB)
                        .orElse(false));
    }

    /** The plan's schedule; its dose times are in the zone given, else in the patient's own zone (issue 19). */
    private Schedule schedule(Prescription p, UUID patientId) {
        if (p.schedule() == null) {
            throw new InvalidInputException("schedule", "Prophylaxis needs a schedule.");
        }
        ZoneId zone;
        try {
            zone = p.timeZone() == null
                    ? patients.zoneOf(patientId).orElseThrow(() -> new NotFoundException("patient"))
                    : ZoneId.of(p.timeZone());
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "Unknown time zone.");
        }
        LocalTime at = p.doseTime() == null ? LocalTime.of(8, 0) : p.doseTime();
        int interval = p.scheduleInterval() == null ? 1 : p.scheduleInterval();
        return switch (p.schedule()) {
            case EVERY_N_DAYS -> {
                if (interval < 1 || interval > 14) {
                    throw new InvalidInputException("scheduleInterval", "Every 1 to 14 days.");
                }
                yield Schedule.everyNDays(interval, at, zone);
            }
            case EVERY_N_WEEKS -> {
                if (interval < 1 || interval > 4) {
                    throw new InvalidInputException("scheduleInterval", "Every 1 to 4 weeks.");
                }
                yield Schedule.everyNWeeks(interval, at, zone);
            }
            case WEEKDAYS -> {
                Set<java.time.DayOfWeek> days = p.weekdays();
                if (days == null || days.isEmpty()) {
                    throw new InvalidInputException("weekdays", "Choose the days of the week.");
                }
                yield Schedule.onWeekdays(days, at, zone);
            }
        };
    }

    private BigDecimal latestWeight(Actor actor, UUID patientId) {
        return patients.find(actor, patientId)
                .map(PatientSummary::weightKg)
                .orElseThrow(() -> new InvalidInputException("weightKg", "No weight is recorded; give one."));
    }

    private static BigDecimal checkWeight(@Nullable BigDecimal weightKg) {
        if (weightKg == null) {
            throw new InvalidInputException("weightKg", "A weight is required.");
        }
        if (weightKg.compareTo(MIN_WEIGHT_KG) < 0 || weightKg.compareTo(MAX_WEIGHT_KG) > 0) {
            throw new InvalidInputException("weightKg", "A weight is between 0.5 and 300 kg.");
        }
        return weightKg;
    }

    /** Doses must be positive and plausible: at most 50,000 IU or 2,000 mg (security.md §20). */
    private static void checkDose(Product product, BigDecimal dose, String field) {
        int max = product.unit() == DoseUnit.IU ? DoseCalculator.MAX_IU : DoseCalculator.MAX_MG;
        if (dose.signum() <= 0) {
            throw new InvalidInputException(field, "A dose must be more than 0.");
        }
        if (dose.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidInputException(
                    field, "A dose of more than " + max + " " + product.unit().name() + " is not plausible.");
        }
    }

    /**
     * Emicizumab has four labelled regimens (clinical.md §6): loading 3 mg/kg weekly; maintenance 1.5 mg/kg weekly,
     * 3 mg/kg every 2 weeks or 6 mg/kg every 4 weeks. Factor doses per kg are at most 200 IU/kg.
     */
    private static void checkDosePerKg(
            Product product, BigDecimal dosePerKg, @Nullable Schedule schedule, @Nullable Regimen regimen) {
        if (dosePerKg.signum() <= 0) {
            throw new InvalidInputException("dosePerKg", "A dose per kg must be more than 0.");
        }
        if (product.productClass() == ProductClass.EMICIZUMAB) {
            double perKg = dosePerKg.doubleValue();
            boolean labelled = perKg == 1.5 || perKg == 3 || perKg == 6;
            if (!labelled) {
                throw new InvalidInputException("dosePerKg", "Emicizumab is given at 1.5, 3 or 6 mg/kg.");
            }
            if (schedule != null) {
                boolean weekly = schedule.kind() == Schedule.Kind.EVERY_N_WEEKS;
                boolean fits = weekly
                        && ((perKg == 1.5 && schedule.interval() == 1)
                                || (perKg == 3 && (schedule.interval() == 1 || schedule.interval() == 2))
                                || (perKg == 6 && schedule.interval() == 4));
                if (!fits) {
                    throw new InvalidInputException(
                            "scheduleInterval",
                            "Emicizumab: 1.5 mg/kg weekly, 3 mg/kg weekly (loading) or every 2 weeks, 6 mg/kg every 4 weeks.");
                }
            } else if (regimen == Regimen.ON_DEMAND) {
                throw new InvalidInputException("regimen", "Emicizumab is prophylaxis only.");
            }
        } else if (dosePerKg.compareTo(new BigDecimal("200")) > 0) {
            throw new InvalidInputException("dosePerKg", "A dose per kg of more than 200 is not plausible.");
        }
    }
}
