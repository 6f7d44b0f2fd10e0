package org.hemonet.message;

/** What a message is about; a {@link #RECALL} message asks to be acknowledged. The names are stored. */
public enum MessageKind {
    RECALL,
    GENERAL,
    REMINDER;

    /** Does the recipient confirm they acted on it (a safety message)? */
    public boolean asksForAcknowledgement() {
        return this == RECALL;
    }
}
