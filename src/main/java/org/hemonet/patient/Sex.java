package org.hemonet.patient;

/** Sex recorded for clinical classification (carrier bands apply to women and girls, clinical.md §1). */
public enum Sex {
    MALE,
    FEMALE
}
