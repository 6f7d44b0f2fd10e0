package org.hemonet.supply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.product.Product;
import org.jspecify.annotations.Nullable;

/**
 * What to give for a bleed or an operation: for each site, the WFH 2020 target phases with the dose that reaches the
 * lower target from no factor (baseline 0), rounded up to whole vials of the bleed product. The lower bound is the
 * conservative convention: rounding up to vials lands within the range in the usual case.
 */
public record BleedPlan(UUID productId, BigDecimal weightKg, BigDecimal recovery, List<Site> sites) {

    public record Site(BleedSite site, List<PhaseDose> phases) {}

    public record PhaseDose(
            int lowIuPerDl,
            int highIuPerDl,
            int fromDay,
            @Nullable Integer toDay,
            int dose,
            Map<Integer, Integer> vials) {}

    /** The plan for a factor concentrate, or {@code null} when the product is not dosed by recovery. */
    public static @Nullable BleedPlan of(Product product, BigDecimal weightKg, int ageYears) {
        BigDecimal recovery = product.recoveryFor(ageYears);
        String factor = product.productClass().factor();
        if (recovery == null || factor == null) {
            return null;
        }
        List<Site> sites = new ArrayList<>();
        for (BleedSite site : BleedSite.values()) {
            List<PhaseDose> phases = new ArrayList<>();
            for (WfhTargets.Phase phase : WfhTargets.phases(factor, site)) {
                VialCombination vials = DoseCalculator.toVials(
                        DoseCalculator.doseForRise(weightKg, BigDecimal.valueOf(phase.lowIuPerDl()), recovery),
                        product.vialSizes());
                phases.add(new PhaseDose(
                        phase.lowIuPerDl(),
                        phase.highIuPerDl(),
                        phase.fromDay(),
                        phase.toDay(),
                        vials.total(),
                        vials.vials()));
            }
            sites.add(new Site(site, phases));
        }
        return new BleedPlan(product.id(), weightKg, recovery, sites);
    }
}
