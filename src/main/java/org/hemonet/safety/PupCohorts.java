package org.hemonet.safety;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.diary.BleedDiary;
import org.hemonet.diary.CohortEntries;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.Infusion;
import org.hemonet.identity.Role;
import org.hemonet.patient.PreviouslyUntreatedPatients;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.report.DisclosureControl;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Previously untreated patients (PUPs) followed for inhibitors from their first exposure day (issue 13, clinical.md §4,
 * §9): for a product class ({@code FVIII}, {@code FIX}, or one class of the catalogue such as {@code
 * FVIII_PLASMA_DERIVED}) or one product, the PUPs whose first exposure was to it, and the cumulative incidence of
 * inhibitors by exposure day at ED 20, 50 and 150 with the numbers at risk ({@link KaplanMeier}).
 *
 * <ul>
 *   <li><b>Cohort:</b> living records marked previously untreated, registered at the centres in view, with at least
 *       one exposure to a concentrate of the cohort's factor; their first such infusion was of the class (or the
 *       product) asked for.
 *   <li><b>Exposure day (§4):</b> a calendar day, in the patient's time zone, with at least one living infusion (in
 *       IU) of a concentrate of the cohort's factor, whichever product; later switches of product count too.
 *   <li><b>Inhibitor:</b> confirmed (two positive samples on different days; FVIII ≥ 0.6 BU, FIX ≥ 0.3 BU), at ED
 *       n = the exposure days up to and including the day of the first positive sample. Without one, a patient is
 *       censored at their last exposure day.
 *   <li><b>atRisk at ED n:</b> patients still under observation at ED n: followed to ED n or beyond (ED count ≥ n) with
 *       no inhibitor before ED n.
 * </ul>
 *
 * <p>Who sees what: centre staff see their own centres' PUPs (all of them, or one with {@code centreId}), exactly;
 * network analysts and commissioners see the network or one centre through {@link DisclosureControl} (clinical.md
 * §8): counts of 1–7 show as {@code *}, others rounded to 5; an incidence shows as {@code *} on fewer than 8 patients
 * or when the inhibitors behind it are 1–7 (it would give their number away). Patients, delivery providers,
 * administrators and system clients get 403. Aggregates only: no patient, no name.
 */
@Service
public class PupCohorts {

    /** The exposure days the incidence is reported at (clinical.md §9). */
    public static final int[] REPORTED_AT = {20, 50, 150};

    /** Shown where a figure is not estimable: nobody was followed to that exposure day. */
    public static final String NOT_ESTIMABLE = "–";

    private final PreviouslyUntreatedPatients patients;
    private final BleedDiary diary;
    private final ProductCatalogue products;
    private final CentreDirectory centres;
    private final Clock clock;
    private final DisclosureControl disclosure = DisclosureControl.defaults();

    PupCohorts(
            PreviouslyUntreatedPatients patients,
            BleedDiary diary,
            ProductCatalogue products,
            CentreDirectory centres,
            Clock clock) {
        this.patients = patients;
        this.diary = diary;
        this.products = products;
        this.centres = centres;
        this.clock = clock;
    }

    /** One reported point: figures as shown ({@code *} suppressed, {@code –} not estimable). */
    public record Incidence(int exposureDays, String incidence, String atRisk) {}

    /**
     * A cohort as shown to the actor; every figure is a string, as in the report module's aggregates.
     *
     * @param disclosureControl whether the figures passed disclosure control (network roles)
     */
    public record Cohort(
            @Nullable String productClass,
            @Nullable UUID productId,
            @Nullable UUID centreId,
            boolean disclosureControl,
            String patients,
            String inhibitors,
            List<Incidence> cumulativeIncidence) {}

    /** May the actor see PUP cohorts at all: centre staff (their centres) and network analysts and commissioners. */
    public boolean maySee(Actor actor) {
        Role role = roleOf(actor);
        return role != null && (role.isCentreStaff() || role.isAggregateOnly());
    }

    /** The centres an actor may choose among: centre staff their own, network roles every centre. */
    public List<UUID> centresInReach(Actor actor) {
        Role role = roleOf(actor);
        if (role != null && role.isAggregateOnly()) {
            return centres.centres().stream().map(c -> c.id()).toList();
        }
        return role != null && role.isCentreStaff() ? List.copyOf(actor.centreIds()) : List.of();
    }

    /**
     * The cohort of a product class or of one product (exactly one of the two; 400 naming the field otherwise), at one
     * centre ({@code centreId}) or at every centre in the actor's reach.
     */
    public Cohort cohort(
            Actor actor, @Nullable String productClass, @Nullable UUID productId, @Nullable UUID centreId) {
        Role role = roleOf(actor);
        if (!maySee(actor) || role == null) {
            throw new AccessDeniedException("PUP cohorts are for centre staff and network analysts");
        }
        boolean controlled = role.isAggregateOnly();
        Selection selection = selection(productClass, productId);
        Set<UUID> inView;
        if (centreId != null) {
            if (controlled
                    ? centres.centre(centreId).isEmpty()
                    : !actor.centreIds().contains(centreId)) {
                throw new NotFoundException("centre");
            }
            inView = Set.of(centreId);
        } else {
            inView = controlled ? Set.of() : actor.centreIds(); // empty: the whole network
        }
        if (!controlled && inView.isEmpty()) {
            return shown(List.of(), selection.classLabel(), productId, centreId, false);
        }
        return shown(follow(selection, inView), selection.classLabel(), productId, centreId, controlled);
    }

    /** What the cohort is of: the factor of its exposures and which first exposures belong to it. */
    private record Selection(
            String factor, @Nullable String classLabel, @Nullable ProductClass productClass, @Nullable UUID productId) {

        boolean firstExposureBelongs(Product first) {
            if (productId != null) {
                return first.id().equals(productId);
            }
            return productClass == null || first.productClass() == productClass;
        }
    }

    private Selection selection(@Nullable String productClass, @Nullable UUID productId) {
        if (productClass != null && productId != null) {
            throw new InvalidInputException("productId", "Ask for a product class or a product, not both.");
        }
        if (productId != null) {
            Product product = products.require(productId, "productId");
            String factor = product.productClass().factor();
            if (factor == null) {
                throw new InvalidInputException(
                        "productId",
                        "PUP cohorts follow exposures to FVIII or FIX concentrates; this product is neither.");
            }
            return new Selection(factor, null, null, productId);
        }
        if (productClass == null || productClass.isBlank()) {
            throw new InvalidInputException("productClass", "Ask for a product class (FVIII or FIX) or a productId.");
        }
        String asked = productClass.strip();
        if (asked.equals("FVIII") || asked.equals("FIX")) {
            return new Selection(asked, asked, null, null);
        }
        for (ProductClass c : ProductClass.values()) {
            if (c.name().equals(asked) && c.factor() != null) {
                return new Selection(c.factor(), c.name(), c, null);
            }
        }
        throw new InvalidInputException(
                "productClass",
                "Use FVIII, FIX, or a class of FVIII or FIX concentrates such as FVIII_PLASMA_DERIVED.");
    }

    /** Each cohort member's follow-up, in exposure days from their first. */
    private List<KaplanMeier.Follow> follow(Selection selection, Set<UUID> inView) {
        List<PreviouslyUntreatedPatients.Pup> pups = patients.registeredAt(inView);
        if (pups.isEmpty()) {
            return List.of();
        }
        Map<UUID, Product> catalogue = new HashMap<>();
        products.products().forEach(p -> catalogue.put(p.id(), p));
        Instant now = clock.instant();
        CohortEntries entries = diary.entriesOfPatients(
                pups.stream().map(PreviouslyUntreatedPatients.Pup::patientId).toList(),
                Instant.EPOCH,
                now.plus(Duration.ofDays(1)));
        List<KaplanMeier.Follow> cohort = new ArrayList<>();
        for (PreviouslyUntreatedPatients.Pup pup : pups) {
            List<Infusion> exposures = entries.infusionsOf(pup.patientId()).stream()
                    .filter(i -> !i.isVoided() && i.unit() == DoseUnit.IU)
                    .filter(i -> catalogue.containsKey(i.productId())
                            && selection
                                    .factor()
                                    .equals(catalogue
                                            .get(i.productId())
                                            .productClass()
                                            .factor()))
                    .sorted(Comparator.comparing(Infusion::administeredAt))
                    .toList();
            if (exposures.isEmpty()
                    || !selection.firstExposureBelongs(
                            catalogue.get(exposures.get(0).productId()))) {
                continue;
            }
            TreeSet<LocalDate> days = new TreeSet<>();
            exposures.forEach(i -> days.add(LocalDate.ofInstant(i.administeredAt(), pup.zone())));
            LocalDate inhibitorOn = pup.inhibitorOn();
            cohort.add(
                    inhibitorOn == null
                            ? KaplanMeier.Follow.censoredAt(days.size())
                            : KaplanMeier.Follow.inhibitorAt(
                                    days.headSet(inhibitorOn, true).size()));
        }
        return cohort;
    }

    private Cohort shown(
            List<KaplanMeier.Follow> cohort,
            @Nullable String productClass,
            @Nullable UUID productId,
            @Nullable UUID centreId,
            boolean controlled) {
        long inhibitors = cohort.stream().filter(KaplanMeier.Follow::inhibitor).count();
        List<Incidence> points = new ArrayList<>();
        for (KaplanMeier.Point p : KaplanMeier.at(cohort, REPORTED_AT)) {
            points.add(new Incidence(
                    p.exposureDays(),
                    incidence(p, cohort.size(), controlled),
                    controlled ? disclosure.count(p.atRisk()) : Integer.toString(p.atRisk())));
        }
        return new Cohort(
                productClass,
                productId,
                centreId,
                controlled,
                controlled ? disclosure.count(cohort.size()) : Integer.toString(cohort.size()),
                controlled ? disclosure.count(inhibitors) : Long.toString(inhibitors),
                points);
    }

    private String incidence(KaplanMeier.Point p, int patients, boolean controlled) {
        if (p.incidence() == null) {
            return NOT_ESTIMABLE;
        }
        if (!controlled) {
            return BigDecimal.valueOf(p.incidence())
                    .setScale(3, RoundingMode.HALF_UP)
                    .toPlainString();
        }
        String formatted = BigDecimal.valueOf(p.incidence())
                .setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
        if (p.inhibitors() > 0 && disclosure.count(p.inhibitors()).equals(DisclosureControl.SUPPRESSED)) {
            return DisclosureControl.SUPPRESSED;
        }
        return disclosure.statistic(formatted, patients);
    }

    private static @Nullable Role roleOf(Actor actor) {
        for (Role role : Role.values()) {
            if (role.name().equals(actor.role())) {
                return role;
            }
        }
        return null;
    }
}
