package org.hemonet.patient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A patient's whole registry record as one actor may see it: the infection and vCJD-risk status is {@code null} unless
 * the actor is a clinical member of one of the patient's centres.
 *
 * @param previouslyUntreated whether the patient had never received a factor concentrate when first seen (a PUP,
 *     clinical.md §9); {@code null} when not recorded
 * @param priorExposureDays exposure days (clinical.md §4) before joining (0 for a PUP); {@code null} when not known
 */
public record PatientRecord(
        UUID id,
        int version,
        UUID centreId,
        Set<UUID> sharedCareCentreIds,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        Sex sex,
        @Nullable String nationalIdScheme,
        @Nullable String nationalId,
        @Nullable UUID regionId,
        @Nullable String phone,
        @Nullable String email,
        String timeZone,
        List<RecordNumber> recordNumbers,
        List<Contact> contacts,
        Diagnosis diagnosis,
        @Nullable Severity severity,
        List<FactorLevel> factorLevels,
        Genotype genotype,
        List<FamilyLink> familyLinks,
        InhibitorStatus inhibitorStatus,
        List<InhibitorTest> inhibitorTests,
        List<ItiEpisode> itiEpisodes,
        @Nullable Infection infection,
        List<Weight> weights,
        List<Consent> consents,
        List<CareTeamMember> careTeam,
        @Nullable Transition transition,
        List<Revision> revisions,
        @Nullable Boolean previouslyUntreated,
        @Nullable Integer priorExposureDays) {

    public record RecordNumber(UUID centreId, String mrn) {}

    public record Contact(UUID id, String kind, String name, @Nullable String relationship, @Nullable String phone) {}

    public record Diagnosis(DiagnosisType type, @Nullable String subtype, boolean bleedingPhenotype) {}

    public record FactorLevel(String factor, BigDecimal levelIuPerDl, LocalDate measuredOn) {}

    public record Genotype(@Nullable String hgvs, @Nullable String mutationClass) {}

    /** A relative who is a registered patient ({@code relativeId}) or, as free text, one who is not. */
    public record FamilyLink(
            UUID id,
            @Nullable UUID relativeId,
            @Nullable String relativeName,
            String relationship,
            String carrierStatus) {}

    public record InhibitorTest(
            UUID id,
            LocalDate sampledOn,
            BigDecimal residualActivityPercent,
            BigDecimal dilution,
            BigDecimal titreBu,
            boolean positive) {}

    public record ItiEpisode(
            UUID id,
            LocalDate startedOn,
            String regimen,
            @Nullable UUID productId,
            @Nullable LocalDate endedOn,
            @Nullable String outcome) {}

    /** Infection and vCJD-risk status (public-health purposes). */
    public record Infection(String hiv, String hepatitisB, String hepatitisC, boolean vcjdAtRisk) {}

    public record Weight(LocalDate measuredOn, BigDecimal weightKg, @Nullable BigDecimal heightCm) {}

    public record Consent(
            UUID id, ConsentKind kind, boolean given, LocalDate recordedOn, @Nullable LocalDate withdrawnOn) {}

    public record CareTeamMember(UUID id, String role, String name) {}

    /** Transition to adult care (clinical.md §10) with the readiness checklist. */
    public record Transition(
            TransitionStage stage,
            int ageYears,
            boolean knowsDiagnosisAndProduct,
            boolean selfInfuses,
            boolean ordersSupplies,
            boolean knowsEmergencyPlan) {

        public int checklistDone() {
            return (knowsDiagnosisAndProduct ? 1 : 0)
                    + (selfInfuses ? 1 : 0)
                    + (ordersSupplies ? 1 : 0)
                    + (knowsEmergencyPlan ? 1 : 0);
        }
    }

    /** One correction: who, when, why. */
    public record Revision(int version, Instant changedAt, String changedBy, String reason, String changedFields) {}

    public String fullName() {
        return givenName + " " + familyName;
    }

    public boolean highRespondingInhibitor() {
        return inhibitorStatus == InhibitorStatus.POSITIVE_HIGH_RESPONDER
                || inhibitorStatus == InhibitorStatus.NEGATIVE_PREVIOUS_HIGH_RESPONDER;
    }
}
