package org.hemonet.genetherapy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hemonet.diary.BleedDiary;
import org.hemonet.genetherapy.internal.GeneTherapyQueries;
import org.hemonet.identity.Role;
import org.hemonet.outcome.OutcomeEngine;
import org.hemonet.outcome.OutcomeReport;
import org.hemonet.outcome.PatientOutcomes;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.report.DisclosureControl;
import org.hemonet.shared.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcomes before and after gene therapy across the network (issue 21), for network analysts and commissioners, under
 * disclosure control (clinical.md §8, {@link DisclosureControl}): per gene therapy product, the patients at least one
 * year after their infusion whose diary covers some of both years, with the median ABR and factor use (IU/kg/year) of
 * the year before and the year after, and the share without any bleed in the year after. Counts of 1–7 show as
 * {@code *}, others rounded to 5, with secondary suppression across products; medians and shares on fewer than 8
 * patients, or of a hidden cell, show as {@code *}. Each patient's figures come from the outcome module's engine
 * exactly as on the patient's page.
 */
@Service
@Transactional(readOnly = true)
public class GeneTherapyNetworkReport {

    private final GeneTherapyQueries queries;
    private final PatientRegistry patients;
    private final ProductCatalogue catalogue;
    private final BleedDiary diary;
    private final Clock clock;

    GeneTherapyNetworkReport(
            GeneTherapyQueries queries,
            PatientRegistry patients,
            ProductCatalogue catalogue,
            BleedDiary diary,
            Clock clock) {
        this.queries = queries;
        this.patients = patients;
        this.catalogue = catalogue;
        this.diary = diary;
        this.clock = clock;
    }

    /** One row as published: every figure a string, {@code *} where suppressed. */
    public record Row(
            @Nullable UUID productId,
            String product,
            String patients,
            String abrBefore,
            String abrAfter,
            String factorUseBefore,
            String factorUseAfter,
            String withoutBleedsAfter) {}

    public record Report(List<Row> products, Row network) {}

    /** A patient's two years. */
    record Pair(UUID productId, OutcomeReport before, OutcomeReport after) {}

    public Report report(Actor actor) {
        if (!Role.of(actor.role()).isAggregateOnly()) {
            throw new AccessDeniedException("network reports are for network analysts and commissioners");
        }
        List<Product> products = catalogue.products().stream()
                .filter(p -> p.productClass().isGeneTherapy())
                .sorted(Comparator.comparing(Product::brandName))
                .toList();
        List<Pair> pairs = pairs();
        DisclosureControl control = DisclosureControl.defaults();
        List<List<Pair>> byProduct = products.stream()
                .map(p ->
                        pairs.stream().filter(x -> x.productId().equals(p.id())).toList())
                .toList();
        DisclosureControl.Dimension dimension =
                control.dimension(byProduct.stream().map(l -> (long) l.size()).toList());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            rows.add(row(
                    products.get(i).id(),
                    products.get(i).brandName(),
                    dimension.cells().get(i),
                    byProduct.get(i),
                    !dimension.hides(i),
                    control));
        }
        Row network = row(null, "", dimension.total(), pairs, dimension.totalFiguresShown(), control);
        return new Report(rows, network);
    }

    private static Row row(
            @Nullable UUID productId,
            String name,
            String count,
            List<Pair> pairs,
            boolean figuresShown,
            DisclosureControl control) {
        long n = pairs.size();
        java.util.function.Function<String, String> shown =
                s -> figuresShown && n > 0 ? control.statistic(s, n) : n == 0 ? "—" : DisclosureControl.SUPPRESSED;
        long withoutBleeds = pairs.stream()
                .filter(p -> Objects.equals(p.after().bleedEpisodes().total(), 0))
                .count();
        return new Row(
                productId,
                name,
                count,
                shown.apply(median(pairs.stream().map(p -> p.before().abr()).toList())),
                shown.apply(median(pairs.stream().map(p -> p.after().abr()).toList())),
                shown.apply(median(pairs.stream()
                        .map(p -> p.before().factorUseIuPerKgPerYear())
                        .toList())),
                shown.apply(median(pairs.stream()
                        .map(p -> p.after().factorUseIuPerKgPerYear())
                        .toList())),
                shown.apply(
                        n == 0
                                ? ""
                                : BigDecimal.valueOf(withoutBleeds * 100)
                                                .divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_UP)
                                        + " %"));
    }

    /** Every valid gene therapy at least a year old with diary time in both years, and its two years' outcomes. */
    private List<Pair> pairs() {
        Map<UUID, PatientSummary> summaries = new HashMap<>();
        patients.allForAggregates().forEach(p -> summaries.put(p.id(), p));
        List<GeneTherapy> therapies = queries.activeOf(summaries.keySet());
        if (therapies.isEmpty()) {
            return List.of();
        }
        LocalDate earliest = therapies.stream()
                .map(GeneTherapy::infusedOn)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant since = earliest.minusYears(1)
                .minusDays(8)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
        Map<UUID, BleedDiary.DiaryFacts> facts =
                diary.factsOf(therapies.stream().map(GeneTherapy::patientId).toList(), since);
        List<Pair> pairs = new ArrayList<>();
        for (GeneTherapy t : therapies) {
            PatientSummary patient = summaries.get(t.patientId());
            LocalDate today = LocalDate.now(clock.withZone(patient.timeZone()));
            LocalDate infused = t.infusedOn();
            BleedDiary.DiaryFacts f = facts.get(t.patientId());
            if (infused.plusYears(1).isAfter(today) || f == null) {
                continue;
            }
            OutcomeReport before = outcomes(patient, f, infused.minusYears(1), infused.minusDays(1), today);
            OutcomeReport after =
                    outcomes(patient, f, infused, infused.plusYears(1).minusDays(1), today);
            if (before.abr() != null && after.abr() != null) {
                pairs.add(new Pair(t.productId(), before, after));
            }
        }
        return pairs;
    }

    private static OutcomeReport outcomes(
            PatientSummary patient, BleedDiary.DiaryFacts f, LocalDate from, LocalDate to, LocalDate today) {
        return OutcomeEngine.compute(new OutcomeEngine.Input(
                patient.timeZone(),
                from,
                to,
                today,
                null,
                f.bleeds(),
                f.infusions(),
                List.of(),
                List.of(),
                PatientOutcomes.weightsOf(patient)));
    }

    /** The median to 2 decimals, or an empty string when there is nothing (nulls left out). */
    static String median(List<@Nullable BigDecimal> values) {
        List<BigDecimal> sorted =
                values.stream().filter(Objects::nonNull).sorted().toList();
        if (sorted.isEmpty()) {
            return "";
        }
        int n = sorted.size();
        BigDecimal median = n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        return median.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
