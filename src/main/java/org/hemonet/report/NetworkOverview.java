package org.hemonet.report;

import java.util.ArrayList;
import java.util.EnumMap;
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
        List<Long> counts = new ArrayList<>();
        List<Long> severeCounts = new ArrayList<>();
        for (Centre centre : ordered) {
            List<PatientSummary> group = byCentre.getOrDefault(centre.id(), List.of());
            counts.add((long) group.size());
            severeCounts.add(
                    group.stream().filter(p -> p.severity() == Severity.SEVERE).count());
        }
        // the national totals are exact, so a lone suppressed centre takes a second one with it (clinical.md §8)
        Set<Integer> hidden = disclosure.hidden(counts);
        Set<Integer> hiddenSevere = disclosure.hidden(severeCounts);
        List<CentreRow> rows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Centre centre = ordered.get(i);
            rows.add(new CentreRow(
                    centre.name(),
                    centre.type().name(),
                    centre.regionName(),
                    hidden.contains(i) ? DisclosureControl.SUPPRESSED : disclosure.count(counts.get(i)),
                    hiddenSevere.contains(i) ? DisclosureControl.SUPPRESSED : disclosure.count(severeCounts.get(i))));
        }
        return new Overview(all.size(), diagnoses, rows);
    }
}
