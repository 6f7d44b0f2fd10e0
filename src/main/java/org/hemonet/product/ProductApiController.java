package org.hemonet.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue over HTTP: every signed-in user reads it; centre clinicians, nurses and admins record batches; the
 * network administrator ({@code ADMIN}) adds products ({@code POST /api/v1/products} → 201) and withdraws them
 * ({@code POST /api/v1/products/{id}/withdrawal} → 200; a product is never deleted, issue 13).
 */
@RestController
@RequestMapping("/api/v1/products")
class ProductApiController {

    private final ProductCatalogue catalogue;
    private final CurrentActor currentActor;
    private final Clock clock;

    ProductApiController(ProductCatalogue catalogue, CurrentActor currentActor, Clock clock) {
        this.catalogue = catalogue;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping
    List<Product> products() {
        return catalogue.products();
    }

    @GetMapping("/{id}")
    Product product(@PathVariable UUID id) {
        return catalogue.find(id).orElseThrow(() -> new NotFoundException("Product"));
    }

    @GetMapping("/{id}/batches")
    List<Batch> batches(@PathVariable UUID id) {
        catalogue.find(id).orElseThrow(() -> new NotFoundException("Product"));
        return catalogue.batches(id);
    }

    /** A new product: the fields of {@link Product} that may be set; the id, currency and status are the server's. */
    record ProductRequest(
            @NotBlank @Size(max = 120) String genericName,
            @NotBlank @Size(max = 120) String brandName,
            @NotBlank @Size(max = 120) String manufacturer,
            @NotNull ProductClass productClass,
            @NotNull DoseUnit unit,
            @NotNull @Size(min = 1, max = 12) List<@NotNull @Positive Integer> vialSizes,
            @Nullable @Positive BigDecimal recovery,
            @Nullable @Positive BigDecimal recoveryUnder12,
            @Nullable @Size(max = 80) String pkModelId,
            @Nullable @Positive BigDecimal concentrationMgPerMl,
            @NotNull @PositiveOrZero BigDecimal listPricePerUnit) {}

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Product> add(@Valid @RequestBody ProductRequest r) {
        UUID id = catalogue.add(new NewProduct(
                UUID.randomUUID(),
                r.genericName(),
                r.brandName(),
                r.manufacturer(),
                r.productClass(),
                r.unit(),
                r.vialSizes(),
                r.recovery(),
                r.recoveryUnder12(),
                r.pkModelId(),
                r.concentrationMgPerMl(),
                r.listPricePerUnit()));
        return ResponseEntity.created(URI.create("/api/v1/products/" + id))
                .body(catalogue.find(id).orElseThrow());
    }

    record WithdrawalRequest(@NotBlank @Size(max = 500) String reason) {}

    @PostMapping("/{id}/withdrawal")
    @PreAuthorize("hasRole('ADMIN')")
    Product withdraw(@PathVariable UUID id, @Valid @RequestBody WithdrawalRequest request) {
        return catalogue.withdraw(id, request.reason(), currentActor.require().username(), clock.instant());
    }

    record BatchRequest(
            @NotBlank @Size(max = 40) String batchNumber,
            @NotNull LocalDate expiresOn,
            @NotNull @PositiveOrZero Integer vials,
            @NotNull @Positive Integer unitsPerVial,
            @Nullable LocalDate receivedOn) {}

    @PostMapping("/{id}/batches")
    @PreAuthorize("hasAnyRole('CLINICIAN', 'NURSE', 'ADMIN')")
    ResponseEntity<Batch> receive(@PathVariable UUID id, @Valid @RequestBody BatchRequest request) {
        catalogue.find(id).orElseThrow(() -> new NotFoundException("Product"));
        LocalDate today = LocalDate.now(clock);
        LocalDate received = request.receivedOn() == null ? today : request.receivedOn();
        if (received.isAfter(today)) {
            throw new org.hemonet.shared.InvalidInputException(
                    "receivedOn", "A batch cannot be received in the future.");
        }
        Batch batch = catalogue.receiveBatch(
                id,
                request.batchNumber(),
                request.expiresOn(),
                request.vials(),
                request.unitsPerVial(),
                received,
                currentActor.require().accountId());
        return ResponseEntity.created(URI.create("/api/v1/products/" + id + "/batches"))
                .body(batch);
    }
}
