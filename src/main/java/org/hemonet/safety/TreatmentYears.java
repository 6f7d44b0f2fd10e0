package org.hemonet.safety;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Treatment-years and event counts per product (clinical.md §9, the EUHASS convention): a patient treated with a product
 * at least once in a calendar year contributes one treatment-year (TY) for that product in that year; events count by
 * onset year. Pure: the caller supplies the (patient, product, year) exposures from the diary and the counted events
 * (reported or closed only).
 */
public final class TreatmentYears {

    private TreatmentYears() {}

    /** A patient treated with a product at least once in a calendar year. */
    public record Exposure(UUID patientId, UUID productId, int year) {}

    /** A counted event (reported or closed), by onset year. */
    public record Event(@Nullable UUID productId, AdverseEventCategory category, int year) {}

    /** One product's figures over the period: a rate for every category, zero events included. */
    public record ProductRates(
            UUID productId,
            long patientsTreated,
            long treatmentYears,
            Map<AdverseEventCategory, Long> events,
            Map<AdverseEventCategory, @Nullable PoissonRate> rates) {}

    /** The figures of every product with an exposure or an event in [fromYear, toYear]. */
    public static Map<UUID, ProductRates> byProduct(
            List<Exposure> exposures, List<Event> events, int fromYear, int toYear) {
        Map<UUID, Set<Exposure>> years = new HashMap<>();
        Map<UUID, Set<UUID>> patients = new HashMap<>();
        for (Exposure e : exposures) {
            if (e.year() >= fromYear && e.year() <= toYear) {
                years.computeIfAbsent(e.productId(), k -> new HashSet<>()).add(e);
                patients.computeIfAbsent(e.productId(), k -> new HashSet<>()).add(e.patientId());
            }
        }
        Map<UUID, Map<AdverseEventCategory, Long>> counts = new HashMap<>();
        for (Event e : events) {
            if (e.productId() != null && e.year() >= fromYear && e.year() <= toYear) {
                counts.computeIfAbsent(e.productId(), k -> new EnumMap<>(AdverseEventCategory.class))
                        .merge(e.category(), 1L, Long::sum);
            }
        }
        Set<UUID> products = new HashSet<>(years.keySet());
        products.addAll(counts.keySet());
        Map<UUID, ProductRates> result = new HashMap<>();
        for (UUID product : products) {
            long ty = years.getOrDefault(product, Set.of()).size();
            Map<AdverseEventCategory, Long> n = new EnumMap<>(AdverseEventCategory.class);
            Map<AdverseEventCategory, @Nullable PoissonRate> rates = new EnumMap<>(AdverseEventCategory.class);
            for (AdverseEventCategory c : AdverseEventCategory.values()) {
                long k = counts.getOrDefault(product, Map.of()).getOrDefault(c, 0L);
                n.put(c, k);
                rates.put(c, ty == 0 ? null : PoissonRate.of(k, ty));
            }
            result.put(
                    product,
                    new ProductRates(
                            product, patients.getOrDefault(product, Set.of()).size(), ty, n, rates));
        }
        return result;
    }
}
