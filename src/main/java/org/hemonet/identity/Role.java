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
    ADMIN,
    /**
     * A home-delivery courier serving some centres: sees only what a delivery needs (name, address, date, window,
     * items, reference) of its centres' deliveries, never clinical data (issue 5). Staff: needs a second factor.
     */
    DELIVERY_PROVIDER;

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

    /** Roles whose accounts are tied to centres: centre staff, and delivery providers to the centres they serve. */
    public boolean needsCentres() {
        return isCentreStaff() || this == DELIVERY_PROVIDER;
    }

    public static Role of(String name) {
        return Role.valueOf(name);
    }
}
