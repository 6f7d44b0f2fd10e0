package org.hemonet.patient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.hemonet.shared.InvalidInputException;

/**
 * Bethesda titre from one dilution (clinical.md §2): {@code BU = dilution × log2(100 / residual%)}, valid only for a
 * residual activity of 25–75 %. Worked check: 50.3 % undiluted → 0.99 BU; 38.5 % → 1.38 BU.
 *
 * <p>Outside that range the formula gives no titre, and the laboratory either repeats the assay or reports a result
 * without one:
 *
 * <ul>
 *   <li>more than 75 % residual activity <em>undiluted</em> is the usual negative result, "no inhibitor detected"
 *       (the titre is below the assay's lowest measurable value, log2(100/75) = 0.42 BU): it is stored as
 *       {@link #NOT_DETECTED} (0 BU), which every positive threshold (FVIII 0.6, FIX 0.3 BU) reads as negative. Without
 *       it a patient with haemophilia B could never have a negative result recorded, since the lowest titre the
 *       formula gives (0.42 BU) is above the FIX threshold;
 *   <li>more than 75 % at a dilution: the sample was diluted too far, repeat it at a lower dilution (refused);
 *   <li>less than 25 %: too much inhibitor for this dilution, repeat it at a higher one (refused).
 * </ul>
 */
public final class BethesdaTitre {

    /** The stored titre of a negative result ("no inhibitor detected", residual above 75 % undiluted). */
    public static final BigDecimal NOT_DETECTED = new BigDecimal("0.00");

    /** Residual activities above this are not plausible (the control plasma is 100 %; assays scatter a little). */
    static final double MAX_RESIDUAL = 150;

    /**
     * Dilutions above this are not plausible: laboratories titrate very high inhibitors at 1:1024 or 1:2048. Found by
     * fuzzing (issue 14): 1E+400 made the titre infinite, and 10^8 overflowed the stored numeric(10, 2); both were
     * answered 500.
     */
    static final BigDecimal MAX_DILUTION = new BigDecimal("100000");

    private BethesdaTitre() {}

    public static BigDecimal compute(BigDecimal residualActivityPercent, BigDecimal dilution) {
        double residual = residualActivityPercent.doubleValue();
        if (dilution.compareTo(BigDecimal.ONE) < 0) {
            throw new InvalidInputException("dilution", "The dilution must be 1 (undiluted) or more.");
        }
        if (dilution.compareTo(MAX_DILUTION) > 0) {
            throw new InvalidInputException("dilution", "The dilution cannot be above 1:100000.");
        }
        boolean undiluted = dilution.compareTo(BigDecimal.ONE) == 0;
        if (residual > 75 && residual <= MAX_RESIDUAL && undiluted) {
            return NOT_DETECTED;
        }
        if (residual < 25 || residual > 75) {
            throw new InvalidInputException(
                    "residualActivityPercent",
                    residual > MAX_RESIDUAL
                            ? "The residual activity cannot be above 150 %."
                            : residual > 75
                                    ? "Above 75 % residual activity at a dilution: repeat the assay at a lower"
                                            + " dilution, or undiluted (above 75 % undiluted is a negative result)."
                                    : "The residual activity must be between 25 and 75 % for a valid Bethesda titre;"
                                            + " repeat the assay at a higher dilution.");
        }
        double bu = dilution.doubleValue() * (Math.log(100.0 / residual) / Math.log(2));
        return BigDecimal.valueOf(bu).setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether a stored titre is a negative result without a measurable titre. */
    public static boolean notDetected(BigDecimal titreBu) {
        return titreBu.signum() == 0;
    }
}
