package org.hemonet.supply;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A patient's home stock and forecast.
 *
 * @param daysOfStockLeft whole days the unexpired stock of the active prophylaxis plan's product lasts at the
 *     prescribed regimen; {@code null} without a prophylaxis plan
 * @param lowStock fewer than {@code alertDays} days left
 * @param suggestedDeliveryBy the day a delivery should arrive to keep {@code alertDays} days in hand
 */
public record StockReport(
        UUID patientId,
        LocalDate asOf,
        List<StockLine> items,
        @Nullable UUID planProductId,
        @Nullable Integer daysOfStockLeft,
        int alertDays,
        boolean lowStock,
        @Nullable LocalDate suggestedDeliveryBy) {}
