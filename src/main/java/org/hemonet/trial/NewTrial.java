package org.hemonet.trial;

import java.util.Set;
import java.util.UUID;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.Severity;
import org.jspecify.annotations.Nullable;

/** A trial as a clinician enters it; {@code null} sets and criteria mean "any". */
public record NewTrial(
        @Nullable UUID centreId,
        @Nullable String title,
        @Nullable String registryId,
        @Nullable String sponsor,
        @Nullable String summary,
        @Nullable Set<DiagnosisType> diagnoses,
        @Nullable Set<Severity> severities,
        @Nullable InhibitorCriterion inhibitor,
        @Nullable Integer minAge,
        @Nullable Integer maxAge,
        @Nullable PriorTreatment priorTreatment) {}
