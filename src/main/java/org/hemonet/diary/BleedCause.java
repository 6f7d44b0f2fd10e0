package org.hemonet.diary;

/** Why a bleed happened (clinical.md §3). Stored names; never rename one. */
public enum BleedCause {
    SPONTANEOUS,
    TRAUMATIC,
    POST_SURGICAL,
    UNKNOWN
}
