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
 * hidden centre takes another with it), centre staff their own centres as computed. The centre-level facts (24-hour
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

    private final PatientRegistry patients;
    private final BenchmarkQueries queries;
    private final DesignationReport designation;
    private final RegistrySettings registry;
    private final NetworkTime networkTime;
    private final DisclosureControl disclosure = DisclosureControl.defaults();

    ServiceMeasures(
            PatientRegistry patients,
            BenchmarkQueries queries,
            DesignationReport designation,
            RegistrySettings registry,
            NetworkTime networkTime) {
        this.patients = patients;
        this.queries = queries;
        this.designation = designation;
        this.registry = registry;
        this.networkTime = networkTime;
    }

    public Report report(Actor actor, int year) {
        CentreComparison.requireAllowed(actor);
        CentreComparison.requireYear(year);
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        LocalDate today = networkTime.today();
        LocalDate asOf = endOfYear.isAfter(today) ? today : endOfYear;
        Map<UUID, Boolean> prophylaxis = queries.prophylaxisHomeDelivery(asOf);
        Set<UUID> reviewed = queries.reviewedWithinYear(asOf);
        Set<UUID> handedOver = queries.handedOver(asOf);
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
        boolean networkRole = CohortOutcomesReport.NETWORK.contains(actor.role());
        DisclosureControl.Dimension shown = disclosure.dimension(
                centres.stream().map(c -> byCentre.get(c.centreId()).patients).toList());
        List<Row> rows = new ArrayList<>();
        boolean hiddenFromReader = false;
        for (int i = 0; i < centres.size(); i++) {
            DesignationReport.CentreDesignation c = centres.get(i);
            boolean own = !networkRole && actor.centreIds().contains(c.centreId());
            hiddenFromReader |= shown.hides(i) && !own;
            rows.add(row(
                    c.centreId(),
                    c.name(),
                    byCentre.get(c.centreId()),
                    own ? null : disclosure,
                    shown.hides(i),
                    cover24h(c),
                    c.meetsAll()));
        }
        Row networkRow = row(null, "", network, null, false, null, null);
        if (hiddenFromReader) {
            // a count total beside a hidden centre is never shown; proportions only when they cannot be taken apart
            Row controlled = row(null, "", network, disclosure, false, null, null);
            String star = DisclosureControl.SUPPRESSED;
            boolean figures = shown.totalFiguresShown();
            networkRow = new Row(
                    null,
                    "",
                    true,
                    star,
                    star,
                    figures ? controlled.homeDeliveryProportion() : star,
                    figures ? controlled.reviewedProportion() : star,
                    star,
                    figures ? controlled.transitionOverdueProportion() : star,
                    null,
                    null);
        }
        return new Report(year, asOf, networkRow, rows);
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
            boolean hidden,
            @Nullable Boolean cover24h,
            @Nullable Boolean standardsMet) {
        if (control != null && hidden) {
            String s = DisclosureControl.SUPPRESSED;
            return new Row(centreId, name, true, s, s, s, s, s, s, cover24h, standardsMet);
        }
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
