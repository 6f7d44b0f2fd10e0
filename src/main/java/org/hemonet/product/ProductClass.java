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
    FIBRINOGEN_CONCENTRATE(null, false),
    /** AAV gene therapy expressing FVIII (e.g. valoctocogene roxaparvovec), dosed once in vector genomes per kg. */
    GENE_THERAPY_FVIII(null, false),
    /** AAV gene therapy expressing FIX (e.g. etranacogene dezaparvovec, fidanacogene elaparvovec), vg/kg. */
    GENE_THERAPY_FIX(null, false),
    /** Anti-tissue-factor-pathway-inhibitor antibody (concizumab, marstacimab), dosed in mg. */
    ANTI_TFPI(null, false),
    /** Antithrombin-lowering siRNA (fitusiran), dosed in mg to an antithrombin activity target (issue 21). */
    ANTITHROMBIN_LOWERING(null, false);

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

    /**
     * A gene therapy: not a concentrate (its {@link #factor()} is null, so PK, exposure days and factor use leave it
     * out), given once and followed up by the genetherapy module.
     */
    public boolean isGeneTherapy() {
        return this == GENE_THERAPY_FVIII || this == GENE_THERAPY_FIX;
    }

    /** The factor a gene therapy makes the liver express ({@code FVIII} or {@code FIX}), else {@code null}. */
    public @Nullable String expressedFactor() {
        return this == GENE_THERAPY_FVIII ? "FVIII" : this == GENE_THERAPY_FIX ? "FIX" : null;
    }

    /** A non-factor prophylaxis given in mg (emicizumab, anti-TFPI antibodies, antithrombin lowering). */
    public boolean isNonFactorProphylaxis() {
        return this == EMICIZUMAB || this == ANTI_TFPI || this == ANTITHROMBIN_LOWERING;
    }

    public boolean isPlasmaDerived() {
        return this == FVIII_PLASMA_DERIVED || this == FIX_PLASMA_DERIVED;
    }
}
