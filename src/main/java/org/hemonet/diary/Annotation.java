package org.hemonet.diary;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinician's note on a bleed or an infusion; never changed or deleted. {@code author} is the username,
 * {@code authorName} the name shown to the patient.
 */
public record Annotation(
        UUID id,
        UUID patientId,
        EntryType entryType,
        UUID entryId,
        String text,
        String author,
        String authorName,
        Instant createdAt) {

    public enum EntryType {
        BLEED,
        INFUSION
    }
}
