package org.hemonet.safety;

/**
 * Where a report stands: {@code DRAFT → REPORTED → CLOSED}, or {@code VOIDED} (with a reason) from any of them. Only
 * reported and closed events count in the rates (clinical.md §9).
 */
public enum AdverseEventStatus {
    DRAFT,
    REPORTED,
    CLOSED,
    VOIDED;

    /** Counted in rates and signals. */
    public boolean counts() {
        return this == REPORTED || this == CLOSED;
    }

    /** May a report in this status move to {@code next}? Staying put is always allowed. */
    public boolean mayBecome(AdverseEventStatus next) {
        if (next == this) {
            return true;
        }
        return switch (this) {
            case DRAFT -> next == REPORTED || next == VOIDED;
            case REPORTED -> next == CLOSED || next == VOIDED;
            case CLOSED -> next == VOIDED;
            case VOIDED -> false;
        };
    }
}
