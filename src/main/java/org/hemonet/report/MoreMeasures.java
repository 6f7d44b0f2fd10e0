package org.hemonet.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The further columns of the centres compared (issue 18) beside the contract's ABR, zero-bleed and IU/kg/year figures,
 * every one through {@link DisclosureControl} for readers outside the centre's team (clinical.md §8: a median, mean,
 * proportion or rate built on fewer than 8 patients shows as {@code *}; {@code –} where undefined).
 *
 * @param ajbrMedian joint bleeds per year (clinical.md §4), median over the patients with diary time
 * @param ajbrIqr its first and third quartiles (Hyndman–Fan type 7, as the ABR's)
 * @param jointImmobilisingProportion patients with at least one joint-immobilising bleed episode in the year ÷ patients
 *     with diary time
 * @param targetJointProportion patients with a target joint active at some time in the year (clinical.md §3) ÷
 *     patients with diary time
 * @param hjhsMedian the median of each patient's latest HJHS 2.1 total assessed in the year (0–124, higher worse)
 * @param hjhsChangeMedian the median change of that total from the patient's assessment before it (negative: better)
 * @param painMedian the median of the patients' mean pain (0–10) over the bleeds of the year that recorded one
 * @param daysLostPerPatientYear days lost from school or work in the year ÷ patient-years of diary time; {@code *}
 *     where the patients with diary time or the patient-years are fewer than 8
 * @param patientYears patient-years of diary time (the exposure of the days-lost rate), rounded as a count
 * @param adherenceMedian adherence to prophylaxis in percent (Florio window, clinical.md §4), median over the patients
 *     with scheduled doses
 * @param diaryCompletenessMedian logged prophylactic infusions ÷ doses expected by the regimen, in percent, median
 * @param costPerPatientMean the list-price cost of what was delivered in the year, mean over the patients with a plan or
 *     a delivery in it (the value report's prices)
 * @param satisfactionMean the "overall" domain of the network satisfaction questionnaire (0–100), mean over the centre's
 *     respondents in the year; only without a cohort filter (the questionnaire's aggregates are by centre, not by cohort)
 * @param adverseEventsPer100TreatmentYears reported or closed adverse events with onset in the year ÷ treatment-years
 *     × 100, a treatment-year being a patient treated at least once in the year (clinical.md §9)
 * @param treatmentYears the treatment-years, rounded as a count
 */
public record MoreMeasures(
        String ajbrMedian,
        List<String> ajbrIqr,
        String jointImmobilisingProportion,
        String targetJointProportion,
        String hjhsMedian,
        String hjhsChangeMedian,
        String painMedian,
        String daysLostPerPatientYear,
        String patientYears,
        String adherenceMedian,
        String diaryCompletenessMedian,
        String costPerPatientMean,
        String satisfactionMean,
        String adverseEventsPer100TreatmentYears,
        String treatmentYears) {

    static final String NONE = "–";

    /** Every figure {@code *}: a centre hidden by secondary suppression. */
    static MoreMeasures hidden() {
        String s = DisclosureControl.SUPPRESSED;
        return new MoreMeasures(s, List.of(s, s), s, s, s, s, s, s, s, s, s, s, s, s, s);
    }

    /**
     * The counts (patient-years, treatment-years) hidden: a count total beside a hidden centre is never shown, exact or
     * rounded (§8, {@link DisclosureControl} point 1).
     */
    MoreMeasures withCountsHidden() {
        String s = DisclosureControl.SUPPRESSED;
        return new MoreMeasures(
                ajbrMedian,
                ajbrIqr,
                jointImmobilisingProportion,
                targetJointProportion,
                hjhsMedian,
                hjhsChangeMedian,
                painMedian,
                daysLostPerPatientYear,
                s,
                adherenceMedian,
                diaryCompletenessMedian,
                costPerPatientMean,
                satisfactionMean,
                adverseEventsPer100TreatmentYears,
                s);
    }

    /** The proportions over the patients with diary time hidden: beside their hidden count. */
    MoreMeasures withDiaryCountHidden() {
        return withProportions(DisclosureControl.SUPPRESSED, DisclosureControl.SUPPRESSED);
    }

    private MoreMeasures withProportions(String jointImmobilising, String targetJoint) {
        return new MoreMeasures(
                ajbrMedian,
                ajbrIqr,
                jointImmobilising,
                targetJoint,
                hjhsMedian,
                hjhsChangeMedian,
                painMedian,
                daysLostPerPatientYear,
                patientYears,
                adherenceMedian,
                diaryCompletenessMedian,
                costPerPatientMean,
                satisfactionMean,
                adverseEventsPer100TreatmentYears,
                treatmentYears);
    }

    /** The treatment-years and the adverse-event rate over them hidden: beside a centre's hidden treatment-years. */
    MoreMeasures withTreatmentYearsHidden() {
        String s = DisclosureControl.SUPPRESSED;
        return new MoreMeasures(
                ajbrMedian,
                ajbrIqr,
                jointImmobilisingProportion,
                targetJointProportion,
                hjhsMedian,
                hjhsChangeMedian,
                painMedian,
                daysLostPerPatientYear,
                patientYears,
                adherenceMedian,
                diaryCompletenessMedian,
                costPerPatientMean,
                satisfactionMean,
                s,
                s);
    }

    /** The patient-years and the days-lost rate over them hidden: beside a centre's hidden patient-years. */
    MoreMeasures withPatientYearsHidden() {
        String s = DisclosureControl.SUPPRESSED;
        return new MoreMeasures(
                ajbrMedian,
                ajbrIqr,
                jointImmobilisingProportion,
                targetJointProportion,
                hjhsMedian,
                hjhsChangeMedian,
                painMedian,
                s,
                s,
                adherenceMedian,
                diaryCompletenessMedian,
                costPerPatientMean,
                satisfactionMean,
                adverseEventsPer100TreatmentYears,
                treatmentYears);
    }

    /** The network's satisfaction mean hidden beside a centre's respondents hidden, unless not asked (CentreComparison#publish). */
    MoreMeasures withSatisfactionHidden() {
        return new MoreMeasures(
                ajbrMedian,
                ajbrIqr,
                jointImmobilisingProportion,
                targetJointProportion,
                hjhsMedian,
                hjhsChangeMedian,
                painMedian,
                daysLostPerPatientYear,
                patientYears,
                adherenceMedian,
                diaryCompletenessMedian,
                costPerPatientMean,
                NONE.equals(satisfactionMean) ? NONE : DisclosureControl.SUPPRESSED,
                adverseEventsPer100TreatmentYears,
                treatmentYears);
    }

    /** The additive figures (rates and means over patients that add up to the total's) hidden: see §8. */
    MoreMeasures withAdditiveHidden() {
        String s = DisclosureControl.SUPPRESSED;
        return new MoreMeasures(
                ajbrMedian,
                ajbrIqr,
                jointImmobilisingProportion,
                targetJointProportion,
                hjhsMedian,
                hjhsChangeMedian,
                painMedian,
                s,
                s,
                adherenceMedian,
                diaryCompletenessMedian,
                s,
                satisfactionMean,
                s,
                s);
    }

    @JsonIgnore
    public String ajbrIqrText() {
        String q1 = ajbrIqr.get(0);
        return q1.equals(NONE) || q1.equals(DisclosureControl.SUPPRESSED) ? q1 : q1 + "–" + ajbrIqr.get(1);
    }

    /** The raw figures of one centre or the network, gathered patient by patient. */
    static final class Raw {
        final List<Double> ajbr = new ArrayList<>();
        int withDiary;
        int jointImmobilisingPatients;
        int targetJointPatients;
        final List<Double> hjhs = new ArrayList<>();
        final List<Double> hjhsChange = new ArrayList<>();
        final List<Double> pain = new ArrayList<>();
        long daysLost;
        long observationDays;
        final List<Double> adherence = new ArrayList<>();
        final List<Double> completeness = new ArrayList<>();
        final List<Double> cost = new ArrayList<>();
        long satisfactionPatients;
        BigDecimal satisfactionSum = BigDecimal.ZERO;
        boolean satisfactionAsked;
        long adverseEvents;
        long treatmentYears;

        double patientYears() {
            return observationDays / 365.25;
        }

        @Nullable
        Double jointImmobilisingProportion() {
            return withDiary == 0 ? null : jointImmobilisingPatients / (double) withDiary;
        }

        @Nullable
        Double targetJointProportion() {
            return withDiary == 0 ? null : targetJointPatients / (double) withDiary;
        }

        @Nullable
        Double daysLostRate() {
            return observationDays == 0 ? null : daysLost / patientYears();
        }

        @Nullable
        Double adverseEventRate() {
            return treatmentYears == 0 ? null : adverseEvents * 100.0 / treatmentYears;
        }

        /** The figures as shown: through {@code control}, or as computed when it is null (the centre's own team). */
        MoreMeasures shown(@Nullable DisclosureControl control) {
            List<Double> sortedAjbr = ajbr.stream().sorted().toList();
            return new MoreMeasures(
                    stat(control, quantile(sortedAjbr, 0.5, 2), ajbr.size()),
                    List.of(
                            stat(control, quantile(sortedAjbr, 0.25, 2), ajbr.size()),
                            stat(control, quantile(sortedAjbr, 0.75, 2), ajbr.size())),
                    stat(control, proportion(jointImmobilisingProportion()), withDiary),
                    stat(control, proportion(targetJointProportion()), withDiary),
                    stat(control, median(hjhs, 1), hjhs.size()),
                    stat(control, signed(median(hjhsChange, 1)), hjhsChange.size()),
                    stat(control, median(pain, 1), pain.size()),
                    // a rate over a count shown beside it is built on that count (§8): over the patient-years as
                    // well as the patients, or 0.14 days lost per patient-year beside 8–12 patients is 1 day over
                    // 7 hidden patient-years (ComparisonDifferencingTest)
                    stat(control, decimal(daysLostRate(), 2), Math.min(withDiary, Math.round(patientYears()))),
                    count(control, Math.round(patientYears())),
                    stat(control, median(adherence, 1), adherence.size()),
                    stat(control, median(completeness, 1), completeness.size()),
                    stat(control, mean(cost, 0), cost.size()),
                    satisfactionAsked
                            ? stat(
                                    control,
                                    satisfactionPatients == 0
                                            ? null
                                            : satisfactionSum
                                                    .divide(
                                                            BigDecimal.valueOf(satisfactionPatients),
                                                            1,
                                                            RoundingMode.HALF_UP)
                                                    .toPlainString(),
                                    satisfactionPatients)
                            : NONE,
                    stat(control, decimal(adverseEventRate(), 2), treatmentYears),
                    count(control, treatmentYears));
        }

        private static String stat(@Nullable DisclosureControl control, @Nullable String value, long n) {
            if (value == null) {
                return NONE;
            }
            return control == null ? value : control.statistic(value, n);
        }

        private static String count(@Nullable DisclosureControl control, long n) {
            return control == null ? Long.toString(n) : control.count(n);
        }
    }

    static @Nullable String proportion(@Nullable Double p) {
        return p == null ? null : CentreComparison.proportion(p);
    }

    static @Nullable String decimal(@Nullable Double v, int scale) {
        return v == null
                ? null
                : BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    static @Nullable String median(List<Double> values, int scale) {
        return quantile(values.stream().sorted().toList(), 0.5, scale);
    }

    /** Hyndman–Fan type 7 quantile of sorted values (as R's default), null when there are none. */
    static @Nullable String quantile(List<Double> sorted, double p, int scale) {
        if (sorted.isEmpty()) {
            return null;
        }
        double h = (sorted.size() - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return decimal(sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo)), scale);
    }

    static @Nullable String mean(List<Double> values, int scale) {
        return values.isEmpty()
                ? null
                : decimal(values.stream().mapToDouble(Double::doubleValue).sum() / values.size(), scale);
    }

    static @Nullable String signed(@Nullable String value) {
        return value == null || value.startsWith("-") || new BigDecimal(value).signum() == 0 ? value : "+" + value;
    }
}
