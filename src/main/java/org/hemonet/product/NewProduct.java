package org.hemonet.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A product to add to the catalogue; see {@link Product} for the fields. */
public record NewProduct(
        UUID id,
        String genericName,
        String brandName,
        String manufacturer,
        ProductClass productClass,
        DoseUnit unit,
        List<Integer> vialSizes,
        @Nullable BigDecimal recovery,
        @Nullable BigDecimal recoveryUnder12,
        @Nullable String pkModelId,
        @Nullable BigDecimal concentrationMgPerMl,
        BigDecimal listPricePerUnit) {}
