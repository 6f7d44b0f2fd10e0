package org.hemonet.trial;

import java.util.UUID;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.InhibitorStatus;
import org.hemonet.patient.Severity;
import org.jspecify.annotations.Nullable;

/**
 * A patient of the centre who meets a trial's criteria today, whether they said they would like to hear about
 * research, and where their approach stands (the latest step, or {@code null} when not approached).
 */
public record Candidate(
        UUID patientId,
        String name,
        int age,
        DiagnosisType diagnosis,
        @Nullable Severity severity,
        InhibitorStatus inhibitorStatus,
        PriorTreatment treatment,
        @Nullable Boolean interestedInResearch,
        @Nullable ApproachStatus approach) {}
