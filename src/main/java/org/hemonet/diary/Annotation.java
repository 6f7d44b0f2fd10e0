package org.hemonet.diary;

import java.time.Instant;
import java.util.UUID;

/** A clinician's note on a bleed or an infusion; never changed or deleted. */
public record Annotation(
        UUID id, UUID patientId, EntryType entryType, UUID entryId, String text, String author, Instant createdAt) {

    public enum EntryType {
        BLEED,
        INFUSION
    }
}
