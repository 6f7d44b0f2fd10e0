package org.hemonet.patient;

import org.jspecify.annotations.Nullable;

/** Bleeding disorders the registry holds (clinical.md §1). */
public enum DiagnosisType {
    HEMOPHILIA_A("FVIII"),
    HEMOPHILIA_B("FIX"),
    VON_WILLEBRAND_DISEASE("VWF"),
    FACTOR_I_DEFICIENCY("FI"),
    FACTOR_II_DEFICIENCY("FII"),
    FACTOR_V_DEFICIENCY("FV"),
    FACTOR_VII_DEFICIENCY("FVII"),
    FACTOR_X_DEFICIENCY("FX"),
    FACTOR_XI_DEFICIENCY("FXI"),
    FACTOR_XIII_DEFICIENCY("FXIII"),
    PLATELET_FUNCTION_DISORDER(null),
    ACQUIRED_HEMOPHILIA("FVIII");

    private final @Nullable String factor;

    DiagnosisType(@Nullable String factor) {
        this.factor = factor;
    }

    /** The factor whose activity is measured for this diagnosis, or {@code null}. */
    public @Nullable String factor() {
        return factor;
    }

    /** Haemophilia A or B: the diagnoses whose severity follows the ISTH bands. */
    public boolean isHemophilia() {
        return this == HEMOPHILIA_A || this == HEMOPHILIA_B;
    }
}
