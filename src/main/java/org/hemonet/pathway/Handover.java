package org.hemonet.pathway;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The hand-over of a record from the paediatric to the adult centre (clinical.md §10; issue 17): the record's
 * registered centre moved from {@code fromCentreId} to {@code toCentreId}; the paediatric team may read the hand-over
 * and the record's summary until {@code readAccessUntil}. The transition stage and readiness checklist are as they
 * were at the hand-over.
 */
public record Handover(
        UUID id,
        UUID patientId,
        UUID fromCentreId,
        UUID toCentreId,
        Instant handedOverAt,
        String handedOverBy,
        String handedOverByName,
        Instant readAccessUntil,
        String summary,
        int ageYears,
        @Nullable String stage,
        boolean knowsDiagnosisAndProduct,
        boolean selfInfuses,
        boolean ordersSupplies,
        boolean knowsEmergencyPlan) {

    public int checklistDone() {
        return (knowsDiagnosisAndProduct ? 1 : 0)
                + (selfInfuses ? 1 : 0)
                + (ordersSupplies ? 1 : 0)
                + (knowsEmergencyPlan ? 1 : 0);
    }

    public boolean readableByFormerTeamAt(Instant now) {
        return now.isBefore(readAccessUntil);
    }
}
