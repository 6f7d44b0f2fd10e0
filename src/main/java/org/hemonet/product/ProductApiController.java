package org.hemonet.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
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

/** The catalogue over HTTP: every signed-in user reads it; centre clinicians, nurses and admins record batches. */
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
