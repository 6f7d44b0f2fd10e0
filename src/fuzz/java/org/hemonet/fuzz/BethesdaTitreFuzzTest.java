package org.hemonet.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import org.hemonet.patient.BethesdaTitre;
import org.hemonet.shared.InvalidInputException;

/**
 * The Bethesda titre computation itself (clinical.md, Bethesda assay), with any residual activity and dilution: it
 * returns a titre of zero or more, or refuses the input with {@link InvalidInputException}; nothing else.
 */
class BethesdaTitreFuzzTest {

    @FuzzTest(maxDuration = FuzzDuration.VALUE)
    void bethesdaTitreReturnsOrRefuses(FuzzedDataProvider data) {
        BigDecimal residual = InhibitorTestFuzzTest.bigDecimal(data);
        BigDecimal dilution = InhibitorTestFuzzTest.bigDecimal(data);
        try {
            BigDecimal titre = BethesdaTitre.compute(residual, dilution);
            if (titre == null || titre.signum() < 0) {
                throw new AssertionError("titre " + titre + " for " + residual + " % at 1:" + dilution);
            }
        } catch (InvalidInputException refused) {
            // a clean refusal naming the field
        }
    }

}
