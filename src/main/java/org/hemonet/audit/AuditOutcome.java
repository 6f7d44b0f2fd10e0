package org.hemonet.audit;

/** How the attempt ended. The names are stored; never rename one. */
public enum AuditOutcome {
    /** The action was carried out. */
    SUCCESS,
    /** The access policy refused it (the caller saw a 404 or 403, security.md §2). */
    DENIED,
    /** It was allowed but failed, e.g. invalid input. */
    FAILED
}
