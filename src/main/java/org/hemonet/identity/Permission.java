package org.hemonet.identity;

/**
 * A right granted to one account on top of what its role allows. Roles say what an account is for (security.md §1);
 * a permission marks the few accounts of a role trusted with more. The names are stored; never rename one.
 */
public enum Permission {
    /**
     * May download de-identified, k-anonymous patient-level research extracts (issue 18). Only a
     * {@link Role#NETWORK_ANALYST} can hold it: for any other role it is ignored.
     */
    RESEARCH_EXTRACT;

    /** The roles for which holding this permission counts. */
    public boolean appliesTo(Role role) {
        return switch (this) {
            case RESEARCH_EXTRACT -> role == Role.NETWORK_ANALYST;
        };
    }
}
