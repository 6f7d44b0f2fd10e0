package org.hemonet.pathway;

/** An annual review is open until a clinician completes and signs it; a completed review no longer changes. */
public enum ReviewStatus {
    OPEN,
    COMPLETED
}
