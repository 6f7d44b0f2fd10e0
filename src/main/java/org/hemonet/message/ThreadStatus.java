package org.hemonet.message;

/** A thread is open until the team marks it done; the patient's side writing again reopens it. Stored. */
public enum ThreadStatus {
    OPEN,
    DONE
}
