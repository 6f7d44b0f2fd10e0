package org.hemonet.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A decision taken with the patient when a plan changes (issue 17), e.g. factor prophylaxis → emicizumab, a new
 * product, a PK-guided regimen: the options discussed, what matters to the patient, the patient's choice and who
 * agreed. Voided with a reason, never deleted.
 *
 * @param reviewId the annual review it was taken at, if any
 */
public record SharedDecision(
        UUID id,
        UUID patientId,
        @Nullable UUID reviewId,
        LocalDate decidedOn,
        String planChange,
        String optionsDiscussed,
        String whatMatters,
        String choice,
        String agreedBy,
        Instant recordedAt,
        String recordedBy,
        String recordedByName,
        @Nullable Instant voidedAt,
        @Nullable String voidedBy,
        @Nullable String voidReason) {

    public boolean isVoided() {
        return voidedAt != null;
    }
}
