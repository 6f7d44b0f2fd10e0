package org.hemonet.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Transition to adult care (clinical.md §10): preparation from 12, transfer between 16 and 18; ages are settings. */
class TransitionStageTest {

    private final RegistrySettings defaults = RegistrySettings.defaults();

    @Test
    void followsTheDefaultAges() {
        assertThat(TransitionStage.at(11, defaults)).isEqualTo(TransitionStage.NOT_STARTED);
        assertThat(TransitionStage.at(12, defaults)).isEqualTo(TransitionStage.PREPARATION);
        assertThat(TransitionStage.at(15, defaults)).isEqualTo(TransitionStage.PREPARATION);
        assertThat(TransitionStage.at(16, defaults)).isEqualTo(TransitionStage.TRANSFER);
        assertThat(TransitionStage.at(17, defaults)).isEqualTo(TransitionStage.TRANSFER);
        assertThat(TransitionStage.at(18, defaults)).isNull();
    }

    @Test
    void agesAreSettings() {
        RegistrySettings later = new RegistrySettings(new BigDecimal("0.6"), 14, 17, 19, new BigDecimal("0.3"));
        assertThat(TransitionStage.at(13, later)).isEqualTo(TransitionStage.NOT_STARTED);
        assertThat(TransitionStage.at(18, later)).isEqualTo(TransitionStage.TRANSFER);
    }
}
