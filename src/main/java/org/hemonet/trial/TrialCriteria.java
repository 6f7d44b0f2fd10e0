package org.hemonet.trial;

import java.util.Set;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Who may join a trial. An empty set of diagnoses or severities means any; ages are whole years on the day asked, both
 * ends included.
 */
public record TrialCriteria(
        Set<DiagnosisType> diagnoses,
        Set<Severity> severities,
        InhibitorCriterion inhibitor,
        @Nullable Integer minAge,
        @Nullable Integer maxAge,
        PriorTreatment priorTreatment) {

    public TrialCriteria {
        diagnoses = Set.copyOf(diagnoses);
        severities = Set.copyOf(severities);
    }
}
