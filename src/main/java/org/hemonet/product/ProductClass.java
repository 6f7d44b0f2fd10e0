package org.hemonet.product;

import org.jspecify.annotations.Nullable;

/** What a product is, clinically. The names are stored; never rename one. */
public enum ProductClass {
    FVIII_RECOMBINANT_STANDARD("FVIII", false),
    FVIII_RECOMBINANT_EXTENDED("FVIII", true),
    FVIII_PLASMA_DERIVED("FVIII", false),
    FIX_RECOMBINANT_STANDARD("FIX", false),
    FIX_RECOMBINANT_EXTENDED("FIX", true),
    FIX_PLASMA_DERIVED("FIX", false),
    /** Activated prothrombin complex concentrate, a bypassing agent. */
    BYPASSING_APCC(null, false),
    /** Recombinant activated factor VII (eptacog alfa), a bypassing agent. */
    BYPASSING_RFVIIA(null, false),
    /** Bispecific antibody mimicking FVIIIa, dosed in mg/kg (clinical.md §6). */
    EMICIZUMAB(null, false),
    VWF_CONCENTRATE(null, false),
    FIBRINOGEN_CONCENTRATE(null, false);

    private final @Nullable String factor;
    private final boolean extendedHalfLife;

    ProductClass(@Nullable String factor, boolean extendedHalfLife) {
        this.factor = factor;
        this.extendedHalfLife = extendedHalfLife;
    }

    /** The factor a concentrate replaces ({@code FVIII} or {@code FIX}), or {@code null} for other products. */
    public @Nullable String factor() {
        return factor;
    }

    public boolean isExtendedHalfLife() {
        return extendedHalfLife;
    }

    public boolean isPlasmaDerived() {
        return this == FVIII_PLASMA_DERIVED || this == FIX_PLASMA_DERIVED;
    }
}
