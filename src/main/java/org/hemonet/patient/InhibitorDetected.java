package org.hemonet.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A positive Bethesda result in a patient whose previous results were all negative (or who had none): a new inhibitor
 * (clinical.md §2), which the safety module reports (§9).
 */
public record InhibitorDetected(UUID patientId, UUID testId, LocalDate sampledOn, BigDecimal titreBu) {}
