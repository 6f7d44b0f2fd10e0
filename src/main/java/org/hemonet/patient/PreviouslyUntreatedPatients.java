package org.hemonet.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.patient.internal.PatientQueries;
import org.hemonet.patient.internal.PreviouslyUntreatedQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's side of inhibitor surveillance (clinical.md §2, §9): the previously untreated patients (PUPs) with
 * their confirmed inhibitor, if any, for the safety module's cohorts, and a patient's facts for surveillance that runs
 * without an actor. No access check and no audit: callers serve aggregates (which pass disclosure control) or act as
 * the system, never show a patient to a person.
 */
@Service
@Transactional(readOnly = true)
public class PreviouslyUntreatedPatients {

    /**
     * A PUP as surveillance sees them: no name, no identifier beyond the record id.
     *
     * @param factor {@code FVIII} or {@code FIX}: what their inhibitor would be against
     * @param inhibitorOn the day of the first positive sample of a confirmed inhibitor (two positive samples on
     *     different days, clinical.md §9), or {@code null} when none is confirmed
     */
    public record Pup(UUID patientId, UUID centreId, String factor, ZoneId zone, @Nullable LocalDate inhibitorOn) {}

    /** What surveillance needs of any patient: centre, the factor of their inhibitors, time zone. */
    public record SurveillanceFacts(UUID patientId, UUID centreId, String factor, ZoneId zone) {}

    private final PreviouslyUntreatedQueries queries;
    private final PatientQueries patients;
    private final RegistrySettings settings;

    PreviouslyUntreatedPatients(
            PreviouslyUntreatedQueries queries, PatientQueries patients, RegistrySettings settings) {
        this.queries = queries;
        this.patients = patients;
        this.settings = settings;
    }

    /** The PUPs registered at the given centres, or at every centre of the network when {@code centreIds} is empty. */
    public List<Pup> registeredAt(Collection<UUID> centreIds) {
        List<PreviouslyUntreatedQueries.Row> rows = queries.registeredAt(centreIds);
        Map<UUID, List<InhibitorStatus.Result>> tests = patients.inhibitorResults(
                rows.stream().map(PreviouslyUntreatedQueries.Row::patientId).toList());
        return rows.stream()
                .map(r -> new Pup(
                        r.patientId(),
                        r.centreId(),
                        factorOf(r.diagnosis()),
                        r.zone(),
                        confirmedInhibitorOn(
                                tests.getOrDefault(r.patientId(), List.of()),
                                settings.inhibitorPositiveBuFor(r.diagnosis()))))
                .toList();
    }

    public Optional<SurveillanceFacts> surveillanceFacts(UUID patientId) {
        return queries.surveillanceFacts(patientId)
                .map(r -> new SurveillanceFacts(r.patientId(), r.centreId(), factorOf(r.diagnosis()), r.zone()));
    }

    /**
     * The day of the first positive sample of a confirmed inhibitor: the earliest positive sample, when another
     * positive sample was taken on a later day (clinical.md §9); {@code null} otherwise.
     */
    static @Nullable LocalDate confirmedInhibitorOn(List<InhibitorStatus.Result> results, BigDecimal thresholdBu) {
        List<LocalDate> positiveDays = results.stream()
                .filter(r -> r.titreBu().compareTo(thresholdBu) >= 0)
                .map(InhibitorStatus.Result::sampledOn)
                .distinct()
                .sorted(Comparator.naturalOrder())
                .toList();
        return positiveDays.size() >= 2 ? positiveDays.get(0) : null;
    }

    private static String factorOf(DiagnosisType diagnosis) {
        return "FIX".equals(diagnosis.factor()) ? "FIX" : "FVIII";
    }
}
