package org.hemonet.genetherapy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.lab.Analyte;
import org.hemonet.lab.AssayMethod;
import org.hemonet.lab.LabResult;
import org.junit.jupiter.api.Test;

/** The follow-up schedule's visits and windows, and the alert rules' edges (issue 21, docs/gene-therapy.md). */
class FollowUpScheduleTest {

    static final LocalDate INFUSED = LocalDate.of(2026, 1, 5);
    static final List<Analyte> ANALYTES = List.of(Analyte.FIX_ACTIVITY, Analyte.ALT);

    @Test
    void windowsRunHalfwayToTheNeighboursAndGiveEachStatus() {
        LocalDate today = INFUSED.plusWeeks(3).plusDays(2);
        // week 1 sampled on its due day and 3 days later; week 2 only FIX; week 3 nothing yet (due 2 days ago)
        Map<Analyte, List<LocalDate>> sampled = Map.of(
                Analyte.FIX_ACTIVITY, List.of(INFUSED.plusWeeks(1), INFUSED.plusWeeks(2)),
                Analyte.ALT, List.of(INFUSED.plusWeeks(1).plusDays(3)));
        var visits = FollowUpSchedule.visits(
                INFUSED, GeneTherapySettings.DEFAULT, ANALYTES, sampled, today, INFUSED.plusYears(1));
        assertThat(visits.get(0).from()).isEqualTo(INFUSED.plusDays(4));
        assertThat(visits.get(0).until()).isEqualTo(INFUSED.plusDays(10));
        assertThat(visits.get(1).from()).isEqualTo(INFUSED.plusDays(11));
        assertThat(visits.get(0).status()).isEqualTo(FollowUpSchedule.Status.DONE);
        assertThat(visits.get(1).status()).isEqualTo(FollowUpSchedule.Status.MISSED);
        assertThat(visits.get(2).status()).isEqualTo(FollowUpSchedule.Status.DUE);
        assertThat(visits.get(3).status()).isEqualTo(FollowUpSchedule.Status.UPCOMING);
        assertThat(FollowUpSchedule.next(visits).orElseThrow().week()).isEqualTo(3);
        // the fortnightly visit of week 14 counts results from day 91 (halfway back to week 12) to day 104
        var week14 = visits.stream().filter(v -> v.week() == 14).findFirst().orElseThrow();
        assertThat(week14.from()).isEqualTo(INFUSED.plusDays(91));
        assertThat(week14.until()).isEqualTo(INFUSED.plusDays(104));
        // more than 3 days after its due date, its window still open: overdue
        var later = FollowUpSchedule.visits(
                INFUSED,
                GeneTherapySettings.DEFAULT,
                ANALYTES,
                sampled,
                INFUSED.plusDays(98 + 5),
                INFUSED.plusYears(1));
        assertThat(later.stream()
                        .filter(v -> v.week() == 14)
                        .findFirst()
                        .orElseThrow()
                        .status())
                .isEqualTo(FollowUpSchedule.Status.OVERDUE);
    }

    @Test
    void aProductTemplateChangesTheVisits() {
        GeneTherapySettings monthlyOnly =
                new GeneTherapySettings(0, 0, 12, 52, new BigDecimal("1.5"), true, new BigDecimal("5"), 12);
        var weeks = FollowUpSchedule.weeks(monthlyOnly, 120);
        assertThat(weeks).containsExactly(4, 8, 12, 64, 116);
    }

    private static LabResult result(Analyte analyte, String value, LocalDate on, String uln) {
        return new LabResult(
                UUID.randomUUID(),
                UUID.randomUUID(),
                analyte,
                analyte.isFactorActivity() ? AssayMethod.ONE_STAGE : null,
                new BigDecimal(value),
                analyte.canonicalUnit(),
                new BigDecimal(value),
                analyte.canonicalUnit(),
                BigDecimal.ZERO,
                new BigDecimal(uln),
                "NORMAL",
                on,
                "STAFF",
                null,
                "t",
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(on.toEpochDay()),
                null,
                null);
    }

    @Test
    void altRisesAtTheUpperLimitOrOneAndAHalfTimesTheBaselineOncePerEpisode() {
        BigDecimal baseline = new BigDecimal("30");
        LabResult justUnder = result(Analyte.ALT, "44.9", INFUSED.plusWeeks(1), "50");
        LabResult atFactor = result(Analyte.ALT, "45", INFUSED.plusWeeks(2), "50");
        LabResult stillHigh = result(Analyte.ALT, "60", INFUSED.plusWeeks(3), "50");
        List<LabResult> all = List.of(justUnder, atFactor, stillHigh);
        var s = GeneTherapySettings.DEFAULT;
        assertThat(AlertRules.altRise(justUnder, all, baseline, s)).isEmpty();
        var crossing = AlertRules.altRise(atFactor, all, baseline, s).orElseThrow();
        assertThat(crossing.threshold()).isEqualByComparingTo("45");
        assertThat(AlertRules.altRise(stillHigh, all, baseline, s)).isEmpty();
        // above the laboratory's upper limit of normal, under 1.5 × baseline
        LabResult aboveUln = result(Analyte.ALT, "42", INFUSED.plusWeeks(1), "40");
        assertThat(AlertRules.altRise(aboveUln, List.of(aboveUln), baseline, s)).isPresent();
    }

    @Test
    void theLowerOfTwoMethodsOnADayDecidesExpression() {
        var s = GeneTherapySettings.DEFAULT;
        LabResult w12 = result(Analyte.FIX_ACTIVITY, "4", INFUSED.plusWeeks(12), "150");
        LabResult w14oneStage = result(Analyte.FIX_ACTIVITY, "6", INFUSED.plusWeeks(14), "150");
        LabResult w14chromogenic = result(Analyte.FIX_ACTIVITY, "4.9", INFUSED.plusWeeks(14), "150");
        List<LabResult> all = List.of(w12, w14oneStage, w14chromogenic);
        assertThat(AlertRules.lossOfExpression(w14chromogenic, all, INFUSED, s)).isPresent();
        // week 11 and 12 under 5: the first counts not (before week 12), so week 12 is the first of a run
        LabResult w11 = result(Analyte.FIX_ACTIVITY, "2", INFUSED.plusWeeks(11), "150");
        assertThat(AlertRules.lossOfExpression(w12, List.of(w11, w12), INFUSED, s))
                .isEmpty();
    }
}
