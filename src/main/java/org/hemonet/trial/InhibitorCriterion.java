package org.hemonet.trial;

/** What a trial asks of a patient's inhibitor status. */
public enum InhibitorCriterion {
    /** Any status. */
    ANY,
    /** A current inhibitor (low or high responder). */
    CURRENT_INHIBITOR,
    /** No current inhibitor (never, or no longer; untested patients are not known to be without one). */
    NO_CURRENT_INHIBITOR
}
