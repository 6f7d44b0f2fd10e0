package org.hemonet.audit;

/** What was done (security.md §13). The names are stored; never rename one. */
public enum AuditAction {
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    VOID,
    EXPORT,
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    ACCOUNT_CHANGE
}
