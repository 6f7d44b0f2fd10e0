package org.hemonet.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A recorded Bethesda result with its computed titre and the patient's inhibitor status after it. */
public record InhibitorTestResult(
        UUID id,
        UUID patientId,
        LocalDate sampledOn,
        BigDecimal residualActivityPercent,
        BigDecimal dilution,
        BigDecimal titreBu,
        boolean positive,
        boolean newInhibitor,
        InhibitorStatus inhibitorStatus) {}
