package org.hemonet.pathway;

import org.hemonet.patient.PatientSummary;
import org.jspecify.annotations.Nullable;

/**
 * A hand-over as its readers see it: the record's summary now, the two centres' names, and the care plan of the last
 * completed annual review, if any.
 *
 * @param formerTeam the reader is of the paediatric centre (read access until the setting's end)
 */
public record HandoverView(
        Handover handover,
        PatientSummary patient,
        String fromCentreName,
        String toCentreName,
        @Nullable String toCentrePhone24h,
        @Nullable AnnualReview lastReview,
        boolean formerTeam) {}
