package org.hemonet.supply.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.DoseUnit;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.supply.BleedPlan;
import org.hemonet.supply.DoseCalculation;
import org.hemonet.supply.DoseCalculator;
import org.hemonet.supply.PlanChange;
import org.hemonet.supply.PlanRevision;
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Treatment plans and the dose calculator over HTTP. Patient data answers carry {@code Cache-Control: no-store}. */
@RestController
class TreatmentPlanApiController {

    private final TreatmentPlans plans;
    private final ProductCatalogue catalogue;
    private final PatientRegistry patients;
    private final CurrentActor currentActor;
    private final Clock clock;

    TreatmentPlanApiController(
            TreatmentPlans plans,
            ProductCatalogue catalogue,
            PatientRegistry patients,
            CurrentActor currentActor,
            Clock clock) {
        this.plans = plans;
        this.catalogue = catalogue;
        this.patients = patients;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** A change from {@code validFrom}: the given fields replace the old plan's; {@code reason} is required. */
    record PlanChangeRequest(
            @JsonUnwrapped Prescription prescription, @Nullable String reason, @Nullable Integer version) {}

    record VoidRequest(@Nullable String reason, @Nullable Integer version) {}

    /** The emicizumab loading phase: {@code doses} weekly doses of {@code dose} mg, maintenance from the date given. */
    record LoadingResponse(
            int doses, BigDecimal perKg, BigDecimal dose, Map<Integer, Integer> vials, LocalDate maintenanceFrom) {}

    record RevisionResponse(
            TreatmentPlanResponse plan,
            PlanRevision.State state,
            @Nullable UUID supersededBy,
            @Nullable Instant changedAt,
            @Nullable String changedBy,
            @Nullable String changeReason,
            @Nullable Instant voidedAt,
            @Nullable String voidedBy,
            @Nullable String voidReason) {}

    record ScheduleResponse(
            Schedule.Kind kind, int interval, List<DayOfWeek> weekdays, LocalTime doseTime, String timeZone) {}

    record TreatmentPlanResponse(
            UUID id,
            UUID patientId,
            Regimen regimen,
            UUID productId,
            String productName,
            @Nullable UUID bleedProductId,
            DoseUnit unit,
            BigDecimal dose,
            @Nullable BigDecimal dosePerKg,
            @Nullable BigDecimal weightKg,
            Map<Integer, Integer> vials,
            @Nullable ScheduleResponse schedule,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            String prescriber,
            @Nullable String notes,
            int version,
            Instant createdAt,
            @Nullable BleedPlan bleedPlan,
            @Nullable LoadingResponse loading,
            @Nullable UUID supersedes) {}

    @GetMapping("/api/v1/patients/{patientId}/treatment-plans")
    ResponseEntity<List<TreatmentPlanResponse>> plans(@PathVariable UUID patientId) {
        Actor actor = currentActor.require();
        List<TreatmentPlan> found = plans.plansOf(actor, patientId);
        PatientSummary patient = patients.find(actor, patientId).orElse(null);
        return noStore(found.stream().map(plan -> response(plan, patient)).toList());
    }

    /** A plan just prescribed or changed, with what the prescriber must be told (issue 13: aPCC on emicizumab). */
    record PrescribedPlan(@JsonUnwrapped TreatmentPlanResponse plan, List<String> warnings) {}

    @PostMapping("/api/v1/patients/{patientId}/treatment-plans")
    ResponseEntity<PrescribedPlan> prescribe(@PathVariable UUID patientId, @RequestBody Prescription request) {
        Actor actor = currentActor.require();
        TreatmentPlan plan = plans.prescribe(actor, patientId, request);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/treatment-plans"))
                .cacheControl(CacheControl.noStore())
                .body(new PrescribedPlan(
                        response(plan, patients.find(actor, patientId).orElse(null)), plans.warningsFor(actor, plan)));
    }

    /** Changes a plan from a date: a new version supersedes it; the old one keeps who changed it, when and why. */
    @PostMapping("/api/v1/patients/{patientId}/treatment-plans/{planId}/changes")
    ResponseEntity<PrescribedPlan> change(
            @PathVariable UUID patientId, @PathVariable UUID planId, @RequestBody PlanChangeRequest r) {
        Actor actor = currentActor.require();
        TreatmentPlan plan =
                plans.change(actor, patientId, planId, new PlanChange(r.prescription(), r.reason(), r.version()));
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/treatment-plans"))
                .cacheControl(CacheControl.noStore())
                .body(new PrescribedPlan(
                        response(plan, patients.find(actor, patientId).orElse(null)), plans.warningsFor(actor, plan)));
    }

    /** Voids a plan entered in error (reason required); the plan is kept, marked void. */
    @PostMapping("/api/v1/patients/{patientId}/treatment-plans/{planId}/void")
    ResponseEntity<TreatmentPlanResponse> voidPlan(
            @PathVariable UUID patientId,
            @PathVariable UUID planId,
            @RequestBody(required = false) @Nullable VoidRequest body) {
        Actor actor = currentActor.require();
        TreatmentPlan plan = plans.voidPlan(
                actor, patientId, planId, body == null ? null : body.reason(), body == null ? null : body.version());
        return noStore(response(plan, patients.find(actor, patientId).orElse(null)));
    }

    /** Every plan of the patient, superseded and voided ones too, newest first. */
    @GetMapping("/api/v1/patients/{patientId}/treatment-plans/history")
    ResponseEntity<List<RevisionResponse>> history(@PathVariable UUID patientId) {
        Actor actor = currentActor.require();
        List<PlanRevision> found = plans.historyOf(actor, patientId);
        PatientSummary patient = patients.find(actor, patientId).orElse(null);
        return noStore(found.stream()
                .map(r -> new RevisionResponse(
                        response(r.plan(), patient),
                        r.state(),
                        r.supersededBy(),
                        r.changedAt(),
                        r.changedBy(),
                        r.changeReason(),
                        r.plan().voidedAt(),
                        r.voidedBy(),
                        r.voidReason()))
                .toList());
    }

    record DoseCalculatorRequest(
            @Nullable UUID productId,
            @Nullable BigDecimal weightKg,
            @Nullable BigDecimal desiredRiseIuPerDl,
            @Nullable BigDecimal dosePerKg,
            @Nullable Integer ageYears) {}

    @PostMapping("/api/v1/dose-calculator")
    DoseCalculation calculate(@RequestBody DoseCalculatorRequest request) {
        Actor actor = currentActor.require();
        if (!org.hemonet.identity.Role.of(actor.role()).isCentreStaff()
                && !org.hemonet.identity.Role.of(actor.role()).equals(org.hemonet.identity.Role.PATIENT)) {
            throw new AccessDeniedException("not a clinical role");
        }
        return plans.calculate(
                request.productId(),
                request.weightKg(),
                request.desiredRiseIuPerDl(),
                request.dosePerKg(),
                request.ageYears());
    }

    private TreatmentPlanResponse response(TreatmentPlan plan, @Nullable PatientSummary patient) {
        Product product = catalogue.find(plan.productId()).orElseThrow();
        Product bleedProduct = plan.bleedProductId() == null
                ? product
                : catalogue.find(plan.bleedProductId()).orElse(product);
        BigDecimal weight = plan.weightKg() != null ? plan.weightKg() : patient == null ? null : patient.weightKg();
        int age = patient == null ? 18 : patient.ageOn(LocalDate.now(clock));
        Schedule s = plan.schedule();
        return new TreatmentPlanResponse(
                plan.id(),
                plan.patientId(),
                plan.regimen(),
                plan.productId(),
                product.brandName() + " (" + product.genericName() + ")",
                plan.bleedProductId(),
                plan.unit(),
                plan.dose(),
                plan.dosePerKg(),
                plan.weightKg(),
                plans.vialsOf(plan).vials(),
                s == null
                        ? null
                        : new ScheduleResponse(
                                s.kind(),
                                s.interval(),
                                s.weekdays().stream().sorted().toList(),
                                s.doseTime(),
                                s.zone().getId()),
                plan.validFrom(),
                plan.validTo(),
                plan.prescriberName(),
                plan.notes(),
                plan.version(),
                plan.createdAt(),
                weight == null ? null : BleedPlan.of(bleedProduct, weight, age),
                plan.loading() == null
                        ? null
                        : new LoadingResponse(
                                plan.loading().doses(),
                                plan.loading().perKg(),
                                plan.loading().dose(),
                                DoseCalculator.toVials(plan.loading().dose(), product.vialSizes())
                                        .vials(),
                                plan.maintenanceFrom()),
                plan.supersedes());
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
