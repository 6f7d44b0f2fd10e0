package org.hemonet.supply;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.shared.CurrentActor;
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

    HomeStockApiController(HomeStock homeStock, CurrentActor currentActor) {
        this.homeStock = homeStock;
        this.currentActor = currentActor;
    }

    record DeliveryRequest(
            @Nullable UUID patientId,
            @Nullable LocalDate scheduledFor,
            @Nullable DeliveryWindow window,
            @Nullable List<NewDelivery.Item> items) {}

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
                new NewDelivery(request.patientId(), request.scheduledFor(), request.window(), request.items()));
        return ResponseEntity.created(URI.create("/api/v1/deliveries/" + delivery.id()))
                .cacheControl(CacheControl.noStore())
                .body(delivery);
    }

    @GetMapping("/api/v1/deliveries/{id}")
    ResponseEntity<Delivery> delivery(@PathVariable UUID id) {
        return noStore(homeStock.delivery(currentActor.require(), id));
    }

    @PostMapping("/api/v1/deliveries/{id}/delivered")
    ResponseEntity<Delivery> delivered(
            @PathVariable UUID id, @RequestBody(required = false) @Nullable CloseRequest body) {
        return noStore(homeStock.delivered(currentActor.require(), id, body == null ? null : body.version()));
    }

    @PostMapping("/api/v1/deliveries/{id}/failed")
    ResponseEntity<Delivery> failed(@PathVariable UUID id, @RequestBody CloseRequest body) {
        return noStore(homeStock.failed(
                currentActor.require(), id, body.version(), body.reason() == null ? "" : body.reason()));
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

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
