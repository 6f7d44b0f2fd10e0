package org.hemonet.safety;

/** How the patient came out of an adverse event. The names are stored; never rename one. */
public enum AdverseEventOutcome {
    RECOVERED,
    RECOVERING,
    NOT_RECOVERED,
    FATAL,
    UNKNOWN
}
