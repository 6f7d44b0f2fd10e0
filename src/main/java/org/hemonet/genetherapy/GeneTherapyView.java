package org.hemonet.genetherapy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.lab.AssayMethod;
import org.jspecify.annotations.Nullable;

/**
 * A patient's gene therapy as {@code GET /api/v1/patients/{id}/gene-therapies/{gid}} returns it (issue 21): the
 * infusion and work-up, the follow-up {@code schedule} with {@code nextDue}, the {@code expression} and {@code alt}
 * results since the infusion, the {@code alerts} and the corticosteroid courses.
 *
 * @param eligibilityConcerns what in the work-up needs a second look: {@code AAV_ANTIBODIES_POSITIVE}, {@code
 *     LIVER_ABNORMAL}, {@code CURRENT_INHIBITOR}
 * @param overdue visits past their due date (and grace) without results, their window still open
 * @param missed visits whose window closed without results
 */
public record GeneTherapyView(
        UUID id,
        UUID patientId,
        ProductRef product,
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
        List<String> eligibilityConcerns,
        GeneTherapySettings settings,
        List<FollowUpSchedule.Visit> schedule,
        @Nullable LocalDate nextDue,
        int overdue,
        int missed,
        List<ExpressionPoint> expression,
        List<AltPoint> alt,
        List<GeneTherapyAlert> alerts,
        List<CourseView> steroidCourses,
        String recordedBy) {

    public record ProductRef(UUID id, String brandName, String genericName, String productClass, String factor) {}

    /** A factor activity result: {@code week} after the infusion. */
    public record ExpressionPoint(
            UUID resultId, LocalDate sampledOn, long week, @Nullable AssayMethod method, BigDecimal iuPerDl) {}

    /** An ALT result with its upper limit of normal and its ratio to the baseline. */
    public record AltPoint(
            UUID resultId,
            LocalDate sampledOn,
            long week,
            BigDecimal uPerL,
            @Nullable BigDecimal upperLimitOfNormal,
            BigDecimal timesBaseline,
            boolean raised) {}

    /** A corticosteroid course with its state today. */
    public record CourseView(
            UUID id,
            @Nullable UUID alertId,
            String drug,
            LocalDate startedOn,
            List<SteroidCourse.Step> steps,
            String status,
            BigDecimal currentDoseMgPerDay,
            @Nullable LocalDate endedOn) {}

    /** The dose as people write it, e.g. {@code 2 × 10¹³}. */
    public String doseText() {
        BigDecimal d = doseVgPerKg.stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
        String superscript = String.valueOf(exponent)
                .chars()
                .mapToObj(c -> String.valueOf("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0')))
                .collect(java.util.stream.Collectors.joining());
        return mantissa.toPlainString() + " × 10" + superscript;
    }

    /** Open (unacknowledged) alerts. */
    public List<GeneTherapyAlert> openAlerts() {
        return alerts.stream().filter(a -> !a.acknowledged()).toList();
    }

    /** The latest factor activity result, if any. */
    public @Nullable ExpressionPoint latestExpression() {
        return expression.isEmpty() ? null : expression.get(expression.size() - 1);
    }
}
