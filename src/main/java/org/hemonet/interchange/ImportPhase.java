package org.hemonet.interchange;

/** The steps of an import, in order. */
public enum ImportPhase {
    READING,
    CHECKING,
    WRITING,
    DONE
}
