package org.hemonet.message;

/**
 * Which threads of the team inbox to list: every open one, the open ones nobody is assigned, the open ones assigned to
 * the reader, or those marked done. Patients and parents always see all of theirs.
 */
public enum ThreadFilter {
    OPEN,
    UNASSIGNED,
    MINE,
    DONE
}
