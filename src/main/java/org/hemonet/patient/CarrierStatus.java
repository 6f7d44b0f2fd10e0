package org.hemonet.patient;

/** Carrier status of a relative in the pedigree (clinical.md §1). */
public enum CarrierStatus {
    UNKNOWN,
    NOT_CARRIER,
    CARRIER,
    OBLIGATE_CARRIER,
    AFFECTED
}
