package org.hemonet.safety;

/** Who raised an adverse event. The names are stored; never rename one. */
public enum AdverseEventSource {
    /** Centre staff, through the report form or the API. */
    STAFF,
    /** The patient or a parent, from the diary ("something went wrong after an infusion"): always a draft. */
    PATIENT,
    /** Two positive inhibitor tests (clinical.md §2, §9): a draft for a clinician to confirm. */
    INHIBITOR_SURVEILLANCE
}
