package org.hemonet.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.hemonet.diary.BleedSite;
import org.jspecify.annotations.Nullable;

/**
 * The outcome measures of a patient for a period (clinical.md §4), as {@code GET /api/v1/patients/{id}/outcomes}
 * returns them. Rates have 2 decimals. A figure that is undefined is null, never a made-up zero: with no observation
 * time every figure is null.
 */
public record OutcomeReport(
        @Nullable Integer observationDays,
        BleedEpisodes bleedEpisodes,
        @Nullable BigDecimal abr,
        @Nullable BigDecimal ajbr,
        @Nullable BigDecimal spontaneousAbr,
        @Nullable Integer jointImmobilisingBleeds,
        List<Target> targetJoints,
        @Nullable BigDecimal meanPain,
        @Nullable Integer daysLostSchool,
        @Nullable Integer daysLostWork,
        @Nullable BigDecimal prophylaxisAdherencePercent,
        @Nullable BigDecimal factorUseIuPerKgPerYear,
        @Nullable Integer exposureDays) {

    /** Episode counts in the period by kind. */
    public record BleedEpisodes(
            @Nullable Integer total,
            @Nullable Integer treated,
            @Nullable Integer spontaneous,
            @Nullable Integer traumatic,
            @Nullable Integer joint,
            @Nullable Integer breakthrough) {}

    /** A target joint that was active at some time in the period. */
    public record Target(BleedSite site, LocalDate since, @Nullable LocalDate resolvedOn) {}
}
