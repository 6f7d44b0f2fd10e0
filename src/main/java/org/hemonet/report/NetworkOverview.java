package org.hemonet.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.Severity;
import org.springframework.stereotype.Service;

/**
 * The network's first dashboard: registered patients by diagnosis and severity, nationally (unrounded) and by centre
 * (through disclosure control). Carries no identifiers.
 */
@Service
public class NetworkOverview {

    /** One centre's row: figures already passed through disclosure control. */
    public record CentreRow(String centreName, String type, String region, String patients, String severe) {}

    /** Counts by diagnosis, with severity for haemophilia. */
    public record DiagnosisRow(DiagnosisType diagnosis, long total, Map<Severity, Long> bySeverity) {}

    public record Overview(long totalPatients, List<DiagnosisRow> diagnoses, List<CentreRow> centres) {}

    private final PatientRegistry patients;
    private final CentreDirectory centres;
    private final DisclosureControl disclosure = DisclosureControl.defaults();

    NetworkOverview(PatientRegistry patients, CentreDirectory centres) {
        this.patients = patients;
        this.centres = centres;
    }

    public Overview overview() {
        List<PatientSummary> all = patients.allForAggregates();
        Map<DiagnosisType, List<PatientSummary>> byDiagnosis =
                all.stream().collect(Collectors.groupingBy(PatientSummary::diagnosis));
        List<DiagnosisRow> diagnoses = new ArrayList<>();
        for (DiagnosisType type : DiagnosisType.values()) {
            List<PatientSummary> group = byDiagnosis.getOrDefault(type, List.of());
            if (group.isEmpty()) {
                continue;
            }
            Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
            group.stream()
                    .filter(p -> p.severity() != null)
                    .forEach(p -> bySeverity.merge(p.severity(), 1L, Long::sum));
            diagnoses.add(new DiagnosisRow(type, group.size(), bySeverity));
        }
        Map<UUID, List<PatientSummary>> byCentre =
                all.stream().collect(Collectors.groupingBy(PatientSummary::centreId));
        Map<UUID, Centre> centreById =
                centres.centres().stream().collect(Collectors.toMap(Centre::id, Function.identity()));
        List<Centre> ordered = centreById.values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
        Set<UUID> hidden = hiddenCentres(all, ordered.stream().map(Centre::id).toList(), disclosure);
        List<CentreRow> rows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Centre centre = ordered.get(i);
            List<PatientSummary> group = byCentre.getOrDefault(centre.id(), List.of());
            long severe =
                    group.stream().filter(p -> p.severity() == Severity.SEVERE).count();
            boolean hide = hidden.contains(centre.id());
            rows.add(new CentreRow(
                    centre.name(),
                    centre.type().name(),
                    centre.regionName(),
                    hide ? DisclosureControl.SUPPRESSED : disclosure.count(group.size()),
                    hide ? DisclosureControl.SUPPRESSED : disclosure.count(severe)));
        }
        return new Overview(all.size(), diagnoses, rows);
    }

    /**
     * The centres whose registered patients and severe patients show as {@code *} wherever a report shows them beside
     * the national counts (this overview, the designation report). The national counts are shown exactly (clinical.md
     * §8), so cells are hidden until each hidden one has room within the national total
     * ({@link DisclosureControl#besideExactTotal}); a centre hidden in one column is hidden in both, so that the severe
     * column does not bound a centre hidden among all patients.
     *
     * @param centreIds every centre, in the order the reports list them (by name)
     */
    static Set<UUID> hiddenCentres(List<PatientSummary> all, List<UUID> centreIds, DisclosureControl disclosure) {
        Map<UUID, List<PatientSummary>> byCentre =
                all.stream().collect(Collectors.groupingBy(PatientSummary::centreId));
        List<Long> counts = new ArrayList<>();
        List<Long> severeCounts = new ArrayList<>();
        for (UUID centre : centreIds) {
            List<PatientSummary> group = byCentre.getOrDefault(centre, List.of());
            counts.add((long) group.size());
            severeCounts.add(
                    group.stream().filter(p -> p.severity() == Severity.SEVERE).count());
        }
        Set<Integer> hidden = new HashSet<>(disclosure.besideExactTotal(counts).hidden());
        hidden.addAll(disclosure.besideExactTotal(severeCounts).hidden());
        return hidden.stream().map(centreIds::get).collect(Collectors.toSet());
    }
}
