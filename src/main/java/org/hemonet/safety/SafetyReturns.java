package org.hemonet.safety;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.diary.BleedDiary;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.report.DisclosureControl;
import org.hemonet.safety.internal.SafetyQueries;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The quarterly EUHASS-style return per centre (issue 13, clinical.md §9): the reported and closed events with onset in
 * the quarter, by category and product, and the patients treated with each product in the calendar year (a patient
 * counts at their registered centre; the year is cut in the network's time zone). Aggregates only: no patient, no narrative.
 *
 * <p>Centre staff see their own centres' figures as they are. Network analysts and commissioners see every centre's
 * figures under disclosure control (clinical.md §8, {@link DisclosureControl}): counts of 1–7 as {@code *}, others
 * rounded to 5, and for each product (and category) across the centres the secondary suppression of §8, so no
 * suppressed cell can be recovered from the national figure; a filter to one centre shows that centre's cells exactly
 * as the all-centre table does. National figures are shown unrounded unless a suppressed cell could be recovered from
 * them, when they are rounded ({@link DisclosureControl#total}); centre staff get the same national figures, so that
 * their own exact cells and the national figure never give another centre's suppressed cell away. Other roles get 403.
 */
@Service
public class SafetyReturns {

    private final SafetyQueries queries;
    private final BleedDiary diary;
    private final PatientRegistry patients;
    private final CentreDirectory centres;
    private final ProductCatalogue catalogue;

    /** The network's time zone (hemonet.network.time-zone): its calendar years and quarters. */
    private final java.time.ZoneId networkZone;

    SafetyReturns(
            SafetyQueries queries,
            BleedDiary diary,
            PatientRegistry patients,
            CentreDirectory centres,
            ProductCatalogue catalogue,
            org.hemonet.centre.NetworkSettings network) {
        this.networkZone = network.timeZone();
        this.queries = queries;
        this.diary = diary;
        this.patients = patients;
        this.centres = centres;
        this.catalogue = catalogue;
    }

    /** Events of one category with one product (null: product not known) in the quarter; a count or {@code *}. */
    public record EventCount(
            @Nullable UUID productId,
            @Nullable String productName,
            @Nullable String productClass,
            AdverseEventCategory category,
            String events) {}

    /** Patients treated with one product in the year; a count or {@code *}. */
    public record PatientCount(UUID productId, String productName, String productClass, String patients) {}

    public record CentreReturn(
            UUID centreId, String centreName, List<EventCount> events, List<PatientCount> patientsTreated) {}

    /**
     * One quarter's return. {@code disclosureControlled}: the centre figures passed disclosure control (network roles).
     *
     * @param from the quarter's first day
     * @param to the quarter's last day
     */
    public record Return(
            int year,
            int quarter,
            LocalDate from,
            LocalDate to,
            boolean disclosureControlled,
            List<CentreReturn> centres,
            List<EventCount> nationalEvents,
            List<PatientCount> nationalPatientsTreated) {}

    /** May the actor see returns at all (centre staff, network analysts and commissioners)? */
    public boolean maySee(Actor actor) {
        Role role = Role.of(actor.role());
        return role.isCentreStaff() || role.isAggregateOnly();
    }

    public Return quarter(Actor actor, int year, int quarter, @Nullable UUID centreId) {
        if (!maySee(actor)) {
            throw new AccessDeniedException("returns are for centre staff and network analysts");
        }
        if (quarter < 1 || quarter > 4) {
            throw new InvalidInputException("quarter", "A quarter is 1 to 4.");
        }
        if (year < 1900 || year > 2200) {
            throw new InvalidInputException("year", "Give a calendar year.");
        }
        Role role = Role.of(actor.role());
        boolean network = role.isAggregateOnly();
        LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
        LocalDate to = from.plusMonths(3).minusDays(1);

        List<Centre> all = centres.centres().stream()
                .sorted(Comparator.comparing(Centre::name))
                .toList();
        Set<UUID> shown = new LinkedHashSet<>();
        for (Centre c : all) {
            if (network || actor.centreIds().contains(c.id())) {
                shown.add(c.id());
            }
        }
        if (centreId != null) {
            if (!shown.contains(centreId)) {
                throw new NotFoundException("centre");
            }
            shown = Set.of(centreId);
        }
        Map<UUID, Product> products =
                catalogue.products().stream().collect(Collectors.toMap(Product::id, Function.identity()));

        // events by centre and (product, category)
        record EventKey(@Nullable UUID productId, AdverseEventCategory category) {}
        Map<EventKey, Map<UUID, Long>> events = new HashMap<>();
        for (SafetyQueries.ReturnedEvent e : queries.countedEventsBetween(from, to)) {
            events.computeIfAbsent(new EventKey(e.productId(), e.category()), k -> new HashMap<>())
                    .merge(e.centreId(), 1L, Long::sum);
        }
        // distinct patients by centre and product, over the calendar year
        Map<UUID, UUID> centreOf = new HashMap<>();
        for (PatientSummary p : patients.allForAggregates()) {
            centreOf.put(p.id(), p.centreId());
        }
        Map<UUID, Map<UUID, Set<UUID>>> treated = new HashMap<>();
        for (BleedDiary.ProductYear py : diary.productYears(year, year, networkZone)) {
            UUID centre = centreOf.get(py.patientId());
            if (centre != null) {
                treated.computeIfAbsent(py.productId(), k -> new HashMap<>())
                        .computeIfAbsent(centre, k -> new HashSet<>())
                        .add(py.patientId());
            }
        }

        DisclosureControl dc = DisclosureControl.defaults();
        Map<UUID, List<EventCount>> centreEvents = new HashMap<>();
        Map<UUID, List<PatientCount>> centrePatients = new HashMap<>();
        List<EventCount> nationalEvents = new ArrayList<>();
        List<PatientCount> nationalPatients = new ArrayList<>();
        List<EventKey> eventKeys = events.keySet().stream()
                .sorted(Comparator.comparing((EventKey k) -> productSort(products, k.productId()))
                        .thenComparing(EventKey::category))
                .toList();
        for (EventKey key : eventKeys) {
            List<Long> counts = all.stream()
                    .map(c -> events.get(key).getOrDefault(c.id(), 0L))
                    .toList();
            Product product = key.productId() == null ? null : products.get(key.productId());
            centreFigures(dc, all, counts, shown, network, (centre, figure) -> centreEvents
                    .computeIfAbsent(centre, k -> new ArrayList<>())
                    .add(eventCount(key.productId(), product, key.category(), figure)));
            nationalEvents.add(eventCount(key.productId(), product, key.category(), national(dc, counts)));
        }
        List<UUID> treatedProducts = treated.keySet().stream()
                .sorted(Comparator.comparing(p -> productSort(products, p)))
                .toList();
        for (UUID productId : treatedProducts) {
            List<Long> counts = all.stream()
                    .map(c -> (long) treated.get(productId)
                            .getOrDefault(c.id(), Set.of())
                            .size())
                    .toList();
            Product product = products.get(productId);
            if (product == null) {
                continue;
            }
            centreFigures(dc, all, counts, shown, network, (centre, figure) -> centrePatients
                    .computeIfAbsent(centre, k -> new ArrayList<>())
                    .add(patientCount(product, figure)));
            nationalPatients.add(patientCount(product, national(dc, counts)));
        }
        List<CentreReturn> returns = new ArrayList<>();
        for (Centre c : all) {
            if (shown.contains(c.id())) {
                returns.add(new CentreReturn(
                        c.id(),
                        c.name(),
                        centreEvents.getOrDefault(c.id(), List.of()),
                        centrePatients.getOrDefault(c.id(), List.of())));
            }
        }
        return new Return(year, quarter, from, to, network, returns, nationalEvents, nationalPatients);
    }

    /**
     * The patients with a reported or closed death report (category {@code DEATH}, drafts aside) whose onset is in the
     * calendar year, for the national annual return and the WBDR-style file (issue 15). No access check and no audit:
     * the caller serves aggregates or has checked each patient itself.
     */
    public Set<UUID> deathsIn(int year) {
        return new HashSet<>(queries.deathsBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }

    /**
     * Each shown centre's non-empty figure of one row of counts (centres in {@code all}'s order): exact for centre staff,
     * through the disclosure function for network roles (1–7 and their secondary partner {@code *}, others rounded).
     */
    private static void centreFigures(
            DisclosureControl dc,
            List<Centre> all,
            List<Long> counts,
            Set<UUID> shown,
            boolean network,
            java.util.function.BiConsumer<UUID, String> figure) {
        Set<Integer> hidden = dc.hidden(counts);
        for (int i = 0; i < all.size(); i++) {
            long n = counts.get(i);
            if (n > 0 && shown.contains(all.get(i).id())) {
                figure.accept(
                        all.get(i).id(),
                        !network ? Long.toString(n) : hidden.contains(i) ? DisclosureControl.SUPPRESSED : dc.count(n));
            }
        }
    }

    /**
     * The national figure: exact when no centre's figure beside it is hidden, else {@code *} (clinical.md §8, the
     * disclosure function's rule for a total beside hidden cells: no rounding of it is safe).
     */
    private static String national(DisclosureControl dc, List<Long> counts) {
        return dc.dimension(counts).total();
    }

    private static String productSort(Map<UUID, Product> products, @Nullable UUID productId) {
        Product p = productId == null ? null : products.get(productId);
        return p == null ? "~" : p.productClass().name() + " " + p.brandName();
    }

    private static EventCount eventCount(
            @Nullable UUID productId, @Nullable Product product, AdverseEventCategory category, String figure) {
        return new EventCount(
                productId,
                product == null ? null : product.brandName(),
                product == null ? null : product.productClass().name(),
                category,
                figure);
    }

    private static PatientCount patientCount(Product product, String figure) {
        return new PatientCount(
                product.id(), product.brandName(), product.productClass().name(), figure);
    }
}
