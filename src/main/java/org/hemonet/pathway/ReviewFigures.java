package org.hemonet.pathway;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an annual review opens with (issue 17): the past year's figures from the outcome, diary, supply, registry and
 * PK modules, kept with the review as they were when it opened (refreshed until it is completed), so that the letter
 * says what the team saw. A figure that is undefined is null, never a made-up zero (clinical.md §4).
 *
 * @param abrTrend the ABR of each of the last five years with 30 days of diary or more, oldest first, the review's
 *     year last
 */
public record ReviewFigures(
        LocalDate from,
        LocalDate to,
        Outcomes outcomes,
        Adherence adherence,
        FactorUse factorUse,
        Supply supply,
        Inhibitors inhibitors,
        List<PkStudyLine> pkStudies,
        List<YearAbr> abrTrend,
        @Nullable Hjhs hjhs,
        @Nullable List<SurveyLine> surveys) {

    /**
     * A questionnaire the patient (or a parent) submitted in the review's year, with its domain scores (docs/surveys.md);
     * {@code null} in reviews opened before surveys were gathered.
     */
    public record SurveyLine(String title, LocalDate submittedOn, java.util.Map<String, BigDecimal> scores) {}

    /**
     * Bleeding outcomes of the period by the ISTH definitions (clinical.md §3, §4).
     *
     * @param targetJoints target joints active at some time in the period, e.g. {@code LEFT_KNEE since 2026-03-01}
     */
    public record Outcomes(
            @Nullable Integer observationDays,
            @Nullable Integer bleeds,
            @Nullable Integer treatedBleeds,
            @Nullable Integer jointBleeds,
            @Nullable BigDecimal abr,
            @Nullable BigDecimal ajbr,
            @Nullable BigDecimal spontaneousAbr,
            @Nullable Integer jointImmobilisingBleeds,
            List<TargetJointLine> targetJoints,
            @Nullable BigDecimal meanPain,
            @Nullable Integer daysLostSchool,
            @Nullable Integer daysLostWork) {}

    public record TargetJointLine(String site, LocalDate since, @Nullable LocalDate resolvedOn) {}

    /**
     * Adherence to prophylaxis (Florio window, clinical.md §4) and diary completeness = logged prophylactic infusions ÷
     * doses expected by the regimen (clinical.md §4), in per cent.
     */
    public record Adherence(
            @Nullable BigDecimal prophylaxisAdherencePercent,
            @Nullable BigDecimal diaryCompletenessPercent,
            int loggedProphylacticInfusions,
            int expectedDoses) {}

    /** Factor use in IU/kg/year and exposure days (clinical.md §4). */
    public record FactorUse(@Nullable BigDecimal iuPerKgPerYear, @Nullable Integer exposureDays) {}

    /**
     * The current plan, home stock and the period's deliveries.
     *
     * @param regimen the active plan's regimen ({@code PROPHYLAXIS}, {@code ON_DEMAND}), null without an active plan
     * @param product the plan's product, e.g. {@code Octavia (octocog alfa)}
     */
    public record Supply(
            @Nullable String regimen,
            @Nullable String product,
            @Nullable BigDecimal dose,
            @Nullable String doseUnit,
            @Nullable Integer daysOfStockLeft,
            boolean lowStock,
            int deliveries,
            int deliveredVials,
            int failedDeliveries) {}

    /** The inhibitor status and the Bethesda tests sampled in the period. */
    public record Inhibitors(String status, List<InhibitorTestLine> tests) {}

    public record InhibitorTestLine(LocalDate sampledOn, BigDecimal titreBu, boolean positive) {}

    /** A PK study entered in the period (not voided). */
    public record PkStudyLine(
            Instant enteredAt, String model, double halfLifeHours, int samplesUsed, boolean signedOff) {}

    /** The ABR of one year ending on {@code to}. */
    public record YearAbr(LocalDate from, LocalDate to, BigDecimal abr, int observationDays) {}

    /**
     * The HJHS 2.1 comparison (clinical.md §4): the latest current score and the one before it. {@code difference} is
     * latest − previous only when both are complete (otherwise null); {@code evaluableDifference} sums the items
     * evaluable on both sides. Higher is worse.
     */
    public record Hjhs(
            LocalDate latestOn,
            @Nullable Integer latestTotal,
            int latestMaxPossible,
            boolean latestComplete,
            @Nullable LocalDate previousOn,
            @Nullable Integer previousTotal,
            @Nullable Integer difference,
            @Nullable Integer evaluableDifference,
            List<JointLine> joints) {}

    /** One joint's totals (null where the whole joint was not evaluable). */
    public record JointLine(String joint, @Nullable Integer previous, @Nullable Integer latest) {}
}
