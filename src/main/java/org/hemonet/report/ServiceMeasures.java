package org.hemonet.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.RegistrySettings;
import org.hemonet.patient.TransitionStage;
import org.hemonet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Service measures per centre (issue 18), as at the end of a calendar year (or today, in the current year): the share of
 * the patients on prophylaxis who had a home delivery in the 12 months before; 24-hour cover and whether every
 * designation standard is met ({@link DesignationReport}, clinical.md §7); the share of the centre's patients whose
 * annual review was held in the last 12 months; and the share of its 12–18-year-olds whose transition is overdue
 * (clinical.md §10, as the pathway module's transition report counts it: in the transfer stage with the readiness
 * checklist not complete, or at the transfer-by age without a hand-over).
 *
 * <p>Who sees what follows {@link CentreComparison}: network roles see every centre through {@link DisclosureControl}
 * (§8: counts of 1–7 as {@code *}, others rounded to 5; a proportion on fewer than 8 patients as {@code *}; a lone
 * hidden centre takes another with it; beside a hidden centre the network's count and the proportion over it are
 * {@code *}), centre staff their own centres as computed. The centre-level facts (24-hour
 * cover, standards met) describe the centre, not patients, and are always shown.
 */
@Service
public class ServiceMeasures {

    /**
     * One centre's (or the network's) service measures; figures as strings ({@code *} suppressed, {@code –} undefined).
     *
     * @param onProphylaxis patients on a prophylaxis plan on {@code asOf}
     * @param homeDeliveryProportion of those, with a home delivery in the 12 months before
     * @param reviewedProportion patients with an annual review held in the 12 months before, of {@code patients}
     * @param transitionPatients patients aged 12–18 not yet handed over to adult care
     * @param transitionOverdueProportion of those, whose transition is overdue
     * @param cover24h whether the centre has 24-hour cover (null on the network row)
     * @param standardsMet whether every designation standard is met (null on the network row)
     */
    public record Row(
            @Nullable UUID centreId,
            String centreName,
            boolean disclosureControl,
            String patients,
            String onProphylaxis,
            String homeDeliveryProportion,
            String reviewedProportion,
            String transitionPatients,
            String transitionOverdueProportion,
            @Nullable Boolean cover24h,
            @Nullable Boolean standardsMet) {}

    public record Report(int year, LocalDate asOf, Row network, List<Row> items) {}

    /** The raw counts of one centre or the network. */
    static final class Counts {
        long patients;
        long onProphylaxis;
        long homeDelivered;
        long reviewed;
        long transition;
        long transitionOverdue;
    }

    /** What the measures read: patients, plans and deliveries, reviews and hand-overs, centres (designation). */
    static final Set<String> READS = Set.of("patient", "supply", "pathway", "centre");

    private final PatientRegistry patients;
    private final BenchmarkQueries queries;
    private final DesignationReport designation;
    private final RegistrySettings registry;
    private final NetworkTime networkTime;
    private final ReportSnapshots snapshots;
    private static final DisclosureControl DISCLOSURE = DisclosureControl.defaults();

    ServiceMeasures(
            PatientRegistry patients,
            BenchmarkQueries queries,
            DesignationReport designation,
            RegistrySettings registry,
            NetworkTime networkTime,
            ReportSnapshots snapshots) {
        this.patients = patients;
        this.queries = queries;
        this.designation = designation;
        this.registry = registry;
        this.networkTime = networkTime;
        this.snapshots = snapshots;
    }

    /**
     * The raw counts as at {@code asOf}, before disclosure control: the same for every reader, so kept in {@link
     * ReportSnapshots} (issue 18, speed).
     */
    record Gathered(Map<UUID, Counts> byCentre, Counts network, List<DesignationReport.CentreDesignation> centres) {}

    public Report report(Actor actor, int year) {
        CentreComparison.requireAllowed(actor);
        CentreComparison.requireYear(year);
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        LocalDate today = networkTime.today();
        LocalDate asOf = endOfYear.isAfter(today) ? today : endOfYear;
        Gathered g = snapshots.get("service", READS, List.of(asOf), () -> gather(asOf));
        return publish(CohortOutcomesReport.NETWORK.contains(actor.role()), actor.centreIds(), year, asOf, g);
    }

    Gathered gather(LocalDate asOf) {
        Map<UUID, Boolean> prophylaxis = queries.prophylaxisHomeDelivery(asOf);
        Set<UUID> reviewed = queries.reviewedWithinYear(asOf);
        Set<UUID> handedOver = queries.handedOver(
                asOf.plusDays(1).atStartOfDay(networkTime.zone()).toInstant());
        Map<UUID, Integer> checklist = queries.transitionChecklist();
        Map<UUID, Counts> byCentre = new HashMap<>();
        Counts network = new Counts();
        for (PatientSummary p : patients.allForAggregates()) {
            if (p.dateOfBirth().isAfter(asOf)) {
                continue;
            }
            Counts centre = byCentre.computeIfAbsent(p.centreId(), k -> new Counts());
            for (Counts c : List.of(centre, network)) {
                count(c, p, asOf, prophylaxis, reviewed, handedOver, checklist);
            }
        }
        List<DesignationReport.CentreDesignation> centres = designation.report().centres().stream()
                .filter(c -> byCentre.containsKey(c.centreId()))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
        return new Gathered(Map.copyOf(byCentre), network, centres);
    }

    /**
     * The measures as one reader sees them (see the class comment): network roles every centre through disclosure
     * control, centre staff their {@code ownCentres} as computed. The only place the measures are made visible, so the
     * differencing tests publish through it.
     */
    static Report publish(boolean networkRole, Set<UUID> ownCentres, int year, LocalDate asOf, Gathered g) {
        DisclosureControl disclosure = DISCLOSURE;
        Map<UUID, Counts> byCentre = g.byCentre();
        Counts network = g.network();
        List<DesignationReport.CentreDesignation> centres = g.centres();
        // each count column is one dimension of the disclosure function with the network as its total (§8)
        List<Counts> ordered =
                centres.stream().map(c -> byCentre.get(c.centreId())).toList();
        Column patientsShown = new Column(
                disclosure.dimension(ordered.stream().map(c -> c.patients).toList()));
        Column prophylaxisShown = new Column(
                disclosure.dimension(ordered.stream().map(c -> c.onProphylaxis).toList()));
        Column transitionShown = new Column(
                disclosure.dimension(ordered.stream().map(c -> c.transition).toList()));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < centres.size(); i++) {
            DesignationReport.CentreDesignation c = centres.get(i);
            Counts n = ordered.get(i);
            boolean own = !networkRole && ownCentres.contains(c.centreId());
            if (own) {
                rows.add(row(c.centreId(), c.name(), n, null, cover24h(c), c.meetsAll()));
                continue;
            }
            patientsShown.seen(i);
            prophylaxisShown.seen(i);
            transitionShown.seen(i);
            String s = DisclosureControl.SUPPRESSED;
            if (patientsShown.dimension.hides(i)) {
                rows.add(new Row(c.centreId(), c.name(), true, s, s, s, s, s, s, cover24h(c), c.meetsAll()));
                continue;
            }
            boolean noProphylaxis = prophylaxisShown.dimension.hides(i);
            boolean noTransition = transitionShown.dimension.hides(i);
            rows.add(new Row(
                    c.centreId(),
                    c.name(),
                    true,
                    disclosure.count(n.patients),
                    noProphylaxis ? s : disclosure.count(n.onProphylaxis),
                    noProphylaxis ? s : proportion(disclosure, n.homeDelivered, n.onProphylaxis),
                    proportion(disclosure, n.reviewed, n.patients),
                    noTransition ? s : disclosure.count(n.transition),
                    noTransition ? s : proportion(disclosure, n.transitionOverdue, n.transition),
                    cover24h(c),
                    c.meetsAll()));
        }
        // a count total beside a hidden centre is never shown, nor a proportion over it (§8, DisclosureControl points 1
        // and 4: 0.448 of 22–36 on prophylaxis is 13 of 29, and a year later the same centres' shown proportions give
        // the other cells away — ServiceDifferencingTest)
        Row exact = row(null, "", network, null, null, null);
        String patientsTotal = patientsShown.count(exact.patients());
        String prophylaxisTotal = prophylaxisShown.count(exact.onProphylaxis());
        String transitionTotal = transitionShown.count(exact.transitionPatients());
        Row networkRow = new Row(
                null,
                "",
                patientsShown.hiddenFromReader || prophylaxisShown.hiddenFromReader || transitionShown.hiddenFromReader,
                patientsTotal,
                prophylaxisTotal,
                disclosure.overTotal(exact.homeDeliveryProportion(), prophylaxisTotal),
                disclosure.overTotal(exact.reviewedProportion(), patientsTotal),
                transitionTotal,
                disclosure.overTotal(exact.transitionOverdueProportion(), transitionTotal),
                null,
                null);
        return new Report(year, asOf, networkRow, rows);
    }

    /** One count column after disclosure control, and whether a cell the reader may not see as computed is hidden. */
    private static final class Column {
        final DisclosureControl.Dimension dimension;
        boolean hiddenFromReader;

        Column(DisclosureControl.Dimension dimension) {
            this.dimension = dimension;
        }

        void seen(int index) {
            hiddenFromReader |= dimension.hides(index);
        }

        /** The network's total as this reader sees it: {@code *} beside a cell hidden from them, else exact. */
        String count(String exact) {
            return hiddenFromReader ? DisclosureControl.SUPPRESSED : exact;
        }
    }

    /** Adds one patient to {@code c}: the transition rules are the pathway module's transition report's (§10). */
    private void count(
            Counts c,
            PatientSummary p,
            LocalDate asOf,
            Map<UUID, Boolean> prophylaxis,
            Set<UUID> reviewed,
            Set<UUID> handedOver,
            Map<UUID, Integer> checklist) {
        c.patients++;
        Boolean home = prophylaxis.get(p.id());
        if (home != null) {
            c.onProphylaxis++;
            if (home) {
                c.homeDelivered++;
            }
        }
        if (reviewed.contains(p.id())) {
            c.reviewed++;
        }
        int age = p.ageOn(asOf);
        if (age < registry.transitionPreparationFromAge()
                || age > registry.transitionTransferByAge()
                || handedOver.contains(p.id())) {
            return;
        }
        c.transition++;
        if (age >= registry.transitionTransferByAge()) {
            c.transitionOverdue++; // reached the transfer-by age without a hand-over
        } else if (TransitionStage.at(age, registry) == TransitionStage.TRANSFER
                && checklist.getOrDefault(p.id(), 0) < 4) {
            c.transitionOverdue++; // in the transfer stage with the readiness checklist not complete
        }
    }

    private static @Nullable Boolean cover24h(DesignationReport.CentreDesignation c) {
        return c.standards().stream()
                .filter(a -> a.standard() == DesignationReport.Standard.COVER_24H)
                .map(DesignationReport.Assessment::met)
                .findFirst()
                .orElse(null);
    }

    private static Row row(
            @Nullable UUID centreId,
            String name,
            Counts c,
            @Nullable DisclosureControl control,
            @Nullable Boolean cover24h,
            @Nullable Boolean standardsMet) {
        return new Row(
                centreId,
                name,
                control != null,
                count(control, c.patients),
                count(control, c.onProphylaxis),
                proportion(control, c.homeDelivered, c.onProphylaxis),
                proportion(control, c.reviewed, c.patients),
                count(control, c.transition),
                proportion(control, c.transitionOverdue, c.transition),
                cover24h,
                standardsMet);
    }

    private static String count(@Nullable DisclosureControl control, long n) {
        return control == null ? Long.toString(n) : control.count(n);
    }

    private static String proportion(@Nullable DisclosureControl control, long events, long n) {
        if (n == 0) {
            return "–";
        }
        String p = CentreComparison.proportion(events / (double) n);
        return control == null ? p : control.statistic(p, n);
    }
}
