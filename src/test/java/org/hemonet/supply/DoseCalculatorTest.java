package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reference cases of clinical.md §6: dose (IU) = weight (kg) × desired rise (IU/dL) ÷ recovery, rounded up to whole
 * vials; default recoveries FVIII 2.0, plasma-derived FIX 1.0, nonacog alfa 0.8 adults / 0.7 under 12 (Srivastava et
 * al., WFH Guidelines 2020, Haemophilia 2020;26 Suppl 6); emicizumab volume = mg ÷ concentration (30 or 150 mg/mL).
 */
class DoseCalculatorTest {

    private static final List<Integer> FACTOR_VIALS = List.of(250, 500, 1000, 2000, 3000);

    private static VialCombination dose(String kg, String rise, String recovery, List<Integer> vials) {
        return DoseCalculator.toVials(
                DoseCalculator.doseForRise(new BigDecimal(kg), new BigDecimal(rise), new BigDecimal(recovery)), vials);
    }

    @Test
    void fviiiSeventyKgRiseFiftyIsExactly1750IuIn3Vials() {
        // 70 × 50 ÷ 2.0 = 1750 IU = 1000 + 500 + 250
        assertThat(DoseCalculator.doseForRise(new BigDecimal("70"), new BigDecimal("50"), new BigDecimal("2.0")))
                .isEqualByComparingTo("1750");
        VialCombination vials = dose("70", "50", "2.0", FACTOR_VIALS);
        assertThat(vials.total()).isEqualTo(1750);
        assertThat(vials.vials()).isEqualTo(Map.of(1000, 1, 500, 1, 250, 1));
    }

    @Test
    void nonacogAlfaAdultUsesRecovery08() {
        // 70 × 40 ÷ 0.8 = 3500 IU = 3000 + 500
        VialCombination vials = dose("70", "40", "0.8", FACTOR_VIALS);
        assertThat(vials.total()).isEqualTo(3500);
        assertThat(vials.vialCount()).isEqualTo(2);
    }

    @Test
    void nonacogAlfaChildUnder12UsesRecovery07AndRoundsUp() {
        // 30 × 40 ÷ 0.7 = 1714.29 IU → 1750 IU (1000 + 500 + 250)
        assertThat(DoseCalculator.doseForRise(new BigDecimal("30"), new BigDecimal("40"), new BigDecimal("0.7")))
                .isEqualByComparingTo("1714.29");
        assertThat(dose("30", "40", "0.7", FACTOR_VIALS).total()).isEqualTo(1750);
    }

    @Test
    void plasmaDerivedFixRecovery1RoundsUpToTheVialsHeld() {
        // 60 × 60 ÷ 1.0 = 3600 IU with 500 and 1000 IU vials → 4000 IU in 4 vials
        VialCombination vials = dose("60", "60", "1.0", List.of(500, 1000));
        assertThat(vials.total()).isEqualTo(4000);
        assertThat(vials.vials()).isEqualTo(Map.of(1000, 4));
    }

    @Test
    void prefersTheSmallestTotalThenFewestVials() {
        // 2100 IU: 2000 + 250 = 2250 (2 vials) beats 3000 (1 vial) because the total is smaller
        VialCombination vials = VialCombination.roundUp(2100, FACTOR_VIALS);
        assertThat(vials.total()).isEqualTo(2250);
        assertThat(vials.vialCount()).isEqualTo(2);
        // 3000 exactly: one vial, not 2000 + 1000
        assertThat(VialCombination.roundUp(3000, FACTOR_VIALS).vials()).isEqualTo(Map.of(3000, 1));
    }

    @Test
    void expectedRiseOfTheRoundedDose() {
        // 2000 IU × 2.0 ÷ 70 kg = 57.1 IU/dL
        assertThat(DoseCalculator.expectedRise(2000, new BigDecimal("70"), new BigDecimal("2.0")))
                .isEqualByComparingTo("57.1");
    }

    @Test
    void emicizumabMaintenance6MgPerKgEvery4WeeksAt70Kg() {
        // 70 × 6 = 420 mg; 150 mg/mL vials of 60, 105, 150 mg → 420 mg in 4 vials; 420 ÷ 150 = 2.8 mL
        BigDecimal exact = DoseCalculator.doseForWeight(new BigDecimal("70"), new BigDecimal("6"));
        VialCombination vials = DoseCalculator.toVials(exact, List.of(60, 105, 150));
        assertThat(vials.total()).isEqualTo(420);
        assertThat(vials.vialCount()).isEqualTo(4);
        assertThat(DoseCalculator.volumeMl(420, new BigDecimal("150"))).isEqualByComparingTo("2.80");
    }

    @Test
    void emicizumabLoading3MgPerKgForA20KgChildIsOne30MgPerMlVialPair() {
        // 20 × 3 = 60 mg; at 30 mg/mL (30 mg vials) that is 2 vials and 2.0 mL; at 150 mg/mL one 60 mg vial, 0.4 mL
        BigDecimal exact = DoseCalculator.doseForWeight(new BigDecimal("20"), new BigDecimal("3"));
        assertThat(DoseCalculator.toVials(exact, List.of(30)).vials()).isEqualTo(Map.of(30, 2));
        assertThat(DoseCalculator.volumeMl(60, new BigDecimal("30"))).isEqualByComparingTo("2.00");
        assertThat(DoseCalculator.toVials(exact, List.of(60, 105, 150)).vials()).isEqualTo(Map.of(60, 1));
        assertThat(DoseCalculator.volumeMl(60, new BigDecimal("150"))).isEqualByComparingTo("0.40");
    }

    @Test
    void wfhTargetsForIntracranialBleedDifferBetweenHaemophiliaAAndB() {
        // WFH 2020: haemophilia B intracranial 60–80 days 1–7 then 30 days 8–21; A (verify) 80–100 then 50
        assertThat(WfhTargets.phases("FIX", BleedSite.INTRACRANIAL))
                .containsExactly(new WfhTargets.Phase(60, 80, 1, 7), new WfhTargets.Phase(30, 30, 8, 21));
        assertThat(WfhTargets.phases("FVIII", BleedSite.INTRACRANIAL))
                .containsExactly(new WfhTargets.Phase(80, 100, 1, 7), new WfhTargets.Phase(50, 50, 8, 21));
        assertThat(WfhTargets.phases("FIX", BleedSite.JOINT)).containsExactly(new WfhTargets.Phase(40, 60, 1, 2));
    }
}
