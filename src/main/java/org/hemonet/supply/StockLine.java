package org.hemonet.supply;

import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.product.DoseUnit;
import org.jspecify.annotations.Nullable;

/**
 * Vials of one batch at a patient's home: delivered − infused − wasted/expired ± stock-take differences.
 *
 * @param iu the amount in these vials, in {@link #unit()} (IU for factor concentrates)
 */
public record StockLine(
        UUID productId,
        String batchNumber,
        @Nullable LocalDate expiresOn,
        int vials,
        int iuPerVial,
        long iu,
        DoseUnit unit,
        boolean expired) {}
