package org.hemonet.patient;

import org.jspecify.annotations.Nullable;

/**
 * Where an under-18 stands on the way from paediatric to adult care (clinical.md §10): preparation from 12, transfer
 * between 16 and 18 (settings). Adults have no transition stage.
 */
public enum TransitionStage {
    NOT_STARTED,
    PREPARATION,
    TRANSFER;

    public static @Nullable TransitionStage at(int ageYears, RegistrySettings settings) {
        if (ageYears >= settings.transitionTransferByAge()) {
            return null;
        }
        if (ageYears >= settings.transitionTransferFromAge()) {
            return TRANSFER;
        }
        if (ageYears >= settings.transitionPreparationFromAge()) {
            return PREPARATION;
        }
        return NOT_STARTED;
    }
}
