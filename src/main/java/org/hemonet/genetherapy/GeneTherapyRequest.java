package org.hemonet.genetherapy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A gene therapy infusion with its eligibility work-up ({@code POST /api/v1/patients/{id}/gene-therapies}, issue 21).
 *
 * @param doseVgPerKg the dose in vector genomes per kg (e.g. {@code 2e13})
 * @param aavAntibodies AAV neutralising antibodies against the vector's capsid: {@code NEGATIVE}, {@code POSITIVE}
 *     or {@code NOT_TESTED}
 * @param baselineAlt the patient's ALT before the infusion, U/L: ALT_RISE compares later results with it
 * @param liverHealth liver assessment of the work-up (elastography, ultrasound): {@code NORMAL}, {@code ABNORMAL},
 *     {@code NOT_ASSESSED} (the default)
 * @param inhibitorHistory {@code NEVER}, {@code PAST}, {@code CURRENT}, {@code UNKNOWN} (the default)
 */
public record GeneTherapyRequest(
        @Nullable UUID productId,
        @Nullable String batchNumber,
        @Nullable LocalDate infusedOn,
        @Nullable BigDecimal doseVgPerKg,
        @Nullable String aavAntibodies,
        @Nullable BigDecimal baselineAlt,
        @Nullable String aavTitre,
        @Nullable String liverHealth,
        @Nullable String inhibitorHistory,
        @Nullable String eligibilityNotes,
        @Nullable BigDecimal weightKg) {}
