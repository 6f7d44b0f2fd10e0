package org.hemonet.supply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Dose arithmetic of clinical.md §6 (Srivastava et al., WFH Guidelines for the Management of Hemophilia, 3rd edition,
 * Haemophilia 2020;26 Suppl 6).
 *
 * <ul>
 *   <li>Factor concentrates: dose (IU) = weight (kg) × desired rise (IU/dL) ÷ incremental recovery (IU/dL per IU/kg),
 *       rounded up to whole vials.
 *   <li>Weight-based doses: dose = weight × dose per kg (IU/kg or mg/kg), rounded up to whole vials.
 *   <li>Emicizumab: volume (mL) = mg ÷ concentration (30 or 150 mg/mL).
 * </ul>
 */
public final class DoseCalculator {

    /** Largest plausible single dose of a factor concentrate (security.md §20). */
    public static final int MAX_IU = 50_000;

    /** Largest plausible single dose in mg (emicizumab 6 mg/kg at 300 kg is 1,800 mg). */
    public static final int MAX_MG = 2_000;

    private DoseCalculator() {}

    /** The exact dose in IU to raise the level by {@code riseIuPerDl}, before rounding. */
    public static BigDecimal doseForRise(BigDecimal weightKg, BigDecimal riseIuPerDl, BigDecimal recovery) {
        return weightKg.multiply(riseIuPerDl).divide(recovery, 2, RoundingMode.HALF_UP);
    }

    /** The exact dose for a dose per kg, before rounding. */
    public static BigDecimal doseForWeight(BigDecimal weightKg, BigDecimal dosePerKg) {
        return weightKg.multiply(dosePerKg).setScale(2, RoundingMode.HALF_UP);
    }

    /** The rise in IU/dL that {@code doseIu} gives a patient of {@code weightKg}. */
    public static BigDecimal expectedRise(int doseIu, BigDecimal weightKg, BigDecimal recovery) {
        return BigDecimal.valueOf(doseIu).multiply(recovery).divide(weightKg, 1, RoundingMode.HALF_UP);
    }

    /** Volume in mL of {@code mg} at {@code mgPerMl}, to 0.01 mL. */
    public static @Nullable BigDecimal volumeMl(int mg, @Nullable BigDecimal mgPerMl) {
        return mgPerMl == null ? null : BigDecimal.valueOf(mg).divide(mgPerMl, 2, RoundingMode.HALF_UP);
    }

    public static VialCombination toVials(BigDecimal exact, List<Integer> vialSizes) {
        return VialCombination.roundUp(exact.doubleValue(), vialSizes);
    }
}
