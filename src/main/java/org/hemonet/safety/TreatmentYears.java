package org.hemonet.safety;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Treatment-years and event counts per product or per product class (clinical.md §9, the EUHASS convention): a patient
 * treated with a product at least once in a calendar year contributes one treatment-year (TY) for that product in that
 * year; events count by onset year. For a class, the convention applies to the class: a patient treated with two
 * products of one class in a year is one TY of that class (and one patient treated), not two. Pure: the caller
 * supplies the (patient, product, year) exposures from the diary and the counted events (reported or closed only).
 */
public final class TreatmentYears {

    private TreatmentYears() {}

    /** A patient treated with a product at least once in a calendar year. */
    public record Exposure(UUID patientId, UUID productId, int year) {}

    /** A counted event (reported or closed), by onset year. */
    public record Event(@Nullable UUID productId, AdverseEventCategory category, int year) {}

    /** One group's figures (a product, or a class) over the period: a rate for every category, zero events included. */
    public record Rates<K>(
            K key,
            long patientsTreated,
            long treatmentYears,
            Map<AdverseEventCategory, Long> events,
            Map<AdverseEventCategory, @Nullable PoissonRate> rates) {}

    /** One product's figures over the period. */
    public record ProductRates(
            UUID productId,
            long patientsTreated,
            long treatmentYears,
            Map<AdverseEventCategory, Long> events,
            Map<AdverseEventCategory, @Nullable PoissonRate> rates) {}

    /** The figures of every product with an exposure or an event in [fromYear, toYear]. */
    public static Map<UUID, ProductRates> byProduct(
            List<Exposure> exposures, List<Event> events, int fromYear, int toYear) {
        Map<UUID, ProductRates> result = new HashMap<>();
        byGroup(exposures, events, fromYear, toYear, p -> p)
                .forEach((product, r) -> result.put(
                        product,
                        new ProductRates(product, r.patientsTreated(), r.treatmentYears(), r.events(), r.rates())));
        return result;
    }

    /**
     * The figures of every group with an exposure or an event in [fromYear, toYear], a product's group given by {@code
     * groupOf} (null: the product belongs to no group and is left out). A patient counts one TY per group and year,
     * however many of the group's products they were treated with that year.
     */
    public static <K> Map<K, Rates<K>> byGroup(
            List<Exposure> exposures,
            List<Event> events,
            int fromYear,
            int toYear,
            Function<UUID, @Nullable K> groupOf) {
        record PatientYear(UUID patientId, int year) {}
        Map<K, Set<PatientYear>> years = new HashMap<>();
        Map<K, Set<UUID>> patients = new HashMap<>();
        for (Exposure e : exposures) {
            K group = groupOf.apply(e.productId());
            if (group != null && e.year() >= fromYear && e.year() <= toYear) {
                years.computeIfAbsent(group, k -> new HashSet<>()).add(new PatientYear(e.patientId(), e.year()));
                patients.computeIfAbsent(group, k -> new HashSet<>()).add(e.patientId());
            }
        }
        Map<K, Map<AdverseEventCategory, Long>> counts = new HashMap<>();
        for (Event e : events) {
            K group = e.productId() == null ? null : groupOf.apply(e.productId());
            if (group != null && e.year() >= fromYear && e.year() <= toYear) {
                counts.computeIfAbsent(group, k -> new EnumMap<>(AdverseEventCategory.class))
                        .merge(e.category(), 1L, Long::sum);
            }
        }
        Set<K> groups = new HashSet<>(years.keySet());
        groups.addAll(counts.keySet());
        Map<K, Rates<K>> result = new HashMap<>();
        for (K group : groups) {
            long ty = years.getOrDefault(group, Set.of()).size();
            Map<AdverseEventCategory, Long> n = new EnumMap<>(AdverseEventCategory.class);
            Map<AdverseEventCategory, @Nullable PoissonRate> rates = new EnumMap<>(AdverseEventCategory.class);
            for (AdverseEventCategory c : AdverseEventCategory.values()) {
                long k = counts.getOrDefault(group, Map.of()).getOrDefault(c, 0L);
                n.put(c, k);
                rates.put(c, ty == 0 ? null : PoissonRate.of(k, ty));
            }
            result.put(
                    group,
                    new Rates<>(group, patients.getOrDefault(group, Set.of()).size(), ty, n, rates));
        }
        return result;
    }
}
