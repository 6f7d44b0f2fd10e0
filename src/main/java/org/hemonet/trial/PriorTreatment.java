package org.hemonet.trial;

/** What a trial asks of a patient's treatment so far (their living plan today, or being previously untreated). */
public enum PriorTreatment {
    ANY,
    /** Never treated with a factor concentrate when first seen (clinical.md §9). */
    PREVIOUSLY_UNTREATED,
    /** Prophylaxis with a factor concentrate. */
    FACTOR_PROPHYLAXIS,
    /** Factor concentrate on demand only. */
    ON_DEMAND,
    /** Prophylaxis with emicizumab. */
    EMICIZUMAB
}
