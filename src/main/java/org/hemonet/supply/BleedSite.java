package org.hemonet.supply;

/** Situations with WFH 2020 factor level targets (clinical.md §6). The names appear in the API; never rename one. */
public enum BleedSite {
    JOINT,
    SUPERFICIAL_MUSCLE,
    ILIOPSOAS,
    INTRACRANIAL,
    THROAT_NECK,
    GASTROINTESTINAL,
    RENAL,
    DEEP_LACERATION,
    MAJOR_SURGERY,
    MINOR_SURGERY
}
