package org.hemonet.patient;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.identity.AccessPolicy;
import org.hemonet.identity.PatientScope;
import org.hemonet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient registry's API. Reads take the acting user and return only what the access policy allows: a record the
 * actor may not see is reported exactly like one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class PatientRegistry {

    private final PatientQueries queries;
    private final AccessPolicy accessPolicy;

    PatientRegistry(PatientQueries queries, AccessPolicy accessPolicy) {
        this.queries = queries;
        this.accessPolicy = accessPolicy;
    }

    /** Patients of the actor's centres, optionally filtered by name (or exact national id) and severity. */
    public List<PatientSummary> search(Actor actor, @Nullable String text, @Nullable Severity severity) {
        List<PatientSummary> found = summaries(queries.atCentres(accessPolicy.searchableCentres(actor), text));
        return severity == null
                ? found
                : found.stream().filter(p -> p.severity() == severity).toList();
    }

    /** The records a patient or guardian account holds, oldest first. */
    public List<PatientSummary> heldBy(Actor actor) {
        return summaries(queries.withIds(actor.patientIds()));
    }

    /** One patient, if the actor may see them. */
    public Optional<PatientSummary> find(Actor actor, UUID patientId) {
        return scopeOf(patientId)
                .filter(scope -> accessPolicy.mayRead(actor, scope))
                .flatMap(scope -> queries.find(patientId))
                .map(row -> summaries(List.of(row)).get(0));
    }

    /** The centres that care for a patient, for access decisions by other modules. */
    public Optional<PatientScope> scopeOf(UUID patientId) {
        return queries.centreOf(patientId).map(centre -> new PatientScope(patientId, centre, Set.of()));
    }

    /** Every living record, without identifiers, for aggregate counts by the network. */
    public List<PatientSummary> allForAggregates() {
        return summaries(queries.all());
    }

    @Transactional
    public UUID register(NewPatient patient) {
        queries.insert(patient);
        return patient.id();
    }

    @Transactional
    public void recordWeight(UUID patientId, java.time.LocalDate measuredOn, BigDecimal weightKg) {
        queries.insertWeight(patientId, measuredOn, weightKg);
    }

    private List<PatientSummary> summaries(List<PatientQueries.Row> rows) {
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
                            InhibitorStatus.of(results, InhibitorStatus.DEFAULT_POSITIVE_THRESHOLD_BU),
                            latestTitre);
                })
                .toList();
    }
}
