package org.hemonet.patient;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A Bethesda assay as the laboratory reports it: the titre is computed (clinical.md §2). */
public record NewInhibitorTest(LocalDate sampledOn, BigDecimal residualActivityPercent, BigDecimal dilution) {}
