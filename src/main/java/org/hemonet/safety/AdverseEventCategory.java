package org.hemonet.safety;

/** EUHASS-style categories of an adverse event (clinical.md §9). The names are stored; never rename one. */
public enum AdverseEventCategory {
    /** Allergic or other acute reaction. */
    ACUTE_REACTION,
    /** Transfusion-transmitted infection. */
    INFECTION,
    /** New inhibitor (clinical.md §2). */
    INHIBITOR,
    /** Thrombosis, including thrombotic microangiopathy (emicizumab with aPCC). */
    THROMBOSIS,
    MALIGNANCY,
    DEATH,
    OTHER
}
