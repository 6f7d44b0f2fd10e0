package org.hemonet.supply;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A batch recall and everyone it reaches, grouped by centre. What a reader sees of each centre depends on who they
 * are: centre staff get the patient rows of their own centres, everyone else counts only (see {@link BatchRecalls}).
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
        List<CentreGroup> centres) {

    public record CentreGroup(
            UUID centreId,
            String centreName,
            int patientCount,
            int vialsAtHome,
            int acknowledged,
            List<Patient> patients) {}

    /**
     * @param voidedInfusions infusion entries from a recalled batch that were voided (still a link, security.md §19)
     * @param vialsAtHome unopened vials of the recalled batches still at home
     */
    public record Patient(
            UUID patientId,
            String name,
            int vialsReceived,
            int vialsInfused,
            int voidedInfusions,
            int vialsAtHome,
            @Nullable Instant acknowledgedAt) {}
}
