package org.hemonet.supply.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.shared.CurrentActor;
import org.hemonet.supply.Delivery;
import org.hemonet.supply.DeliveryStatus;
import org.hemonet.supply.DeliveryWindow;
import org.hemonet.supply.HomeStock;
import org.hemonet.supply.NewDelivery;
import org.hemonet.supply.ProviderDelivery;
import org.hemonet.supply.Reconciliation;
import org.hemonet.supply.StockReport;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Deliveries and home stock over HTTP. Answers carry {@code Cache-Control: no-store}. */
@RestController
class HomeStockApiController {

    private final HomeStock homeStock;
    private final CurrentActor currentActor;
    private final java.time.Clock clock;

    HomeStockApiController(HomeStock homeStock, CurrentActor currentActor, java.time.Clock clock) {
        this.homeStock = homeStock;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    record DeliveryRequest(
            @Nullable UUID patientId,
            @Nullable LocalDate scheduledFor,
            @Nullable DeliveryWindow window,
            @Nullable List<NewDelivery.Item> items,
            @Nullable String address) {}

    record ScheduleRequest(
            @Nullable LocalDate scheduledFor,
            @Nullable DeliveryWindow window,
            @Nullable String address,
            @Nullable Integer version) {}

    record CloseRequest(@Nullable Integer version, @Nullable String reason) {}

    record WasteRequest(
            @Nullable UUID productId,
            @Nullable String batchNumber,
            @Nullable Integer vials,
            @Nullable Boolean expired) {}

    @PostMapping("/api/v1/deliveries")
    ResponseEntity<Delivery> book(@RequestBody DeliveryRequest request) {
        Delivery delivery = homeStock.book(
                currentActor.require(),
                new NewDelivery(
                        request.patientId(),
                        request.scheduledFor(),
                        request.window(),
                        request.items(),
                        request.address()));
        return ResponseEntity.created(URI.create("/api/v1/deliveries/" + delivery.id()))
                .cacheControl(CacheControl.noStore())
                .body(delivery);
    }

    @GetMapping("/api/v1/deliveries/{id}")
    ResponseEntity<Delivery> delivery(@PathVariable UUID id) {
        return noStore(homeStock.delivery(currentActor.require(), id));
    }

    /** Ordered → scheduled (or re-scheduled): the date and window, optionally the address. */
    @PostMapping("/api/v1/deliveries/{id}/schedule")
    ResponseEntity<Delivery> schedule(@PathVariable UUID id, @RequestBody ScheduleRequest body) {
        return noStore(homeStock.schedule(
                currentActor.require(), id, body.scheduledFor(), body.window(), body.address(), body.version()));
    }

    /** A centre's deliveries, by default from 7 days ago to 28 days ahead, optionally of one status. */
    @GetMapping("/api/v1/centres/{centreId}/deliveries")
    ResponseEntity<List<Delivery>> centreDeliveries(
            @PathVariable UUID centreId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable DeliveryStatus status,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable LocalDate from,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        return noStore(homeStock.centreDeliveries(
                currentActor.require(),
                centreId,
                from == null ? today.minusDays(7) : from,
                to == null ? (from == null ? today : from).plusDays(28) : to,
                status));
    }

    /** A delivery provider's run for a day (default today): only what the courier needs. */
    @GetMapping("/api/v1/provider/deliveries")
    ResponseEntity<List<ProviderDelivery>> providerDeliveries(
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable LocalDate date) {
        return noStore(
                homeStock.providerDeliveries(currentActor.require(), date == null ? LocalDate.now(clock) : date));
    }

    @PostMapping("/api/v1/deliveries/{id}/delivered")
    ResponseEntity<Object> delivered(
            @PathVariable UUID id, @RequestBody(required = false) @Nullable CloseRequest body) {
        var actor = currentActor.require();
        return noStore(forActor(actor, homeStock.delivered(actor, id, body == null ? null : body.version())));
    }

    /** A delivery provider gets back only the courier's view of the delivery it closed. */
    private Object forActor(org.hemonet.shared.Actor actor, Delivery delivery) {
        return org.hemonet.identity.Role.DELIVERY_PROVIDER.name().equals(actor.role())
                ? homeStock.forProvider(delivery)
                : delivery;
    }

    @PostMapping("/api/v1/deliveries/{id}/failed")
    ResponseEntity<Object> failed(@PathVariable UUID id, @RequestBody CloseRequest body) {
        var actor = currentActor.require();
        return noStore(forActor(
                actor, homeStock.failed(actor, id, body.version(), body.reason() == null ? "" : body.reason())));
    }

    @GetMapping("/api/v1/patients/{patientId}/deliveries")
    ResponseEntity<List<Delivery>> deliveries(@PathVariable UUID patientId) {
        return noStore(homeStock.deliveriesOf(currentActor.require(), patientId));
    }

    @GetMapping("/api/v1/patients/{patientId}/stock")
    ResponseEntity<StockReport> stock(@PathVariable UUID patientId) {
        return noStore(homeStock.stock(currentActor.require(), patientId));
    }

    @PostMapping("/api/v1/patients/{patientId}/stock/wasted")
    ResponseEntity<StockReport> wasted(@PathVariable UUID patientId, @RequestBody WasteRequest request) {
        if (request.productId() == null) {
            throw new org.hemonet.shared.InvalidInputException("productId", "A product is required.");
        }
        homeStock.wasted(
                currentActor.require(),
                patientId,
                request.productId(),
                request.batchNumber() == null ? "" : request.batchNumber(),
                request.vials() == null ? 0 : request.vials(),
                Boolean.TRUE.equals(request.expired()));
        return noStore(homeStock.stockOf(patientId));
    }

    record StockTakeRequest(@Nullable UUID productId, @Nullable String batchNumber, @Nullable Integer vials) {}

    record StockTakeResponse(int difference, StockReport stock) {}

    @PostMapping("/api/v1/patients/{patientId}/stock/counts")
    ResponseEntity<StockTakeResponse> stockTake(@PathVariable UUID patientId, @RequestBody StockTakeRequest request) {
        if (request.productId() == null) {
            throw new org.hemonet.shared.InvalidInputException("productId", "A product is required.");
        }
        if (request.vials() == null) {
            throw new org.hemonet.shared.InvalidInputException("vials", "Give the number of vials counted.");
        }
        int difference = homeStock.stockTake(
                currentActor.require(),
                patientId,
                request.productId(),
                request.batchNumber() == null ? "" : request.batchNumber(),
                request.vials());
        return noStore(new StockTakeResponse(difference, homeStock.stockOf(patientId)));
    }

    /** Delivered against logged for a period, by default the current quarter. */
    @GetMapping("/api/v1/patients/{patientId}/reconciliation")
    ResponseEntity<Reconciliation> reconciliation(
            @PathVariable UUID patientId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable LocalDate from,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate quarterStart = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        LocalDate start = from == null ? quarterStart : from;
        LocalDate end = to == null ? start.plusMonths(3).minusDays(1) : to;
        return noStore(homeStock.reconciliation(currentActor.require(), patientId, start, end));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
