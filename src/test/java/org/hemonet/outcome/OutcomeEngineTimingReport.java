package org.hemonet.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.hemonet.diary.BleedCause;
import org.hemonet.diary.BleedSite;
import org.hemonet.diary.InfusionReason;
import org.junit.jupiter.api.Test;

/**
 * Measures (does not assert) the engine alone on the data of {@link OutcomeTimingReport}: 5,200 infusions and 300
 * bleeds over 10 years. Run: {@code ./mvnw -q -o test -Dtest=OutcomeEngineTimingReport}.
 */
class OutcomeEngineTimingReport {

    @Test
    void engineOnTenYearsOfDiary() {
        OutcomeEngineTest.Diary d = new OutcomeEngineTest.Diary();
        Instant start = Instant.parse("2016-12-01T08:00:00Z");
        BleedSite[] sites = {BleedSite.LEFT_KNEE, BleedSite.RIGHT_ANKLE, BleedSite.LEFT_ELBOW, BleedSite.NOSE};
        for (int g = 0; g < 1825; g++) {
            d.infusion(local(start.plus(48L * g, ChronoUnit.HOURS)), InfusionReason.PROPHYLAXIS, null, "2000");
        }
        for (int g = 0; g < 3375; g++) {
            d.infusion(local(start.plus(17L * g, ChronoUnit.HOURS)), InfusionReason.OTHER, null, "1000");
        }
        for (int g = 0; g < 300; g++) {
            d.bleed(
                    local(start.plus(292L * g, ChronoUnit.HOURS)),
                    sites[g % 4],
                    g % 2 == 0 ? BleedCause.SPONTANEOUS : BleedCause.TRAUMATIC,
                    g % 11,
                    false,
                    0,
                    0);
        }
        d.weights.put(LocalDate.parse("2016-01-01"), new BigDecimal("70"));
        var input = d.input("2016-12-01", "2026-11-27", "2026-11-27");
        for (int i = 0; i < 100; i++) {
            OutcomeEngine.compute(input);
        }
        int runs = 300;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            OutcomeEngine.compute(input);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.println(
                "ENGINE-TIMING p50 " + nanos[runs / 2] / 1e6 + " ms, p95 " + nanos[(int) (runs * 0.95)] / 1e6 + " ms");
    }

    private static String local(Instant t) {
        return t.atZone(OutcomeEngineTest.LONDON)
                .toLocalDateTime()
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
    }
}
