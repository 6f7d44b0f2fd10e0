package org.hemonet.supply;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A batch recall and everyone it reaches now, grouped by centre: the list is recomputed on every read, so a delivery
 * or infusion from a recalled batch after the recall shows up (see {@link BatchRecalls}). What a reader sees of each
 * centre depends on who they are: centre staff get the named patients of their own centres and counts of the others;
 * network analysts get every patient as a recall-scoped pseudonym, never a name or registry id.
 *
 * @param patientsOutstanding reached patients who have not acknowledged
 * @param centresOutstanding reached centres whose team has not acknowledged
 */
public record Recall(
        UUID id,
        UUID productId,
        List<String> batchNumbers,
        String reason,
        RecallLevel level,
        String issuedBy,
        Instant issuedAt,
        int patientCount,
        int patientsOutstanding,
        int centresOutstanding,
        List<CentreGroup> centres) {

    /**
     * @param acknowledged patients of this centre who acknowledged
     * @param ownCentre the reader works at this centre (and may acknowledge for it)
     * @param centreAcknowledgedAt when the centre's team acknowledged, or null
     */
    public record CentreGroup(
            UUID centreId,
            String centreName,
            int patientCount,
            int vialsAtHome,
            int acknowledged,
            boolean ownCentre,
            @Nullable Instant centreAcknowledgedAt,
            @Nullable String centreAcknowledgedBy,
            List<Patient> patients) {

        public int outstanding() {
            return patientCount - acknowledged;
        }
    }

    /** How a patient is linked to a recalled batch. */
    public enum Link {
        RECEIVED,
        INFUSED,
        VOIDED_INFUSION,
        AT_HOME
    }

    /**
     * @param pseudonym a code for the patient that holds only within this recall (what network analysts see)
     * @param patientId the registry id, for centre staff of the patient only
     * @param name the patient's name, for centre staff of the patient only
     * @param voidedInfusions infusion entries from a recalled batch that were voided (still a link, security.md §19)
     * @param vialsAtHome unopened vials of the recalled batches still at home
     * @param acknowledgedByRole {@code PATIENT} (the patient or a parent) or the staff role that acknowledged
     * @param acknowledgedBy who acknowledged, for centre staff of the patient only
     */
    public record Patient(
            String pseudonym,
            @Nullable UUID patientId,
            @Nullable String name,
            List<Link> links,
            int vialsReceived,
            int vialsInfused,
            int voidedInfusions,
            int vialsAtHome,
            Instant reachedAt,
            @Nullable Instant acknowledgedAt,
            @Nullable String acknowledgedByRole,
            @Nullable String acknowledgedBy) {}
}
