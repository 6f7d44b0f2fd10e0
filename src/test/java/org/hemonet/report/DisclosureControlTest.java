package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one disclosure function (clinical.md §8), without a database. */
class DisclosureControlTest {

    private final DisclosureControl control = DisclosureControl.defaults();

    @Test
    void countsOfOneToSevenAreStarsOthersRoundToFiveAndZeroIsExact() {
        assertThat(control.count(0)).isEqualTo("0");
        assertThat(control.count(1)).isEqualTo("*");
        assertThat(control.count(7)).isEqualTo("*");
        assertThat(control.count(8)).isEqualTo("10");
        assertThat(control.count(12)).isEqualTo("10");
        assertThat(control.count(13)).isEqualTo("15");
        assertThat(control.count(26)).isEqualTo("25");
        assertThat(control.nationalCount(13)).isEqualTo("13");
        assertThat(control.statistic("2.5", 7)).isEqualTo("*");
        assertThat(control.statistic("2.5", 8)).isEqualTo("2.5");
    }

    @Test
    void aLoneSuppressedCellTakesTheSmallestNonEmptyCellWithIt() {
        assertThat(control.hidden(List.of(20L, 3L, 9L, 0L, 12L))).containsExactlyInAnyOrder(1, 2);
        assertThat(control.hidden(List.of(20L, 3L, 2L, 12L))).containsExactlyInAnyOrder(1, 2);
        assertThat(control.hidden(List.of(20L, 9L))).isEmpty();
        assertThat(control.hidden(List.of())).isEmpty();
    }

    @Test
    void theNorthWestLeakBesideZerosIsClosed() {
        // found 2026-12-04: FIX patients per region, North West * (4), the others 0, network 4 → North West is 4
        List<Long> regions = List.of(0L, 4L, 0L, 0L);
        // hiding a zero beside it would not do (a region empty under all factors is empty under FIX): the total is
        // rounded instead, and a total of 1-7 is itself suppressed
        Set<Integer> hidden = control.hidden(regions);
        assertThat(hidden).containsExactly(1);
        assertThat(DisclosureControl.totalDisclosesACell(hidden)).isTrue();
        assertThat(control.count(4)).isEqualTo("*");
    }

    @Test
    void aDimensionOfOneSuppressedCellMakesTheCallerRoundItsTotal() {
        Set<Integer> hidden = control.hidden(List.of(4L));
        assertThat(hidden).containsExactly(0);
        assertThat(DisclosureControl.totalDisclosesACell(hidden)).isTrue();
        assertThat(control.count(4)).isEqualTo("*");
    }

    @Test
    void thresholdsAreSettings() {
        DisclosureControl strict = new DisclosureControl(11, 10);
        assertThat(strict.count(10)).isEqualTo("*");
        assertThat(strict.count(14)).isEqualTo("10");
        assertThat(strict.hidden(List.of(10L, 30L, 0L))).containsExactlyInAnyOrder(0, 1);
        assertThat(strict.hidden(List.of(10L, 0L, 0L))).containsExactly(0);
    }
}
