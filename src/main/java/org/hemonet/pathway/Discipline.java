package org.hemonet.pathway;

import java.util.Locale;
import java.util.Optional;

/**
 * The disciplines of the multidisciplinary annual review (issue 17) and the role that writes each part: haematology
 * by a clinician, nursing by a nurse, physiotherapy (with the HJHS) by a physiotherapist, social work and psychology by
 * a social worker.
 */
public enum Discipline {
    HAEMATOLOGY("CLINICIAN", "haematology"),
    NURSING("NURSE", "nursing"),
    PHYSIOTHERAPY("PHYSIO", "physiotherapy"),
    PSYCHOSOCIAL("SOCIAL_WORKER", "psychosocial");

    private final String role;
    private final String jsonName;

    Discipline(String role, String jsonName) {
        this.role = role;
        this.jsonName = jsonName;
    }

    /** The account role that writes this discipline's part. */
    public String role() {
        return role;
    }

    /** The key of the part in the review's {@code sections} and in URLs, e.g. {@code physiotherapy}. */
    public String jsonName() {
        return jsonName;
    }

    public static Optional<Discipline> ofJsonName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Discipline d : values()) {
            if (d.jsonName.equals(n) || d.name().toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The discipline an account role writes, if any. */
    public static Optional<Discipline> ofRole(String role) {
        for (Discipline d : values()) {
            if (d.role.equals(role)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
