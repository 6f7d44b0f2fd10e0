package org.hemonet.report;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.centre.CentreProfile;
import org.hemonet.centre.CentreType;
import org.hemonet.centre.TeamRole;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.Severity;
import org.springframework.stereotype.Service;

/**
 * Every centre against each designation standard of a comprehensive care centre (clinical.md §7): severely affected
 * patients registered (against a minimum, a setting), core team complete, coagulation laboratory, 24-hour cover. The
 * caseload passes disclosure control (§8) like every figure shown to the network; whether the standard is met is
 * decided on the true count.
 */
@Service
public class DesignationReport {

    public enum Standard {
        SEVERE_CASELOAD,
        CORE_TEAM,
        COAGULATION_LABORATORY,
        COVER_24H
    }

    /**
     * @param value what the centre has, as shown (a count through disclosure control, or a description)
     * @param required what the standard asks for
     */
    public record Assessment(Standard standard, boolean met, String value, String required) {}

    public record CentreDesignation(
            UUID centreId,
            String code,
            String name,
            CentreType type,
            String region,
            List<Assessment> standards,
            boolean meetsAll) {}

    public record Report(int minimumSeverePatients, List<CentreDesignation> centres) {}

    private final CentreDirectory centres;
    private final PatientRegistry patients;
    private final DesignationSettings settings;
    private final ReportSnapshots snapshots;
    private final DisclosureControl disclosure = DisclosureControl.defaults();

    /** The schemas the report reads: centres and their teams, and patients (the minimum is configuration). */
    private static final Set<String> READS = Set.of("centre", "patient");

    DesignationReport(
            CentreDirectory centres,
            PatientRegistry patients,
            DesignationSettings settings,
            ReportSnapshots snapshots) {
        this.centres = centres;
        this.patients = patients;
        this.settings = settings;
        this.snapshots = snapshots;
    }

    public Report report() {
        return snapshots.get("designation", READS, List.of(), this::compute);
    }

    private Report compute() {
        List<PatientSummary> all = patients.allForAggregates();
        Map<UUID, Long> severe = all.stream()
                .filter(p -> p.severity() == Severity.SEVERE)
                .collect(Collectors.groupingBy(PatientSummary::centreId, Collectors.counting()));
        int minimum = settings.minimumSeverePatients();
        // the same centres hidden as in the network overview, beside the same national counts (clinical.md §8)
        List<UUID> byName = centres.centres().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .map(Centre::id)
                .toList();
        Set<UUID> hidden = NetworkOverview.hiddenCentres(all, byName, disclosure);
        List<CentreDesignation> rows = centres.profiles().stream()
                .map(centre -> {
                    long count = severe.getOrDefault(centre.id(), 0L);
                    List<Assessment> standards = List.of(
                            new Assessment(
                                    Standard.SEVERE_CASELOAD,
                                    count >= minimum,
                                    hidden.contains(centre.id())
                                            ? DisclosureControl.SUPPRESSED
                                            : disclosure.count(count),
                                    "≥ " + minimum),
                            new Assessment(
                                    Standard.CORE_TEAM,
                                    centre.coreTeamComplete(),
                                    centre.missingCoreRoles().isEmpty()
                                            ? "complete"
                                            : "missing "
                                                    + centre.missingCoreRoles().stream()
                                                            .map(TeamRole::name)
                                                            .collect(Collectors.joining(", ")),
                                    "haematologist, nurse coordinator, physiotherapist, social worker"),
                            new Assessment(
                                    Standard.COAGULATION_LABORATORY,
                                    centre.coagulationLaboratory(),
                                    centre.coagulationLaboratory() ? "yes" : "no",
                                    "coagulation laboratory"),
                            new Assessment(
                                    Standard.COVER_24H,
                                    centre.cover24h(),
                                    centre.cover24h() ? "yes" : "no",
                                    "24-hour on-call cover"));
                    return designation(centre, standards);
                })
                .toList();
        return new Report(minimum, rows);
    }

    private static CentreDesignation designation(CentreProfile centre, List<Assessment> standards) {
        return new CentreDesignation(
                centre.id(),
                centre.code(),
                centre.name(),
                centre.type(),
                centre.regionName(),
                standards,
                standards.stream().allMatch(Assessment::met));
    }
}
