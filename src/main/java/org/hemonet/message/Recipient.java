package org.hemonet.message;

import java.util.UUID;

/**
 * Who a message is for: a patient's record (every account holding it reads it, the patient or a parent) or a centre's
 * team inbox (every staff member of the centre reads it).
 */
public record Recipient(Kind kind, UUID id) {

    public enum Kind {
        PATIENT,
        CENTRE
    }

    public static Recipient patient(UUID patientId) {
        return new Recipient(Kind.PATIENT, patientId);
    }

    public static Recipient centre(UUID centreId) {
        return new Recipient(Kind.CENTRE, centreId);
    }
}
