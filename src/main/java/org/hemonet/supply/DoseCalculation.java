package org.hemonet.supply;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.hemonet.product.DoseUnit;
import org.jspecify.annotations.Nullable;

/**
 * The result of the dose calculator.
 *
 * @param exactDose the dose before rounding
 * @param dose the dose in whole vials
 * @param vials vial size → count
 * @param expectedRiseIuPerDl the rise the rounded dose gives (factor concentrates dosed by recovery), else null
 * @param volumeMl the volume to inject (emicizumab), else null
 */
public record DoseCalculation(
        UUID productId,
        DoseUnit unit,
        BigDecimal weightKg,
        @Nullable BigDecimal recovery,
        BigDecimal exactDose,
        int dose,
        Map<Integer, Integer> vials,
        @Nullable BigDecimal expectedRiseIuPerDl,
        @Nullable BigDecimal volumeMl) {}
