package org.hemonet.pathway;

import java.util.List;
import org.hemonet.patient.PatientSummary;
import org.jspecify.annotations.Nullable;

/**
 * What the clinic letter of an annual review says (issue 17): for the patient and their GP, from the patient's centre,
 * with the review's figures, each discipline's part, the updated care plan and the shared decisions of the year.
 *
 * @param decisions decisions taken at this review or during its year, not voided, newest first
 */
public record ClinicLetter(
        AnnualReview review,
        PatientSummary patient,
        String centreName,
        @Nullable String centrePhone24h,
        List<SharedDecision> decisions) {}
