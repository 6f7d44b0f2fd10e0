package org.hemonet.pk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.hemonet.pk.Covariates;
import org.hemonet.pk.RegimenComparison;
import org.hemonet.pk.RegimenProposal;
import org.hemonet.pk.RegimenQuestion;
import org.hemonet.pk.Schedule;
import org.hemonet.pk.VialCount;
import org.hemonet.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class RegimensTest {

    private static final PopulationModel ALLARD =
            ModelCatalogue.fromClasspath().find("fviii-allard-2020").orElseThrow();
    private static final Covariates ADULT = Covariates.of(70, 30, "STANDARD");
    private static final List<Integer> VIALS = List.of(250, 500, 1000, 2000);

    private static RegimenQuestion question(double target, List<Schedule> schedules) {
        return new RegimenQuestion("fviii-allard-2020", ADULT, null, 0, target, schedules, VIALS, 0.6);
    }

    @Test
    void theExactDoseGivesTheTargetTroughAtSteadyState() {
        Disposition disposition = PopulationModel.disposition(ALLARD.typical(ADULT));
        RegimenProposal every48 = Regimens.propose(ALLARD, question(1, List.of(Schedule.every(48))))
                .regimens()
                .get(0);

        double superposed = 0;
        for (int k = 1; k <= 300; k++) {
            superposed += disposition.level(every48.exactDoseIu(), 0, 48.0 * k);
        }
        assertThat(superposed).isCloseTo(1, within(1e-9));
    }

    @Test
    void theWeeklyScheduleTroughIsTheSuperposedLevelBeforeMondaysDose() {
        Disposition disposition = PopulationModel.disposition(ALLARD.typical(ADULT));
        Schedule thrice = Schedule.weekly("3×/week", 0, 48, 96);
        RegimenProposal proposal = Regimens.propose(ALLARD, question(1, List.of(thrice)))
                .regimens()
                .get(0);

        double mondayTrough = 0;
        // before Wednesday's dose: this Monday's dose 48 h earlier plus all earlier weeks
        double wednesdayTrough = disposition.level(proposal.exactDoseIu(), 0, 48);
        for (int week = 0; week < 100; week++) {
            for (double offset : new double[] {0, 48, 96}) {
                double given = offset - 168.0 * (week + 1);
                mondayTrough += disposition.level(proposal.exactDoseIu(), 0, -given);
                wednesdayTrough += disposition.level(proposal.exactDoseIu(), 0, 48 - given);
            }
        }
        assertThat(mondayTrough).isCloseTo(1, within(1e-9));
        assertThat(wednesdayTrough).isGreaterThan(mondayTrough);
    }

    @Test
    void roundsUpToThePatientsVialsAndCostsTheWeek() {
        RegimenProposal proposal = Regimens.propose(ALLARD, question(1, List.of(Schedule.every(48))))
                .regimens()
                .get(0);

        assertThat(proposal.doseIu()).isGreaterThanOrEqualTo(proposal.exactDoseIu());
        assertThat(proposal.doseIu() - proposal.exactDoseIu()).isLessThan(250);
        assertThat(VialRounding.total(proposal.vials())).isEqualTo((int) proposal.doseIu());
        assertThat(proposal.troughIuPerDl()).isGreaterThanOrEqualTo(1);
        assertThat(proposal.dosesPerWeek()).isEqualTo(3.5);
        assertThat(proposal.weeklyIu()).isEqualTo(proposal.doseIu() * 3.5);
        assertThat(proposal.weeklyCost()).isCloseTo(proposal.weeklyIu() * 0.6, within(1e-9));
        assertThat(proposal.doseIuPerKg()).isCloseTo(proposal.doseIu() / 70, within(1e-12));
        assertThat(proposal.peakIuPerDl()).isGreaterThan(proposal.troughIuPerDl());
    }

    @Test
    void comparesTheUsualRegimens() {
        RegimenComparison comparison = Regimens.propose(ALLARD, question(1, Schedule.usualProphylaxis()));

        assertThat(comparison.regimens())
                .extracting(RegimenProposal::label)
                .containsExactly("every 2 day(s)", "3×/week", "every 3 day(s)");
        RegimenProposal every2 = comparison.regimens().get(0);
        RegimenProposal thrice = comparison.regimens().get(1);
        RegimenProposal every3 = comparison.regimens().get(2);
        // the weekend gap of 72 h sets the 3×/week trough, so it needs about the every-3-days dose but fewer doses
        assertThat(thrice.exactDoseIu()).isGreaterThan(every2.exactDoseIu());
        assertThat(thrice.exactDoseIu()).isLessThan(every3.exactDoseIu());
        assertThat(every3.weeklyIu()).isGreaterThan(every2.weeklyIu());
        assertThat(comparison.warnings()).anyMatch(w -> w.contains("population typical"));
    }

    @Test
    void aBaselineAtTheTargetNeedsNoDose() {
        RegimenQuestion mild =
                new RegimenQuestion("fviii-allard-2020", ADULT, null, 3, 1, List.of(Schedule.every(48)), VIALS, null);

        RegimenProposal proposal = Regimens.propose(ALLARD, mild).regimens().get(0);

        assertThat(proposal.doseIu()).isZero();
        assertThat(proposal.vials()).isEmpty();
        assertThat(proposal.weeklyCost()).isNull();
        assertThat(proposal.warnings()).isNotEmpty();
    }

    @Test
    void usesTheIndividualEta() {
        RegimenQuestion faster = new RegimenQuestion(
                "fviii-allard-2020", ADULT, List.of(0.3, 0.0, 0.0), 0, 1, List.of(Schedule.every(48)), VIALS, null);

        double individual = Regimens.propose(ALLARD, faster).regimens().get(0).exactDoseIu();
        double population = Regimens.propose(ALLARD, question(1, List.of(Schedule.every(48))))
                .regimens()
                .get(0)
                .exactDoseIu();

        assertThat(individual).isGreaterThan(population);
    }

    @Test
    void rejectsAnEtaOfTheWrongLength() {
        RegimenQuestion wrong = new RegimenQuestion(
                "fviii-allard-2020", ADULT, List.of(0.1), 0, 1, List.of(Schedule.every(48)), VIALS, null);

        assertThatThrownBy(() -> Regimens.propose(ALLARD, wrong))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("eta");
    }

    @Test
    void rejectsAnIntervalOutsideSixHoursToFourWeeks() {
        assertThatThrownBy(() -> Regimens.propose(ALLARD, question(1, List.of(Schedule.every(2)))))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("regimens[0].intervalHours");
    }

    @Test
    void vialRoundingFindsTheSmallestTotalWithTheFewestVials() {
        assertThat(VialRounding.roundUp(1730, VIALS))
                .containsExactly(new VialCount(1000, 1), new VialCount(500, 1), new VialCount(250, 1));
        assertThat(VialRounding.roundUp(2000, VIALS)).containsExactly(new VialCount(2000, 1));
        assertThat(VialRounding.roundUp(2001, VIALS)).containsExactly(new VialCount(2000, 1), new VialCount(250, 1));
        assertThat(VialRounding.roundUp(1100, List.of(1000, 600))).containsExactly(new VialCount(600, 2));
        assertThat(VialRounding.roundUp(10, List.of(500))).containsExactly(new VialCount(500, 1));
        assertThat(VialRounding.roundUp(0, VIALS)).isEmpty();
    }
}
