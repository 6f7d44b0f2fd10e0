package org.hemonet.centre;

/** Designation level of a treatment centre (clinical.md §7). */
public enum CentreType {
    COMPREHENSIVE_CARE_CENTRE,
    HAEMOPHILIA_CENTRE
}
