package org.hemonet.safety;

import java.time.ZoneId;
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
import org.hemonet.safety.internal.SafetyQueries;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Rates per 1000 treatment-years by product (issue 13, clinical.md §9), for the API and the safety rates page: per
 * product, patients treated, treatment-years, events by category and a rate with the exact Poisson 95 % interval for
 * every category. Only reported and closed events count (drafts and voided reports never do). Aggregates only: no
 * patient, no narrative. Staff roles only (patients and delivery providers get 403). Years are cut in the network's
 * time zone (Europe/London).
 */
@Service
public class SafetyRates {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final BleedDiary diary;
    private final SafetyQueries queries;
    private final ProductCatalogue products;

    SafetyRates(BleedDiary diary, SafetyQueries queries, ProductCatalogue products) {
        this.diary = diary;
        this.queries = queries;
        this.products = products;
    }

    public record Rate(double per1000TreatmentYears, double[] ci95) {}

    public record Item(
            UUID productId,
            @Nullable String productClass,
            long patientsTreated,
            long treatmentYears,
            Map<AdverseEventCategory, Long> events,
            Map<AdverseEventCategory, @Nullable Rate> rates) {}

    /** May the actor see the network's rates (every staff role; not patients or delivery providers)? */
    public boolean maySee(Actor actor) {
        return !Role.PATIENT.name().equals(actor.role())
                && !Role.DELIVERY_PROVIDER.name().equals(actor.role());
    }

    /** Calendar years {@code from}…{@code to}, both included; one item per product with exposures or events. */
    public List<Item> byProduct(Actor actor, int from, int to) {
        if (!maySee(actor)) {
            throw new AccessDeniedException("network safety figures are for staff");
        }
        if (to < from) {
            throw new InvalidInputException("to", "The last year is before the first.");
        }
        if (from < 1900 || to - from > 50) {
            throw new InvalidInputException("from", "At most 50 calendar years from 1900.");
        }
        List<TreatmentYears.Exposure> exposures = diary.productYears(from, to, ZONE).stream()
                .map(p -> new TreatmentYears.Exposure(p.patientId(), p.productId(), p.year()))
                .toList();
        List<TreatmentYears.Event> events = queries.countedEvents(from, to).stream()
                .map(e -> new TreatmentYears.Event(e.productId(), e.category(), e.year()))
                .toList();
        List<Item> items = new ArrayList<>();
        for (TreatmentYears.ProductRates r :
                TreatmentYears.byProduct(exposures, events, from, to).values()) {
            Map<AdverseEventCategory, @Nullable Rate> rates = new EnumMap<>(AdverseEventCategory.class);
            r.rates().forEach((c, p) -> rates.put(c, p == null ? null : new Rate(p.per1000TreatmentYears(), p.ci95())));
            String productClass = products.find(r.productId())
                    .map(Product::productClass)
                    .map(Enum::name)
                    .orElse(null);
            items.add(
                    new Item(r.productId(), productClass, r.patientsTreated(), r.treatmentYears(), r.events(), rates));
        }
        items.sort(Comparator.comparing((Item i) -> String.valueOf(i.productClass()))
                .thenComparing(Item::productId));
        return items;
    }
}
