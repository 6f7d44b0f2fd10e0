package org.hemonet.patient;

/** The outcome of an immune tolerance induction episode (clinical.md §2). */
public enum ItiOutcome {
    SUCCESS,
    PARTIAL,
    FAILURE,
    ONGOING
}
