package org.hemonet.product;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product catalogue's API: products and the batches the network received. The catalogue holds no patient data;
 * callers need no access check to read it.
 */
@Service
@Transactional(readOnly = true)
public class ProductCatalogue {

    private final ProductQueries queries;
    private final ObjectProvider<PkModelFit> pkModelFit;

    ProductCatalogue(ProductQueries queries, ObjectProvider<PkModelFit> pkModelFit) {
        this.queries = queries;
        this.pkModelFit = pkModelFit;
    }

    /** Every product, by class and name, whatever its status. */
    public List<Product> products() {
        return queries.all();
    }

    public Optional<Product> find(UUID productId) {
        return queries.find(productId);
    }

    /**
     * The product a request names, or a {@code 400} naming {@code field} when there is none (an unknown product is bad
     * input, security.md §20, not a missing resource).
     */
    public Product require(@Nullable UUID productId, String field) {
        if (productId == null) {
            throw new InvalidInputException(field, "A product is required.");
        }
        return queries.find(productId)
                .orElseThrow(() -> new InvalidInputException(field, "There is no such product in the catalogue."));
    }

    public boolean isEmpty() {
        return queries.count() == 0;
    }

    public List<Batch> batches(UUID productId) {
        return queries.batches(productId);
    }

    public Optional<Batch> batch(UUID productId, String batchNumber) {
        return queries.batch(productId, batchNumber);
    }

    /**
     * The batch {@code batchNumber} of the product, or a {@code 400} naming {@code field}: one message when the number
     * belongs to another product (security.md §20), another when no batch has it.
     */
    public Batch requireBatch(UUID productId, @Nullable String batchNumber, String field) {
        if (batchNumber == null || batchNumber.isBlank()) {
            throw new InvalidInputException(field, "A batch number is required.");
        }
        return queries.batch(productId, batchNumber.strip()).orElseThrow(() -> {
            boolean elsewhere = !queries.batchesNumbered(batchNumber.strip()).isEmpty();
            return new InvalidInputException(
                    field,
                    elsewhere
                            ? "This batch belongs to another product."
                            : "There is no batch with this number for the product.");
        });
    }

    @Transactional
    public UUID add(NewProduct product) {
        if (product.vialSizes().isEmpty() || product.vialSizes().stream().anyMatch(size -> size <= 0)) {
            throw new InvalidInputException("vialSizes", "Vial sizes must be positive.");
        }
        requireFittedModel(product.pkModelId(), product.genericName());
        queries.insert(product);
        return product.id();
    }

    /**
     * A product may name only a PK model fitted on its molecule (issue 20); a product without one has no PK estimate
     * and says so.
     */
    private void requireFittedModel(@Nullable String pkModelId, String genericName) {
        if (pkModelId == null) {
            return;
        }
        PkModelFit fit = pkModelFit.getIfAvailable();
        String refusal = fit == null ? null : fit.refusal(pkModelId, genericName);
        if (refusal != null) {
            throw new InvalidInputException("pkModelId", refusal);
        }
    }

    /** Records a batch the network received. Its vial size must be one the product comes in. */
    @Transactional
    public Batch receiveBatch(
            UUID productId,
            String batchNumber,
            LocalDate expiresOn,
            int vials,
            int unitsPerVial,
            LocalDate receivedOn,
            @Nullable UUID receivedBy) {
        Product product = require(productId, "productId");
        if (batchNumber.isBlank() || batchNumber.length() > 40) {
            throw new InvalidInputException("batchNumber", "A batch number has 1 to 40 characters.");
        }
        if (!product.hasVialSize(unitsPerVial)) {
            throw new InvalidInputException("unitsPerVial", "The product does not come in vials of this size.");
        }
        if (vials < 0 || vials > 1_000_000) {
            throw new InvalidInputException("vials", "The number of vials is not plausible.");
        }
        if (!expiresOn.isAfter(receivedOn)) {
            throw new InvalidInputException("expiresOn", "A batch must expire after it was received.");
        }
        if (queries.batch(productId, batchNumber.strip()).isPresent()) {
            throw new InvalidInputException("batchNumber", "This batch is already recorded.");
        }
        Batch batch = new Batch(
                UUID.randomUUID(), productId, batchNumber.strip(), expiresOn, vials, unitsPerVial, receivedOn);
        queries.insertBatch(batch, receivedBy);
        return batch;
    }
}
