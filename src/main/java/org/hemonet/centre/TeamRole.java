package org.hemonet.centre;

/** Roles on a centre's roster; the first four make the core team (clinical.md §7). */
public enum TeamRole {
    HAEMATOLOGIST,
    NURSE_COORDINATOR,
    PHYSIOTHERAPIST,
    SOCIAL_WORKER,
    LABORATORY_SCIENTIST,
    PSYCHOLOGIST,
    DENTIST,
    ORTHOPAEDIC_SURGEON,
    DATA_MANAGER,
    OTHER;

    public boolean isCore() {
        return ordinal() <= SOCIAL_WORKER.ordinal();
    }
}
