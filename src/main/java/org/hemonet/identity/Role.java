package org.hemonet.identity;

/** What an account is for (security.md §1). */
public enum Role {
    PATIENT,
    CLINICIAN,
    NURSE,
    PHYSIO,
    SOCIAL_WORKER,
    LAB,
    NETWORK_ANALYST,
    COMMISSIONER,
    ADMIN;

    /** Members of a centre's team: they see patients registered at, or in shared care with, their centres. */
    public boolean isCentreStaff() {
        return switch (this) {
            case CLINICIAN, NURSE, PHYSIO, SOCIAL_WORKER, LAB -> true;
            default -> false;
        };
    }

    /** Network roles that see aggregates only. */
    public boolean isAggregateOnly() {
        return this == NETWORK_ANALYST || this == COMMISSIONER;
    }

    /** Every role but patients is staff and needs a second factor (security.md §9). */
    public boolean isStaff() {
        return this != PATIENT;
    }

    public static Role of(String name) {
        return Role.valueOf(name);
    }
}
