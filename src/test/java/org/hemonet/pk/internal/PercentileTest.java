package org.hemonet.pk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class PercentileTest {

    @Test
    void selectionGivesTheSamePercentilesAsSorting() {
        Well19937c random = new Well19937c(3);
        for (int trial = 0; trial < 200; trial++) {
            double[] values = new double[1 + random.nextInt(600)];
            for (int i = 0; i < values.length; i++) {
                values[i] = trial % 3 == 0 ? random.nextInt(5) : random.nextGaussian();
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            for (double p : new double[] {0, 0.05, 0.5, 0.95, 1}) {
                double position = p * (sorted.length - 1);
                int below = (int) Math.floor(position);
                int above = Math.min(below + 1, sorted.length - 1);
                double expected = sorted[below] + (position - below) * (sorted[above] - sorted[below]);

                assertThat(StudyEstimation.percentile(values.clone(), p)).isEqualTo(expected);
            }
        }
    }
}
