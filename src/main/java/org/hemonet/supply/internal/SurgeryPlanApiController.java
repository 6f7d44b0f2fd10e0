package org.hemonet.supply.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.product.DoseUnit;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.shared.CurrentActor;
import org.hemonet.supply.DoseCalculator;
import org.hemonet.supply.NewSurgeryPlan;
import org.hemonet.supply.SurgeryKind;
import org.hemonet.supply.SurgeryPlan;
import org.hemonet.supply.SurgeryPlans;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Surgery factor plans over HTTP. Answers carry {@code Cache-Control: no-store}. */
@RestController
class SurgeryPlanApiController {

    private final SurgeryPlans plans;
    private final ProductCatalogue catalogue;
    private final CurrentActor currentActor;

    SurgeryPlanApiController(SurgeryPlans plans, ProductCatalogue catalogue, CurrentActor currentActor) {
        this.plans = plans;
        this.catalogue = catalogue;
        this.currentActor = currentActor;
    }

    record VoidRequest(@Nullable String reason, @Nullable Integer version) {}

    record PhaseResponse(
            int fromDay, int toDay, int lowIuPerDl, int highIuPerDl, int dose, Map<Integer, Integer> vials) {}

    record DayResponse(int day, LocalDate date, int lowIuPerDl, int highIuPerDl, int dose) {}

    record SurgeryPlanResponse(
            UUID id,
            UUID patientId,
            String operation,
            LocalDate date,
            SurgeryKind kind,
            UUID productId,
            String productName,
            DoseUnit unit,
            BigDecimal weightKg,
            BigDecimal recovery,
            List<PhaseResponse> phases,
            List<DayResponse> days,
            long total,
            String createdBy,
            Instant createdAt,
            @Nullable Instant voidedAt,
            int version) {}

    @PostMapping("/api/v1/patients/{patientId}/surgery-plans")
    ResponseEntity<SurgeryPlanResponse> create(@PathVariable UUID patientId, @RequestBody NewSurgeryPlan request) {
        SurgeryPlan plan = plans.create(currentActor.require(), patientId, request);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/surgery-plans/" + plan.id()))
                .cacheControl(CacheControl.noStore())
                .body(response(plan));
    }

    @GetMapping("/api/v1/patients/{patientId}/surgery-plans")
    ResponseEntity<List<SurgeryPlanResponse>> list(@PathVariable UUID patientId) {
        return noStore(plans.plansOf(currentActor.require(), patientId).stream()
                .map(this::response)
                .toList());
    }

    @GetMapping("/api/v1/patients/{patientId}/surgery-plans/{planId}")
    ResponseEntity<SurgeryPlanResponse> get(@PathVariable UUID patientId, @PathVariable UUID planId) {
        return noStore(response(plans.plan(currentActor.require(), patientId, planId)));
    }

    @PostMapping("/api/v1/patients/{patientId}/surgery-plans/{planId}/void")
    ResponseEntity<SurgeryPlanResponse> voidPlan(
            @PathVariable UUID patientId,
            @PathVariable UUID planId,
            @RequestBody(required = false) @Nullable VoidRequest body) {
        return noStore(response(plans.voidPlan(
                currentActor.require(),
                patientId,
                planId,
                body == null ? null : body.reason(),
                body == null ? null : body.version())));
    }

    private SurgeryPlanResponse response(SurgeryPlan plan) {
        Product product = catalogue.find(plan.productId()).orElseThrow();
        return new SurgeryPlanResponse(
                plan.id(),
                plan.patientId(),
                plan.operation(),
                plan.operationDate(),
                plan.kind(),
                plan.productId(),
                product.brandName() + " (" + product.genericName() + ")",
                plan.unit(),
                plan.weightKg(),
                plan.recovery(),
                plan.phases().stream()
                        .map(p -> new PhaseResponse(
                                p.fromDay(),
                                p.toDay(),
                                p.lowIuPerDl(),
                                p.highIuPerDl(),
                                p.dose(),
                                DoseCalculator.toVials(BigDecimal.valueOf(p.dose()), product.vialSizes())
                                        .vials()))
                        .toList(),
                plan.days().stream()
                        .map(d -> new DayResponse(d.day(), d.date(), d.lowIuPerDl(), d.highIuPerDl(), d.dose()))
                        .toList(),
                plan.total(),
                plan.createdBy(),
                plan.createdAt(),
                plan.voidedAt(),
                plan.version());
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
