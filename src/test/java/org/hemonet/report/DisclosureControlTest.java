package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** clinical.md §8. */
class DisclosureControlTest {

    private final DisclosureControl control = DisclosureControl.defaults();

    @Test
    void suppressesCountsOfOneToSeven() {
        assertThat(control.count(1)).isEqualTo("*");
        assertThat(control.count(7)).isEqualTo("*");
        assertThat(control.count(0)).isEqualTo("0");
    }

    @Test
    void roundsOtherCountsToTheNearestFive() {
        assertThat(control.count(8)).isEqualTo("10");
        assertThat(control.count(12)).isEqualTo("10");
        assertThat(control.count(13)).isEqualTo("15");
        assertThat(control.count(26)).isEqualTo("25");
    }

    @Test
    void showsNationalTotalsUnrounded() {
        assertThat(control.nationalCount(72)).isEqualTo("72");
    }

    @Test
    void suppressesStatisticsOnFewerThanEightPatients() {
        assertThat(control.statistic("2.35", 7)).isEqualTo("*");
        assertThat(control.statistic("2.35", 8)).isEqualTo("2.35");
    }
}
