package org.hemonet.patient;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A correction of a patient's record: only the fields named in {@code present} change (a named field with a
 * {@code null} value clears it where it may be empty). {@code reason} says why, and is kept with who and when.
 */
public record PatientCorrection(
        Set<String> present,
        String reason,
        @Nullable String givenName,
        @Nullable String familyName,
        @Nullable LocalDate dateOfBirth,
        @Nullable Sex sex,
        @Nullable String nationalIdScheme,
        @Nullable String nationalId,
        @Nullable UUID regionId,
        @Nullable String phone,
        @Nullable String email,
        @Nullable DiagnosisType diagnosisType,
        @Nullable String diagnosisSubtype,
        @Nullable Boolean bleedingPhenotype,
        @Nullable String genotypeHgvs,
        @Nullable String mutationClass,
        @Nullable String hivStatus,
        @Nullable String hepatitisBStatus,
        @Nullable String hepatitisCStatus,
        @Nullable Boolean vcjdAtRisk,
        @Nullable Boolean knowsDiagnosisAndProduct,
        @Nullable Boolean selfInfuses,
        @Nullable Boolean ordersSupplies,
        @Nullable Boolean knowsEmergencyPlan,
        @Nullable Set<UUID> sharedCareCentreIds,
        @Nullable String timeZone,
        @Nullable Boolean previouslyUntreated,
        @Nullable Integer priorExposureDays) {

    /**
     * The treatment history before joining (clinical.md §9): only the clinical team (clinicians and nurses) of the
     * patient's centres may set it, as it decides who is followed as a previously untreated patient.
     */
    public static final Set<String> TREATMENT_HISTORY_FIELDS = Set.of("previouslyUntreated", "priorExposureDays");

    /** Fields of the record only clinical staff of the patient's centres may set. */
    public static final Set<String> INFECTION_FIELDS =
            Set.of("hivStatus", "hepatitisBStatus", "hepatitisCStatus", "vcjdAtRisk");

    /** What a patient or guardian may correct on their own record. */
    public static final Set<String> PATIENT_FIELDS = Set.of("phone", "email", "timeZone");

    public static final Map<String, Set<String>> ALLOWED_VALUES = Map.of(
            "hivStatus", Set.of("UNKNOWN", "NEGATIVE", "POSITIVE"),
            "hepatitisBStatus", Set.of("UNKNOWN", "NEGATIVE", "POSITIVE", "CLEARED", "IMMUNISED"),
            "hepatitisCStatus", Set.of("UNKNOWN", "NEGATIVE", "POSITIVE", "CLEARED"));

    public PatientCorrection {
        present = Set.copyOf(present);
        sharedCareCentreIds = sharedCareCentreIds == null ? null : Set.copyOf(sharedCareCentreIds);
    }

    public boolean has(String field) {
        return present.contains(field);
    }
}
