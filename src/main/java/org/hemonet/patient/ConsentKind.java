package org.hemonet.patient;

/** What a patient consented to. */
public enum ConsentKind {
    REGISTRY,
    RESEARCH,
    DATA_SHARING
}
