package org.hemonet.genetherapy;

import org.jspecify.annotations.Nullable;

/**
 * The dose steps of antithrombin-lowering therapy on its label, each with the step to go to when antithrombin
 * activity is under the target (less lowering) and above it (more lowering). Fitusiran (Qfitlia US prescribing
 * information, 2025, section 2.3 "antithrombin-based dosing regimen"; verify against the SmPC where licensed): start
 * 50 mg every 2 months; under 15 %: 50 → 20 → 10 mg every 2 months, and stop under 15 % on 10 mg; above 35 % after 6
 * months on a step: the same dose every month. The label gives no step above the monthly doses and no way down from
 * them; Hemonet then proposes the same dose every 2 months (verify) and, above the target, a review without a step.
 * The names are stored; never rename one.
 */
public enum AntithrombinStep {
    MG50_EVERY_2_MONTHS(50, 2),
    MG20_EVERY_2_MONTHS(20, 2),
    MG10_EVERY_2_MONTHS(10, 2),
    MG50_EVERY_MONTH(50, 1),
    MG20_EVERY_MONTH(20, 1),
    MG10_EVERY_MONTH(10, 1);

    /** Where a new course starts. */
    public static final AntithrombinStep START = MG50_EVERY_2_MONTHS;

    private final int doseMg;
    private final int intervalMonths;

    AntithrombinStep(int doseMg, int intervalMonths) {
        this.doseMg = doseMg;
        this.intervalMonths = intervalMonths;
    }

    public int doseMg() {
        return doseMg;
    }

    public int intervalMonths() {
        return intervalMonths;
    }

    /** The step when antithrombin is under the target, or null: stop the therapy. */
    public @Nullable AntithrombinStep below() {
        return switch (this) {
            case MG50_EVERY_2_MONTHS -> MG20_EVERY_2_MONTHS;
            case MG20_EVERY_2_MONTHS -> MG10_EVERY_2_MONTHS;
            case MG10_EVERY_2_MONTHS -> null;
            case MG50_EVERY_MONTH -> MG50_EVERY_2_MONTHS;
            case MG20_EVERY_MONTH -> MG20_EVERY_2_MONTHS;
            case MG10_EVERY_MONTH -> MG10_EVERY_2_MONTHS;
        };
    }

    /** The step when antithrombin is above the target, or null when the label has none (review instead). */
    public @Nullable AntithrombinStep above() {
        return switch (this) {
            case MG50_EVERY_2_MONTHS -> MG50_EVERY_MONTH;
            case MG20_EVERY_2_MONTHS -> MG20_EVERY_MONTH;
            case MG10_EVERY_2_MONTHS -> MG10_EVERY_MONTH;
            case MG50_EVERY_MONTH, MG20_EVERY_MONTH, MG10_EVERY_MONTH -> null;
        };
    }
}
