package org.hemonet.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An adverse event report (issue 13, clinical.md §9) as stored, with its follow-ups oldest first.
 *
 * @param centreId the patient's registered centre when the event was reported
 * @param infusionId the diary infusion the report was filed from, if any
 * @param version the optimistic-lock version, sent as the ETag
 */
public record AdverseEvent(
        UUID id,
        UUID patientId,
        UUID centreId,
        AdverseEventCategory category,
        LocalDate onsetOn,
        @Nullable UUID productId,
        @Nullable String batchNumber,
        @Nullable UUID infusionId,
        boolean serious,
        AdverseEventOutcome outcome,
        @Nullable String narrative,
        AdverseEventStatus status,
        AdverseEventSource source,
        String reporter,
        String reporterRole,
        int version,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy,
        @Nullable Instant voidedAt,
        @Nullable String voidedBy,
        @Nullable String voidReason,
        List<FollowUp> followUps) {

    public AdverseEvent {
        followUps = List.copyOf(followUps);
    }

    /** A note appended to a report; never edited. */
    public record FollowUp(UUID id, Instant writtenAt, String writtenBy, String text) {}

    public AdverseEvent withFollowUps(List<FollowUp> all) {
        return new AdverseEvent(
                id,
                patientId,
                centreId,
                category,
                onsetOn,
                productId,
                batchNumber,
                infusionId,
                serious,
                outcome,
                narrative,
                status,
                source,
                reporter,
                reporterRole,
                version,
                createdAt,
                updatedAt,
                updatedBy,
                voidedAt,
                voidedBy,
                voidReason,
                all);
    }
}
