package org.hemonet.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hemonet.safety.KaplanMeier.Follow.censoredAt;
import static org.hemonet.safety.KaplanMeier.Follow.inhibitorAt;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cumulative inhibitor incidence of PUP cohorts by exposure day (clinical.md §9), checked against hand computation. */
class KaplanMeierTest {

    /**
     * The worked check of clinical.md §9: four PUPs — inhibitor at ED 10; 60 EDs and none; censored at ED 20; inhibitor
     * at ED 30.
     *
     * <pre>
     * ED 10: at risk 4 (all), 1 inhibitor      S = 1 − 1/4           = 0.75
     * ED 20: one censored, no inhibitor        S stays 0.75          → incidence at ED 20 = 0.25
     *        at risk at ED 20: followed to ≥ 20 = {60, 20, 30}       = 3
     * ED 30: at risk 2 ({60, 30}), 1 inhibitor S = 0.75 × (1 − 1/2)  = 0.375
     * ED 50: nothing between 30 and 50         → incidence at ED 50 = 1 − 0.375 = 0.625
     *        at risk at ED 50: {60}                                  = 1
     * ED 150: nobody followed that far (at risk 0): not estimated
     * </pre>
     */
    @Test
    void theWorkedCheckOfTheSpec() {
        List<KaplanMeier.Point> points =
                KaplanMeier.at(List.of(inhibitorAt(10), censoredAt(60), censoredAt(20), inhibitorAt(30)), 20, 50, 150);

        assertThat(points.get(0).incidence()).isCloseTo(0.25, within(1e-12));
        assertThat(points.get(0).atRisk()).isEqualTo(3);
        assertThat(points.get(0).inhibitors()).isEqualTo(1);
        assertThat(points.get(1).incidence()).isCloseTo(0.625, within(1e-12));
        assertThat(points.get(1).atRisk()).isEqualTo(1);
        assertThat(points.get(1).inhibitors()).isEqualTo(2);
        assertThat(points.get(2).incidence()).isNull();
        assertThat(points.get(2).atRisk()).isZero();
    }

    /**
     * A cohort of our own with censoring between events, two inhibitors at the same ED, and a censoring at the very ED
     * of an inhibitor (the censored patient is at risk there). Ten PUPs:
     *
     * <pre>
     * inhibitors at ED 5, 12, 12, 20, 45;  censored at ED 8, 20, 50, 160, 200
     *
     * ED  5: at risk 10, 1 inhibitor            S = 9/10                      = 0.9
     * ED  8: 1 censored (at risk now 8)
     * ED 12: at risk 8, 2 inhibitors            S = 0.9 × 6/8                 = 0.675
     * ED 20: at risk 6 ({20i, 20c, 45, 50, 160, 200}), 1 inhibitor
     *                                           S = 0.675 × 5/6               = 0.5625
     *        → incidence at ED 20 = 0.4375; at risk at ED 20 = 6; inhibitors by ED 20 = 4
     * ED 45: at risk 4 ({45, 50, 160, 200}), 1 inhibitor
     *                                           S = 0.5625 × 3/4              = 0.421875
     * ED 50: censored only                      → incidence at ED 50 = 0.578125; at risk {50, 160, 200} = 3
     * ED 150: no event after 45                 → incidence 0.578125; at risk {160, 200} = 2; inhibitors 5
     * </pre>
     */
    @Test
    void aHandWorkedCohortWithCensoringAndTiedInhibitors() {
        List<KaplanMeier.Follow> cohort = List.of(
                inhibitorAt(5),
                inhibitorAt(12),
                inhibitorAt(12),
                inhibitorAt(20),
                inhibitorAt(45),
                censoredAt(8),
                censoredAt(20),
                censoredAt(50),
                censoredAt(160),
                censoredAt(200));

        List<KaplanMeier.Point> points = KaplanMeier.at(cohort, 20, 50, 150);

        assertThat(points).extracting(KaplanMeier.Point::exposureDays).containsExactly(20, 50, 150);
        assertThat(points.get(0).incidence()).isCloseTo(0.4375, within(1e-12));
        assertThat(points.get(0).atRisk()).isEqualTo(6);
        assertThat(points.get(0).inhibitors()).isEqualTo(4);
        assertThat(points.get(1).incidence()).isCloseTo(0.578125, within(1e-12));
        assertThat(points.get(1).atRisk()).isEqualTo(3);
        assertThat(points.get(2).incidence()).isCloseTo(0.578125, within(1e-12));
        assertThat(points.get(2).atRisk()).isEqualTo(2);
        assertThat(points.get(2).inhibitors()).isEqualTo(5);
    }

    @Test
    void withoutInhibitorsTheIncidenceIsZeroWhileAnyoneIsFollowed() {
        List<KaplanMeier.Point> points = KaplanMeier.at(List.of(censoredAt(25), censoredAt(60)), 20, 50, 150);
        assertThat(points.get(0).incidence()).isZero();
        assertThat(points.get(0).atRisk()).isEqualTo(2);
        assertThat(points.get(1).incidence()).isZero();
        assertThat(points.get(1).atRisk()).isEqualTo(1);
        assertThat(points.get(2).incidence()).isNull();
    }

    @Test
    void anEmptyCohortEstimatesNothing() {
        assertThat(KaplanMeier.at(List.of(), 20)).singleElement().satisfies(p -> {
            assertThat(p.incidence()).isNull();
            assertThat(p.atRisk()).isZero();
        });
    }

    @Test
    void refusesNegativeExposureDays() {
        assertThatThrownBy(() -> censoredAt(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
