package org.hemonet.patient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.hemonet.shared.InvalidInputException;

/**
 * Bethesda titre from one dilution (clinical.md §2): {@code BU = dilution × log2(100 / residual%)}, valid only for a
 * residual activity of 25–75 %. Worked check: 50.3 % undiluted → 0.99 BU; 38.5 % → 1.38 BU.
 */
public final class BethesdaTitre {

    private BethesdaTitre() {}

    public static BigDecimal compute(BigDecimal residualActivityPercent, BigDecimal dilution) {
        double residual = residualActivityPercent.doubleValue();
        if (residual < 25 || residual > 75) {
            throw new InvalidInputException(
                    "residualActivityPercent",
                    "The residual activity must be between 25 and 75 % for a valid Bethesda titre; "
                            + "repeat the assay at another dilution.");
        }
        if (dilution.compareTo(BigDecimal.ONE) < 0) {
            throw new InvalidInputException("dilution", "The dilution must be 1 (undiluted) or more.");
        }
        double bu = dilution.doubleValue() * (Math.log(100.0 / residual) / Math.log(2));
        return BigDecimal.valueOf(bu).setScale(2, RoundingMode.HALF_UP);
    }
}
