package org.hemonet.genetherapy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored gene therapy infusion with its work-up and the follow-up template it was given with. */
public record GeneTherapy(
        UUID id,
        UUID patientId,
        UUID productId,
        String batchNumber,
        LocalDate infusedOn,
        BigDecimal doseVgPerKg,
        @Nullable BigDecimal weightKg,
        String aavAntibodies,
        @Nullable String aavTitre,
        BigDecimal baselineAlt,
        String liverHealth,
        String inhibitorHistory,
        @Nullable String eligibilityNotes,
        int weeklyUntilWeek,
        int fortnightlyUntilWeek,
        int monthlyUntilWeek,
        int longTermIntervalWeeks,
        String recordedBy,
        Instant recordedAt,
        @Nullable Instant voidedAt) {

    /** The schedule part of the template, with the product's current alert thresholds. */
    GeneTherapySettings template(GeneTherapySettings product) {
        return new GeneTherapySettings(
                weeklyUntilWeek,
                fortnightlyUntilWeek,
                monthlyUntilWeek,
                longTermIntervalWeeks,
                product.altRiseFactor(),
                product.altAboveUln(),
                product.expressionFloorIuPerDl(),
                product.expressionFromWeek());
    }
}
