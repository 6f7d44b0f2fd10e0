package org.hemonet.patient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.patient.internal.PatientQueries;
import org.hemonet.patient.internal.PatientRecordParts;
import org.hemonet.shared.Actor;
import org.hemonet.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * How the registry shows a patient: the whole record assembled from its parts with the derived severity, inhibitor
 * status and transition stage, and the summaries of lists. No access checks or audit here: {@link PatientRegistry}
 * decides who may see what and records it.
 */
@Component
class PatientViews {

    private final PatientQueries queries;
    private final PatientRecordParts parts;
    private final AccessPolicy accessPolicy;
    private final RegistrySettings settings;
    private final Clock clock;

    PatientViews(
            PatientQueries queries,
            PatientRecordParts parts,
            AccessPolicy accessPolicy,
            RegistrySettings settings,
            Clock clock) {
        this.queries = queries;
        this.parts = parts;
        this.accessPolicy = accessPolicy;
        this.settings = settings;
        this.clock = clock;
    }

    /** The whole record as {@code actor} may see it (infection status only for the clinical team). */
    PatientRecord record(Actor actor, PatientScope scope) {
        UUID id = scope.patientId();
        PatientRecordParts.Whole whole = parts.whole(id, settings::inhibitorPositiveBuFor)
                .orElseThrow(() -> new NotFoundException(PatientRegistry.PATIENT));
        PatientQueries.Details d = whole.details();
        BigDecimal threshold = settings.inhibitorPositiveBuFor(d.diagnosis());
        List<PatientRecord.FactorLevel> levels = whole.factorLevels();
        BigDecimal lowest = levels.stream()
                .map(PatientRecord.FactorLevel::levelIuPerDl)
                .min(BigDecimal::compareTo)
                .orElse(null);
        List<PatientRecord.InhibitorTest> tests = whole.inhibitorTests();
        InhibitorStatus status = InhibitorStatus.of(
                tests.stream()
                        .map(t -> new InhibitorStatus.Result(t.sampledOn(), t.titreBu()))
                        .toList(),
                threshold);
        LocalDate today = LocalDate.now(clock);
        int age = Period.between(d.dateOfBirth(), today).getYears();
        TransitionStage stage = TransitionStage.at(age, settings);
        PatientRecord.Transition transition = stage == null
                ? null
                : new PatientRecord.Transition(
                        stage,
                        age,
                        d.knowsDiagnosisAndProduct(),
                        d.selfInfuses(),
                        d.ordersSupplies(),
                        d.knowsEmergencyPlan());
        PatientRecord.Infection infection = accessPolicy.maySeeInfectionStatus(actor, scope)
                ? new PatientRecord.Infection(d.hivStatus(), d.hbvStatus(), d.hcvStatus(), d.vcjdAtRisk())
                : null;
        return new PatientRecord(
                id,
                d.version(),
                d.centreId(),
                scope.sharedCareCentreIds(),
                d.givenName(),
                d.familyName(),
                d.dateOfBirth(),
                d.sex(),
                d.nationalIdScheme(),
                d.nationalId(),
                d.regionId(),
                d.phone(),
                d.email(),
                d.timeZone(),
                whole.recordNumbers(),
                whole.contacts(),
                new PatientRecord.Diagnosis(d.diagnosis(), d.subtype(), d.bleedingPhenotype()),
                Severity.derive(d.diagnosis(), d.sex(), lowest, d.bleedingPhenotype()),
                levels,
                new PatientRecord.Genotype(d.genotypeHgvs(), d.mutationClass()),
                whole.familyLinks(),
                status,
                tests,
                whole.itiEpisodes(),
                infection,
                whole.weights(),
                whole.consents(),
                whole.careTeam(),
                transition,
                whole.revisions(),
                d.previouslyUntreated(),
                d.priorExposureDays());
    }

    /** List rows with derived severity and inhibitor status, read in one query for all their inhibitor results. */
    List<PatientSummary> summaries(List<PatientQueries.Row> rows) {
        Collection<UUID> ids = rows.stream().map(PatientQueries.Row::id).toList();
        Map<UUID, List<InhibitorStatus.Result>> inhibitors = queries.inhibitorResults(ids);
        return rows.stream()
                .map(row -> {
                    List<InhibitorStatus.Result> results = inhibitors.getOrDefault(row.id(), List.of());
                    BigDecimal latestTitre = results.isEmpty()
                            ? null
                            : results.get(results.size() - 1).titreBu();
                    return new PatientSummary(
                            row.id(),
                            row.centreId(),
                            row.givenName(),
                            row.familyName(),
                            row.dateOfBirth(),
                            row.sex(),
                            row.diagnosis(),
                            row.subtype(),
                            row.level(),
                            row.measuredOn(),
                            Severity.derive(row.diagnosis(), row.sex(), row.level(), row.bleedingPhenotype()),
                            row.weightKg(),
                            row.weighedOn(),
                            InhibitorStatus.of(results, settings.inhibitorPositiveBuFor(row.diagnosis())),
                            latestTitre,
                            row.timeZone());
                })
                .toList();
    }
}
