package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one disclosure function (clinical.md §8) on hand-made tables, without a database. */
class DisclosureControlTest {

    private static final String STAR = DisclosureControl.SUPPRESSED;
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
    void centresByCategoryRoundEachCentresTotalAndShowANationalFigureOnlyBesideNoHiddenCell() {
        // a network-wide return (issue 15): three centres by severity [severe, moderate, mild]
        DisclosureControl.Table t = control.byCentre(
                List.of(List.of(23L, 9L, 0L), List.of(9L, 1L, 0L), List.of(12L, 8L, 11L)), List.of(32L, 10L, 31L), 73L);
        // below national level: counts rounded, the centre's total rounded (32 → 30), not exact
        assertThat(t.rows().get(0).cells()).containsExactly("25", "10", "0");
        assertThat(t.rows().get(0).total()).isEqualTo("30");
        // a lone 1 takes the centre's next-smallest non-empty cell with it; the centre's total is hidden
        assertThat(t.rows().get(1).cells()).containsExactly(STAR, STAR, "0");
        assertThat(t.rows().get(1).total()).isEqualTo(STAR);
        assertThat(t.rows().get(2).cells()).containsExactly("10", "10", "10");
        assertThat(t.rows().get(2).total()).isEqualTo("30");
        // national sums: severe and moderate hold a hidden cell, mild none; the grand total sits beside hidden cells
        assertThat(t.columnFiguresShown()).containsExactly(false, false, true);
        assertThat(t.grandTotal()).isEqualTo(STAR);
        assertThat(t.grandFiguresShown()).isTrue();
        // nothing hidden: every national figure exact
        DisclosureControl.Table clear =
                control.byCentre(List.of(List.of(23L, 9L), List.of(12L, 8L)), List.of(32L, 20L), 52L);
        assertThat(clear.columnFiguresShown()).containsExactly(true, true);
        assertThat(clear.grandTotal()).isEqualTo("52");
    }

    @Test
    void theNorthWestFixLeakOfDecemberFourthIsClosed() {
        // clinical.md §8, found 2026-12-04: FIX patients per region, North West * (4), the other regions 0, network 4
        // → North West is 4. Zeros stay zeros (a hidden zero is recovered from a wider filter), so the network's
        // count and its IU and cost are hidden instead
        DisclosureControl.Dimension regions = control.dimension(List.of(0L, 4L, 0L, 0L));
        assertThat(regions.cells()).containsExactly("0", STAR, "0", "0");
        assertThat(regions.total()).isEqualTo(STAR);
        assertThat(regions.totalFiguresShown()).isFalse();
    }

    @Test
    void aLoneSuppressedCellBesideZerosAndOtherCellsTakesTheNextSmallestNonEmptyCellWithIt() {
        DisclosureControl.Dimension d = control.dimension(List.of(20L, 3L, 0L, 12L, 0L));
        assertThat(d.cells()).containsExactly("20", STAR, "0", STAR, "0");
        assertThat(d.hidden()).containsExactlyInAnyOrder(1, 3);
        // two non-empty hidden cells: the total's IU and cost cannot be taken apart; its count still could pin them
        // with what other filters show, so it is hidden
        assertThat(d.totalFiguresShown()).isTrue();
        assertThat(d.total()).isEqualTo(STAR);
    }

    @Test
    void twoSuppressedCellsNeedNoPartnerButTheirTotalIsHidden() {
        // an exact total of 2 beside two hidden cells and zeros would make each of them 1
        DisclosureControl.Dimension ones = control.dimension(List.of(1L, 1L, 0L, 0L));
        assertThat(ones.cells()).containsExactly(STAR, STAR, "0", "0");
        assertThat(ones.total()).isEqualTo(STAR);
        assertThat(ones.totalFiguresShown()).isTrue();
        DisclosureControl.Dimension d = control.dimension(List.of(3L, 2L, 30L));
        assertThat(d.cells()).containsExactly(STAR, STAR, "30");
        assertThat(d.total()).isEqualTo(STAR);
    }

    @Test
    void aDimensionHidingNothingShowsItsTotalExactly() {
        DisclosureControl.Dimension d = control.dimension(List.of(0L, 12L, 30L));
        assertThat(d.cells()).containsExactly("0", "10", "30");
        assertThat(d.total()).isEqualTo("42");
        assertThat(d.totalFiguresShown()).isTrue();
        // a total of distinct patients below the cells' sum (one patient in two cells) is the one given
        assertThat(control.dimension(List.of(12L, 30L), 40).total()).isEqualTo("40");
        // a total below national level is rounded even when nothing is hidden
        assertThat(control.subDimension(List.of(0L, 12L, 30L), 42).total()).isEqualTo("40");
        assertThat(control.subDimension(List.of(2L, 12L, 30L), 44).total()).isEqualTo(STAR);
    }

    @Test
    void aRowAndAColumnBothAtRiskHideTheRowTotalAndTheColumnSum() {
        // periods (rows) × centres (columns): period 1 hides 3 and its partner 9; a column sum over the periods would
        // give the 3 away as the sum less period 2's 12, so the columns holding a hidden cell show no sum
        DisclosureControl.Table table =
                control.table(List.of(List.of(20L, 3L, 9L), List.of(15L, 12L, 0L)), List.of(32L, 27L), 59);
        assertThat(table.rows().get(0).cells()).containsExactly("20", STAR, STAR);
        assertThat(table.rows().get(0).total()).isEqualTo(STAR);
        assertThat(table.rows().get(1).cells()).containsExactly("15", "10", "0");
        assertThat(table.rows().get(1).total()).isEqualTo("27");
        assertThat(table.columnFiguresShown()).containsExactly(true, false, false);
        assertThat(table.grandTotal()).isEqualTo(STAR);
        assertThat(table.grandFiguresShown()).isTrue();
    }

    @Test
    void aRowWhoseOneHiddenCellStandsBesideZerosHidesTheGrandTotalsFiguresToo() {
        // the grand IU less the other periods' IU would be that period's, which is the hidden cell's
        DisclosureControl.Table table =
                control.table(List.of(List.of(0L, 4L, 0L), List.of(10L, 9L, 0L)), List.of(4L, 19L), 23);
        assertThat(table.rows().get(0).totalFiguresShown()).isFalse();
        assertThat(table.grandFiguresShown()).isFalse();
        assertThat(table.grandTotal()).isEqualTo(STAR);
        DisclosureControl.Table clear = control.table(List.of(List.of(10L, 9L)), List.of(19L), 19);
        assertThat(clear.grandTotal()).isEqualTo("19");
        assertThat(clear.columnFiguresShown()).containsExactly(true, true);
    }

    @Test
    void besideATotalPublishedExactlyElsewhereCellsAreHiddenUntilEachHiddenCellHasRoom() {
        // 1 + 1 + (8 shown as 10, so at least 8) of a national 10: the hidden two share at most 2, so 1 each;
        // the 8 is hidden too
        assertThat(control.besideExactTotal(List.of(1L, 1L, 8L)).hidden()).containsExactlyInAnyOrder(0, 1, 2);
        // with 30 beside them they share 40 less at least 28
        DisclosureControl.Dimension room = control.besideExactTotal(List.of(1L, 9L, 30L));
        assertThat(room.hidden()).containsExactlyInAnyOrder(0, 1);
        assertThat(room.total()).isEqualTo("40");
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
