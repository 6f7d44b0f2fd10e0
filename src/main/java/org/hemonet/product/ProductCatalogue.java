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

    /**
     * Adds a product to the catalogue, active, after checking what makes it usable (security.md §20, each refusal a
     * {@code 400} naming the field): names present and short, a unit that fits the class (emicizumab, rFVIIa, fibrinogen and the
     * non-factor therapies in mg, gene therapies in vg, factor concentrates in IU), positive vial sizes, a plausible recovery, a concentration for emicizumab, a price of
     * zero or more, a brand name not already in the catalogue, and a PK model fitted on its molecule (issue 20).
     */
    @Transactional
    public UUID add(NewProduct product) {
        name(product.genericName(), "genericName");
        name(product.brandName(), "brandName");
        name(product.manufacturer(), "manufacturer");
        if (product.productClass() == null) {
            throw new InvalidInputException("productClass", "Choose the product's class.");
        }
        if (product.unit() == null) {
            throw new InvalidInputException("unit", "Choose IU, MG or VG.");
        }
        DoseUnit expected =
                switch (product.productClass()) {
                    case EMICIZUMAB, BYPASSING_RFVIIA, FIBRINOGEN_CONCENTRATE, ANTI_TFPI, ANTITHROMBIN_LOWERING ->
                        DoseUnit.MG;
                    case GENE_THERAPY_FVIII, GENE_THERAPY_FIX -> DoseUnit.VG;
                    default -> DoseUnit.IU;
                };
        if (product.unit() != expected) {
            throw new InvalidInputException("unit", "A product of this class is dosed in " + expected + ".");
        }
        if (product.vialSizes() == null
                || product.vialSizes().isEmpty()
                || product.vialSizes().size() > 12
                || product.vialSizes().stream().anyMatch(size -> size == null || size <= 0 || size > 100_000)) {
            throw new InvalidInputException("vialSizes", "Vial sizes must be positive.");
        }
        if (product.vialSizes().stream().distinct().count()
                != product.vialSizes().size()) {
            throw new InvalidInputException("vialSizes", "Each vial size once.");
        }
        recovery(product.recovery(), "recovery");
        recovery(product.recoveryUnder12(), "recoveryUnder12");
        if (product.recoveryUnder12() != null && product.recovery() == null) {
            throw new InvalidInputException("recovery", "Give the adult recovery as well as the one under 12.");
        }
        if (product.productClass() == ProductClass.EMICIZUMAB && product.concentrationMgPerMl() == null) {
            throw new InvalidInputException(
                    "concentrationMgPerMl", "Emicizumab is dosed by volume: give its concentration in mg/mL.");
        }
        if (product.concentrationMgPerMl() != null
                && (product.concentrationMgPerMl().signum() <= 0
                        || product.concentrationMgPerMl().compareTo(new java.math.BigDecimal("1000")) > 0)) {
            throw new InvalidInputException("concentrationMgPerMl", "The concentration is not plausible.");
        }
        if (product.listPricePerUnit() == null
                || product.listPricePerUnit().signum() < 0
                || product.listPricePerUnit().compareTo(new java.math.BigDecimal("100000")) >= 0) {
            throw new InvalidInputException("listPricePerUnit", "Give a list price of zero or more.");
        }
        if (product.pkModelId() != null && product.pkModelId().isBlank()) {
            throw new InvalidInputException("pkModelId", "Leave the PK model out, or name one.");
        }
        requireFittedModel(product.pkModelId(), product.genericName());
        if (queries.brandTaken(product.brandName().strip())) {
            throw new InvalidInputException("brandName", "A product of this brand name is already in the catalogue.");
        }
        queries.insert(product);
        return product.id();
    }

    /**
     * Withdraws a product (issue 13): it stays in the catalogue, in every patient's history, in recalls and in the
     * safety rates, but can no longer be prescribed or newly logged. Never undone here; a product already withdrawn is
     * a conflict.
     */
    @Transactional
    public Product withdraw(UUID productId, String reason, String by, java.time.Instant at) {
        Product product =
                queries.find(productId).orElseThrow(() -> new org.hemonet.shared.NotFoundException("Product"));
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", "Say why the product is withdrawn (at most 500 characters).");
        }
        if (product.status() == ProductStatus.WITHDRAWN || !queries.withdraw(productId, reason.strip(), by, at)) {
            throw new org.hemonet.shared.ConflictException("This product is already withdrawn.");
        }
        return queries.find(productId).orElseThrow();
    }

    private static void name(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Required.");
        }
        if (value.strip().length() > 120) {
            throw new InvalidInputException(field, "At most 120 characters.");
        }
    }

    private static void recovery(java.math.@Nullable BigDecimal value, String field) {
        if (value != null
                && (value.signum() <= 0 || value.compareTo(java.math.BigDecimal.TEN) >= 0 || value.scale() > 2)) {
            throw new InvalidInputException(field, "Recovery is in IU/dL per IU/kg, between 0 and 10, two decimals.");
        }
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
