package org.hemonet.pk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A PK study in the patient's record: what was fitted ({@code study}: model, covariates, every dose and sample used),
 * which diary infusions and lab results were picked, who entered it and when, and the MAP result as computed then
 * ({@code estimate}: individual parameters, η, half-life with its 90 % interval, curve with band, warnings).
 *
 * @param signedOffAt when a regimen was signed off from this study, which makes it the study the patient's "estimated
 *     level now" uses
 */
public record SavedStudy(
        UUID id,
        UUID patientId,
        PkStudy study,
        PkEstimate estimate,
        List<UUID> infusionIds,
        List<UUID> factorLevelIds,
        double targetTroughIuPerDl,
        String enteredBy,
        Instant enteredAt,
        @Nullable Instant signedOffAt,
        @Nullable String signedOffBy,
        @Nullable UUID signedOffPlanId,
        @Nullable Instant voidedAt,
        @Nullable String voidedBy,
        @Nullable String voidReason) {

    public SavedStudy {
        infusionIds = List.copyOf(infusionIds);
        factorLevelIds = List.copyOf(factorLevelIds);
    }

    public String model() {
        return study.model();
    }

    public boolean isVoided() {
        return voidedAt != null;
    }

    public boolean isSignedOff() {
        return signedOffAt != null;
    }
}
