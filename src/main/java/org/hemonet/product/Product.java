package org.hemonet.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A product of the catalogue.
 *
 * @param vialSizes the nominal content of each vial size, in {@link #unit()}, smallest first
 * @param recovery incremental recovery in IU/dL per IU/kg (clinical.md §6), {@code null} when not dosed by recovery
 * @param recoveryUnder12 recovery for children under 12 where it differs (nonacog alfa 0.7), else {@code null}
 * @param pkModelId the population PK model of {@code pk-models.md}, where one exists
 * @param concentrationMgPerMl for products dosed by volume (emicizumab 30 or 150 mg/mL), else {@code null}
 * @param listPricePerUnit list price per IU or per mg, in {@link #currency()}
 * @param withdrawnAt when the product was withdrawn (status {@code WITHDRAWN}), else {@code null}
 * @param withdrawalReason why it was withdrawn
 */
public record Product(
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
        BigDecimal listPricePerUnit,
        String currency,
        ProductStatus status,
        @Nullable Instant withdrawnAt,
        @Nullable String withdrawalReason) {

    public Product {
        vialSizes = List.copyOf(vialSizes.stream().sorted().toList());
    }

    /** The recovery to dose a patient of {@code ageYears} with, or {@code null} when the product has none. */
    public @Nullable BigDecimal recoveryFor(int ageYears) {
        return ageYears < 12 && recoveryUnder12 != null ? recoveryUnder12 : recovery;
    }

    /** May it be prescribed or newly logged? A withdrawn product stays in history, recalls and rates only. */
    public boolean isWithdrawn() {
        return status == ProductStatus.WITHDRAWN;
    }

    public boolean hasVialSize(int size) {
        return vialSizes.contains(size);
    }
}
