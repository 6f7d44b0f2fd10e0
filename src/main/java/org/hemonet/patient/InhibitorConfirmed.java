package org.hemonet.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A new inhibitor confirmed (clinical.md §2, §9): a second positive Bethesda sample, on a different day from the first,
 * in a patient who had never had two positive samples on different days before. Positive is judged against the
 * patient's factor ({@link RegistrySettings#inhibitorPositiveBuFor}: FVIII ≥ 0.6 BU, FIX ≥ 0.3 BU). Published once per
 * patient, when the record first meets the rule; further positive samples announce nothing. The safety module files an
 * {@code INHIBITOR} adverse event in draft for a clinician to confirm.
 *
 * @param firstPositiveTestId the earliest positive sample: the inhibitor's onset
 * @param firstPositiveOn the day it was sampled
 * @param confirmingTestId the sample whose entry confirmed the inhibitor
 * @param confirmedOn the day that sample was taken
 * @param factor {@code FVIII} or {@code FIX}: what the inhibitor is against
 * @param thresholdBu the positive threshold applied
 */
public record InhibitorConfirmed(
        UUID patientId,
        UUID firstPositiveTestId,
        LocalDate firstPositiveOn,
        UUID confirmingTestId,
        LocalDate confirmedOn,
        BigDecimal titreBu,
        String factor,
        BigDecimal thresholdBu) {}
