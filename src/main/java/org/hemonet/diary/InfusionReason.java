package org.hemonet.diary;

/** Why an infusion was given (clinical.md §4, factor use by reason). Stored names; never rename one. */
public enum InfusionReason {
    PROPHYLAXIS,
    BLEED,
    BEFORE_ACTIVITY,
    SURGERY,
    OTHER
}
