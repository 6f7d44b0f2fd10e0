package org.hemonet.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.diary.BleedDiary;
import org.hemonet.identity.Role;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.safety.internal.SafetyQueries;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Rates per 1000 treatment-years by product or by product class, and signals (issue 13, clinical.md §9), for the API and
 * the safety rates page: per product (or class), patients treated, treatment-years, events by category and a rate with
 * the exact Poisson 95 % interval for every category; a signal where a product's interval lies wholly above its class's
 * network rate. Only reported and closed events count (drafts and voided reports never do). Aggregates only: no
 * patient, no narrative. Staff roles only (patients and delivery providers get 403). Years are cut in the network's
 * time zone (hemonet.network.time-zone).
 */
@Service
public class SafetyRates {

    private final BleedDiary diary;
    private final SafetyQueries queries;
    private final ProductCatalogue products;

    /** The network's time zone (hemonet.network.time-zone): its calendar years and quarters. */
    private final java.time.ZoneId networkZone;

    SafetyRates(
            BleedDiary diary,
            SafetyQueries queries,
            ProductCatalogue products,
            org.hemonet.centre.NetworkSettings network) {
        this.networkZone = network.timeZone();
        this.diary = diary;
        this.queries = queries;
        this.products = products;
    }

    public record Rate(double per1000TreatmentYears, double[] ci95) {}

    /**
     * One row of the rates: a product ({@code productId} and its class) or, with {@code by=PRODUCT_CLASS}, a class
     * ({@code productId} null).
     */
    public record Item(
            @Nullable UUID productId,
            @Nullable String productClass,
            long patientsTreated,
            long treatmentYears,
            Map<AdverseEventCategory, Long> events,
            Map<AdverseEventCategory, @Nullable Rate> rates) {}

    /**
     * A signal (issue 13, clinical.md §9): an exact 95 % interval for a category lies wholly above a reference rate over
     * the same years (its lower limit exceeds the reference). At {@link Grouping#PRODUCT} level a product is compared
     * with the network rate of its class; at {@link Grouping#PRODUCT_CLASS} level a class is compared with the network
     * rate of every product for the same factor ({@code reference} "FVIII" or "FIX": e.g. extended half-life FVIII
     * against all FVIII concentrates), or, for a class that replaces no single factor (bypassing agents, emicizumab,
     * VWF, fibrinogen), with the rate of the whole network ({@code reference} "ALL"). A patient counts one treatment-year
     * per group and year however many of its products they used.
     *
     * @param productId the product, for a product signal; {@code null} for a class signal
     * @param reference what the rate is compared with: the product's class (product signals), or FVIII, FIX or ALL
     * @param classRatePer1000TreatmentYears the reference rate (the class's for a product signal)
     * @param classEvents events of the reference group
     * @param classTreatmentYears treatment-years of the reference group
     */
    public record Signal(
            @Nullable UUID productId,
            String productClass,
            Grouping level,
            String reference,
            AdverseEventCategory category,
            long events,
            long treatmentYears,
            Rate rate,
            double classRatePer1000TreatmentYears,
            long classEvents,
            long classTreatmentYears) {}

    /** The reference group of a class signal: the class's factor, or ALL for classes that replace no single factor. */
    static String referenceOf(String productClass) {
        String factor = ProductClass.valueOf(productClass).factor();
        return factor == null ? ALL : factor;
    }

    static final String ALL = "ALL";

    /** How rates are grouped ({@code by=} of the API). */
    public enum Grouping {
        PRODUCT,
        PRODUCT_CLASS
    }

    /** May the actor see the network's rates (every staff role; not patients or delivery providers)? */
    public boolean maySee(Actor actor) {
        return !Role.PATIENT.name().equals(actor.role())
                && !Role.DELIVERY_PROVIDER.name().equals(actor.role());
    }

    /** Calendar years {@code from}…{@code to}, both included; one item per product with exposures or events. */
    public List<Item> byProduct(Actor actor, int from, int to) {
        return rates(actor, from, to, Grouping.PRODUCT);
    }

    /** Calendar years {@code from}…{@code to}, both included, one item per product or per product class. */
    public List<Item> rates(Actor actor, int from, int to, Grouping by) {
        Figures figures = figures(actor, from, to);
        return by == Grouping.PRODUCT ? figures.products() : figures.classes();
    }

    /**
     * Products whose interval lies wholly above their class's network rate, per category, over {@code from}…{@code
     * to}; strongest first (the largest lower limit relative to the class rate).
     */
    public List<Signal> signals(Actor actor, int from, int to) {
        return signals(figures(actor, from, to));
    }

    /** Everything the safety dashboard shows for {@code from}…{@code to}, computed once. */
    public record Dashboard(List<Item> products, List<Item> classes, List<Signal> signals) {}

    public Dashboard dashboard(Actor actor, int from, int to) {
        Figures figures = figures(actor, from, to);
        return new Dashboard(figures.products(), figures.classes(), signals(figures));
    }

    private static List<Signal> signals(Figures figures) {
        Map<String, Item> classes = new java.util.HashMap<>();
        figures.classes().forEach(c -> classes.put(String.valueOf(c.productClass()), c));
        List<Signal> signals = new ArrayList<>();
        for (Item product : figures.products()) {
            Item cls = classes.get(String.valueOf(product.productClass()));
            if (product.productId() != null && product.productClass() != null && cls != null) {
                addSignals(signals, Grouping.PRODUCT, product, product.productClass(), cls);
            }
        }
        for (Item cls : figures.classes()) {
            if (cls.productClass() == null) {
                continue;
            }
            String reference = referenceOf(cls.productClass());
            Item group = figures.references().get(reference);
            if (group != null) {
                addSignals(signals, Grouping.PRODUCT_CLASS, cls, reference, group);
            }
        }
        signals.sort(Comparator.comparing(Signal::level)
                .thenComparingDouble(s -> -(s.rate().ci95()[0] - s.classRatePer1000TreatmentYears()))
                .thenComparing(s -> String.valueOf(s.productId()) + s.productClass()));
        return signals;
    }

    /** A signal for each category where {@code item}'s interval lies wholly above {@code reference}'s rate. */
    private static void addSignals(
            List<Signal> signals, Grouping level, Item item, String referenceName, Item reference) {
        for (AdverseEventCategory c : AdverseEventCategory.values()) {
            Rate own = item.rates().get(c);
            Rate network = reference.rates().get(c);
            if (own != null && network != null && own.ci95()[0] > network.per1000TreatmentYears()) {
                signals.add(new Signal(
                        item.productId(),
                        java.util.Objects.requireNonNull(item.productClass()),
                        level,
                        referenceName,
                        c,
                        item.events().getOrDefault(c, 0L),
                        item.treatmentYears(),
                        own,
                        network.per1000TreatmentYears(),
                        reference.events().getOrDefault(c, 0L),
                        reference.treatmentYears()));
            }
        }
    }

    /** @param references the groups class signals compare with: FVIII, FIX and ALL (see {@link Signal}) */
    private record Figures(List<Item> products, List<Item> classes, Map<String, Item> references) {}

    private Figures figures(Actor actor, int from, int to) {
        if (!maySee(actor)) {
            throw new AccessDeniedException("network safety figures are for staff");
        }
        if (to < from) {
            throw new InvalidInputException("to", "The last year is before the first.");
        }
        if (from < 1900 || to - from > 50) {
            throw new InvalidInputException("from", "At most 50 calendar years from 1900.");
        }
        List<TreatmentYears.Exposure> exposures = diary.productYears(from, to, networkZone).stream()
                .map(p -> new TreatmentYears.Exposure(p.patientId(), p.productId(), p.year()))
                .toList();
        List<TreatmentYears.Event> events = queries.countedEvents(from, to).stream()
                .map(e -> new TreatmentYears.Event(e.productId(), e.category(), e.year()))
                .toList();
        Map<UUID, String> classOf = new java.util.HashMap<>();
        for (Product p : products.products()) {
            classOf.put(p.id(), p.productClass().name());
        }
        List<Item> byProduct = new ArrayList<>();
        for (TreatmentYears.ProductRates r :
                TreatmentYears.byProduct(exposures, events, from, to).values()) {
            byProduct.add(new Item(
                    r.productId(),
                    classOf.get(r.productId()),
                    r.patientsTreated(),
                    r.treatmentYears(),
                    r.events(),
                    rates(r.rates())));
        }
        byProduct.sort(Comparator.comparing((Item i) -> String.valueOf(i.productClass()))
                .thenComparing(i -> String.valueOf(i.productId())));
        List<Item> byClass = new ArrayList<>();
        for (TreatmentYears.Rates<String> r : TreatmentYears.<String>byGroup(exposures, events, from, to, classOf::get)
                .values()) {
            byClass.add(new Item(null, r.key(), r.patientsTreated(), r.treatmentYears(), r.events(), rates(r.rates())));
        }
        byClass.sort(Comparator.comparing((Item i) -> String.valueOf(i.productClass())));
        Map<String, Item> references = new java.util.HashMap<>();
        java.util.function.Function<UUID, @Nullable String> factorOf = productId -> {
            String cls = classOf.get(productId);
            return cls == null ? null : ProductClass.valueOf(cls).factor();
        };
        TreatmentYears.<String>byGroup(exposures, events, from, to, factorOf)
                .forEach((factor, r) -> references.put(factor, group(r)));
        TreatmentYears.<String>byGroup(exposures, events, from, to, productId -> ALL)
                .forEach((all, r) -> references.put(ALL, group(r)));
        return new Figures(byProduct, byClass, references);
    }

    private static Item group(TreatmentYears.Rates<String> r) {
        return new Item(null, r.key(), r.patientsTreated(), r.treatmentYears(), r.events(), rates(r.rates()));
    }

    private static Map<AdverseEventCategory, @Nullable Rate> rates(
            Map<AdverseEventCategory, @Nullable PoissonRate> in) {
        Map<AdverseEventCategory, @Nullable Rate> rates = new EnumMap<>(AdverseEventCategory.class);
        in.forEach((c, p) -> rates.put(c, p == null ? null : new Rate(p.per1000TreatmentYears(), p.ci95())));
        return rates;
    }
}
