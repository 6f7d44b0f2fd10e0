package org.hemonet.message;

/** Who wrote a message in a thread: the patient's side (the patient or a parent) or the centre's team. Stored. */
public enum ThreadSide {
    PATIENT,
    TEAM;

    public ThreadSide other() {
        return this == PATIENT ? TEAM : PATIENT;
    }
}
