package org.hemonet.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.centre.Region;
import org.hemonet.centre.RegionPopulations;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Value reports (issue 5): what the network's treatment costs, for commissioning. Quantities are what was
 * <strong>delivered</strong> (issued) to patients' homes — vials × units per vial of deliveries confirmed as delivered,
 * dated by the delivery confirmation in the network's time zone — the NHD/commissioning view; logged infusions are not used.
 * Cost = quantity × the product's current list price per IU (or per mg). Three views:
 *
 * <ul>
 *   <li>IU, mg and cost by product, centre (the delivering centre) or region (the patient's region of residence), per
 *       month or year;
 *   <li>per capita (clinical.md §7): IU of FVIII and of FIX issued in the year to patients resident in a region ÷ the
 *       region's resident population, by region and year;
 *   <li>per regimen: patients, cost and cost per patient per year by regimen, and the distribution of IU/kg/year for
 *       prophylaxis and on-demand to show their overlap (§7).
 * </ul>
 *
 * <p>Every figure passes {@link DisclosureControl} (clinical.md §8), each table as one {@link
 * DisclosureControl#dimension} or {@link DisclosureControl#table}: patient counts below network level rounded or
 * {@code *}, a hidden cell's quantities, costs and rates {@code *} with it, rates, means and medians built on fewer than
 * 8 patients {@code *}; a network count is exact only beside no hidden cell, and its sums only when no single hidden
 * cell's could be taken from them.
 *
 * <p>Who sees them (security.md §1: network analysts and commissioners see aggregates only): {@code NETWORK_ANALYST}
 * and {@code COMMISSIONER}. Everyone else is refused (403): patients; centre staff, whose centre-level costs are
 * commissioning data; administrators, who manage accounts and centres, not clinical activity.
 */
@Service
public class ValueReport {

    public static final Set<String> READERS = Set.of("NETWORK_ANALYST", "COMMISSIONER");
    static final int MAX_MONTHS = 120;
    static final String FVIII = "FVIII";
    static final String FIX = "FIX";

    public enum GroupBy {
        PRODUCT,
        CENTRE,
        REGION
    }

    public enum Grain {
        MONTH,
        YEAR
    }

    /** How a patient was treated in the period, from the plan that applied last in it. */
    public enum RegimenGroup {
        /** Prophylaxis with a FVIII or FIX concentrate. */
        PROPHYLAXIS_FACTOR,
        /** On-demand factor concentrate. */
        ON_DEMAND,
        /** Emicizumab, a non-factor prophylaxis. */
        NON_FACTOR,
        /** aPCC or rFVIIa, for patients with inhibitors. */
        BYPASSING,
        /** VWF or fibrinogen concentrate. */
        OTHER,
        /** Deliveries in the period but no treatment plan. */
        NO_PLAN
    }

    /** The months [from, to], both included. */
    public record Period(YearMonth from, YearMonth to) {

        /** Parses {@code YYYY-MM} bounds; a missing {@code to} is this month, a missing {@code from} 11 months back. */
        public static Period parse(@Nullable String from, @Nullable String to, YearMonth thisMonth) {
            YearMonth end = to == null || to.isBlank() ? thisMonth : month("to", to);
            YearMonth start = from == null || from.isBlank() ? end.minusMonths(11) : month("from", from);
            if (end.isBefore(start)) {
                throw new InvalidInputException("to", "The end month must not be before the start month.");
            }
            if (ChronoUnit.MONTHS.between(start, end) >= MAX_MONTHS) {
                throw new InvalidInputException("from", "A report covers at most " + MAX_MONTHS + " months.");
            }
            return new Period(start, end);
        }

        private static YearMonth month(String field, String text) {
            if (!text.matches("\\d{4}-\\d{2}")) {
                throw new InvalidInputException(field, "Give a month as YYYY-MM.");
            }
            try {
                return YearMonth.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(field, "Give a month as YYYY-MM.");
            }
        }

        public long months() {
            return ChronoUnit.MONTHS.between(from, to) + 1;
        }

        public LocalDate firstDay() {
            return from.atDay(1);
        }

        public LocalDate lastDay() {
            return to.atEndOfMonth();
        }
    }

    /** One bar of a chart: its label, the figure as shown, and its length in % of the longest (0 when suppressed). */
    public record Bar(String label, String shown, double percent) {}

    /**
     * One cell of the value table (figures as shown). {@code total} marks the network's row of a period.
     *
     * @param iu IU delivered (products dosed in IU)
     * @param mg mg delivered (products dosed in mg, such as emicizumab)
     * @param cost pounds, two decimals
     */
    public record ValueRow(
            String group, String period, boolean total, String patients, String iu, String mg, String cost) {}

    public record ValueTable(
            YearMonth from,
            YearMonth to,
            GroupBy groupBy,
            Grain grain,
            List<ValueRow> rows,
            ValueRow grandTotal,
            List<Bar> costChart,
            boolean anySuppressed) {}

    /**
     * One region's (or the network's) per-capita figure for one factor and year (clinical.md §7).
     *
     * @param populationYear the year of the population used: the report's year, else the latest earlier year the
     *     network holds ({@code ""} when none)
     * @param iuPerCapita IU ÷ population, three decimals
     */
    public record PerCapitaRow(
            String region,
            int year,
            String factor,
            boolean network,
            String patients,
            String iu,
            String population,
            String populationYear,
            String iuPerCapita) {}

    public record PerCapitaTable(
            YearMonth from,
            YearMonth to,
            List<PerCapitaRow> rows,
            List<Bar> fviiiChart,
            @Nullable Integer chartYear,
            boolean populationFromEarlierYear,
            boolean anySuppressed) {}

    /**
     * One regimen's figures; costs in pounds per patient per year (the period's cost annualised).
     *
     * @param iuPerKgDistribution patients by IU/kg/year band ({@link #IU_PER_KG_BANDS}); empty for regimens not dosed
     *     by factor IU
     */
    public record RegimenRow(
            @Nullable RegimenGroup regimen,
            boolean network,
            String patients,
            String totalCost,
            String meanCostPerYear,
            String medianCostPerYear,
            String patientsWithWeight,
            String medianIuPerKgYear,
            String meanIuPerKgYear,
            List<String> iuPerKgDistribution) {}

    public record RegimenTable(
            YearMonth from,
            YearMonth to,
            List<String> bands,
            List<RegimenRow> rows,
            RegimenRow network,
            List<Bar> meanCostChart,
            boolean anySuppressed) {}

    /** Lower bounds of the IU/kg/year bands of the prophylaxis/on-demand overlap (§7). */
    public static final List<Integer> IU_PER_KG_BANDS = List.of(0, 1000, 2000, 3000, 4000, 6000);

    /** The schemas whose rows these reports read (deliveries, plans, prices, patients' regions and weights, regions). */
    private static final Set<String> READS = Set.of("supply", "product", "patient", "centre");

    private final ReportQueries queries;
    private final CentreDirectory centres;
    private final RegionPopulations populations;
    private final ReportSnapshots snapshots;
    private final DisclosureControl disclosure = DisclosureControl.defaults();

    ValueReport(
            ReportQueries queries, CentreDirectory centres, RegionPopulations populations, ReportSnapshots snapshots) {
        this.queries = queries;
        this.centres = centres;
        this.populations = populations;
        this.snapshots = snapshots;
    }

    /** Refuses (403) everyone but the network's analysts and commissioners. */
    public void checkReader(Actor actor) {
        if (!READERS.contains(actor.role())) {
            throw new AccessDeniedException("Value reports are for the network and commissioners");
        }
    }

    // ---------------------------------------------------------------- IU and cost by product, centre, region

    /** Unsuppressed sums of one cell; package-private so tests can check the arithmetic before disclosure control. */
    static final class Sums {
        final Set<UUID> patients = new HashSet<>();
        long iu;
        long mg;
        BigDecimal cost = BigDecimal.ZERO;

        void add(UUID patient, ReportQueries.ProductPrice product, long quantity) {
            patients.add(patient);
            if ("MG".equals(product.unit())) {
                mg += quantity;
            } else {
                iu += quantity;
            }
            cost = cost.add(product.pricePerUnit().multiply(BigDecimal.valueOf(quantity)));
        }
    }

    /** Raw sums per period label and group label (groups in display order), before disclosure control. */
    Map<String, Map<String, Sums>> sums(Period period, GroupBy groupBy, Grain grain) {
        return sums(queries.delivered(period.from(), period.to()), productsById(), groupBy, grain);
    }

    private Map<String, Map<String, Sums>> sums(
            List<ReportQueries.DeliveredLine> delivered,
            Map<UUID, ReportQueries.ProductPrice> products,
            GroupBy groupBy,
            Grain grain) {
        Function<ReportQueries.DeliveredLine, String> group = grouping(groupBy, products);
        Map<String, Map<String, Sums>> result = new TreeMap<>();
        for (ReportQueries.DeliveredLine line : delivered) {
            ReportQueries.ProductPrice product = products.get(line.productId());
            if (product == null) {
                continue;
            }
            String when = grain == Grain.YEAR
                    ? Integer.toString(line.month().getYear())
                    : line.month().toString();
            result.computeIfAbsent(when, k -> new TreeMap<>())
                    .computeIfAbsent(group.apply(line), k -> new Sums())
                    .add(line.patientId(), product, line.quantity());
        }
        return result;
    }

    /**
     * The value table: periods (rows) by groups (columns), each period with the network's row and the whole with a
     * grand total, passed through {@link DisclosureControl#table} as one table: hidden cells show {@code *} in every
     * figure, a period's network count is exact only when none of its cells is hidden, and the cost chart of each group
     * over the whole period is drawn only for groups none of whose cells is hidden (a group's sum less its shown cells
     * would be its hidden one, clinical.md §8).
     */
    public ValueTable value(Period period, GroupBy groupBy, Grain grain) {
        return snapshots.get(
                "value", READS, List.of(period, groupBy, grain), () -> computeValue(period, groupBy, grain));
    }

    private ValueTable computeValue(Period period, GroupBy groupBy, Grain grain) {
        List<ReportQueries.DeliveredLine> delivered = queries.delivered(period.from(), period.to());
        Map<UUID, ReportQueries.ProductPrice> products = productsById();
        Map<String, Map<String, Sums>> sums = sums(delivered, products, groupBy, grain);
        Sums grand = new Sums();
        Map<String, Sums> byGroup = new TreeMap<>();
        Function<ReportQueries.DeliveredLine, String> group = grouping(groupBy, products);
        for (ReportQueries.DeliveredLine line : delivered) {
            ReportQueries.ProductPrice product = products.get(line.productId());
            if (product != null) {
                grand.add(line.patientId(), product, line.quantity());
                byGroup.computeIfAbsent(group.apply(line), k -> new Sums())
                        .add(line.patientId(), product, line.quantity());
            }
        }
        List<String> columns = new ArrayList<>(byGroup.keySet());
        List<List<Long>> counts = new ArrayList<>();
        List<Long> periodPatients = new ArrayList<>();
        for (Map<String, Sums> cells : sums.values()) {
            counts.add(columns.stream()
                    .map(c -> (long) cells.getOrDefault(c, new Sums()).patients.size())
                    .toList());
            Set<UUID> distinct = new HashSet<>();
            cells.values().forEach(c -> distinct.addAll(c.patients));
            periodPatients.add((long) distinct.size());
        }
        DisclosureControl.Table table = disclosure.table(counts, periodPatients, grand.patients.size());
        List<ValueRow> rows = new ArrayList<>();
        boolean anySuppressed = false;
        int r = 0;
        for (Map.Entry<String, Map<String, Sums>> when : sums.entrySet()) {
            DisclosureControl.Dimension shown = table.rows().get(r++);
            anySuppressed |= shown.anyHidden();
            Sums periodTotal = new Sums();
            for (Map.Entry<String, Sums> cell : when.getValue().entrySet()) {
                Sums sum = cell.getValue();
                periodTotal.patients.addAll(sum.patients);
                periodTotal.iu += sum.iu;
                periodTotal.mg += sum.mg;
                periodTotal.cost = periodTotal.cost.add(sum.cost);
                int column = columns.indexOf(cell.getKey());
                rows.add(cellRow(cell.getKey(), when.getKey(), sum, shown.hides(column)));
            }
            rows.add(totalRow(when.getKey(), periodTotal, shown.total(), shown.totalFiguresShown()));
        }
        List<String> chartShown = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            boolean show = table.columnFiguresShown().get(c);
            BigDecimal cost = byGroup.get(columns.get(c)).cost;
            chartShown.add(show ? money(cost) : DisclosureControl.SUPPRESSED);
            values.add(show ? cost.doubleValue() : null);
        }
        List<Bar> chart = bars(columns, chartShown, values);
        return new ValueTable(
                period.from(),
                period.to(),
                groupBy,
                grain,
                rows,
                totalRow("", grand, table.grandTotal(), table.grandFiguresShown()),
                chart,
                anySuppressed || table.columnFiguresShown().contains(false));
    }

    /** A network row: its count as the disclosure function gives it, its sums only when they cannot be taken apart. */
    private static ValueRow totalRow(String when, Sums sums, String patients, boolean figuresShown) {
        String star = DisclosureControl.SUPPRESSED;
        if (!figuresShown) {
            return new ValueRow("", when, true, patients, star, star, star);
        }
        return new ValueRow("", when, true, patients, Long.toString(sums.iu), Long.toString(sums.mg), money(sums.cost));
    }

    private ValueRow cellRow(String group, String when, Sums sums, boolean hide) {
        String star = DisclosureControl.SUPPRESSED;
        if (hide) {
            return new ValueRow(group, when, false, star, star, star, star);
        }
        return new ValueRow(
                group,
                when,
                false,
                disclosure.count(sums.patients.size()),
                Long.toString(sums.iu),
                Long.toString(sums.mg),
                money(sums.cost));
    }

    private Function<ReportQueries.DeliveredLine, String> grouping(
            GroupBy groupBy, Map<UUID, ReportQueries.ProductPrice> products) {
        return switch (groupBy) {
            case PRODUCT ->
                line -> {
                    ReportQueries.ProductPrice p = products.get(line.productId());
                    return p == null ? "" : p.brandName() + " (" + p.genericName() + ")";
                };
            case CENTRE -> {
                Map<UUID, String> names =
                        centres.centres().stream().collect(Collectors.toMap(Centre::id, Centre::name));
                yield line -> names.getOrDefault(line.centreId(), "—");
            }
            case REGION -> {
                Map<UUID, String> names = regionNames();
                yield line -> line.regionId() == null ? "—" : names.getOrDefault(line.regionId(), "—");
            }
        };
    }

    // ---------------------------------------------------------------- per capita (clinical.md §7)

    /**
     * IU per capita by region and year for FVIII and FIX, following clinical.md §7: "IU issued (delivered) in the year
     * to patients resident in the region ÷ the region's resident population". Residence is the patient's recorded
     * region; patients without one are left out of every region and of the network figure. The population is the
     * region's for that year, else the latest earlier year held (flagged). The network row divides the IU issued to
     * residents of all regions by the sum of the regions' populations. The years are those of the period (a period that
     * does not cover a whole year gives that year's figure for the months covered).
     */
    public PerCapitaTable perCapita(Period period) {
        return snapshots.get("per-capita", READS, List.of(period), () -> computePerCapita(period));
    }

    private PerCapitaTable computePerCapita(Period period) {
        Map<UUID, ReportQueries.ProductPrice> products = productsById();
        // year -> factor -> region -> (patients, IU)
        Map<Integer, Map<String, Map<UUID, Sums>>> sums = new TreeMap<>();
        for (ReportQueries.DeliveredLine line : queries.delivered(period.from(), period.to())) {
            ReportQueries.ProductPrice product = products.get(line.productId());
            String factor = product == null ? null : factorOf(product.productClass());
            if (factor == null || line.regionId() == null || !"IU".equals(product.unit())) {
                continue;
            }
            sums.computeIfAbsent(line.month().getYear(), k -> new TreeMap<>())
                    .computeIfAbsent(factor, k -> new TreeMap<>())
                    .computeIfAbsent(line.regionId(), k -> new Sums())
                    .add(line.patientId(), product, line.quantity());
        }
        List<Region> regions = centres.regions().stream()
                .sorted(Comparator.comparing(Region::name))
                .toList();
        List<RegionPopulations.Population> known = populations.all();
        List<PerCapitaRow> rows = new ArrayList<>();
        boolean earlier = false;
        boolean anySuppressed = false;
        List<Bar> chart = List.of();
        Integer chartYear = null;
        for (int year = period.from().getYear(); year <= period.to().getYear(); year++) {
            for (String factor : List.of(FVIII, FIX)) {
                if (!sums.containsKey(year)) {
                    continue; // nothing delivered in this year of the period: no rows of zeros
                }
                Map<UUID, Sums> byRegion = sums.getOrDefault(year, Map.of()).getOrDefault(factor, Map.of());
                Set<UUID> residents = new HashSet<>();
                byRegion.values().forEach(c -> residents.addAll(c.patients));
                DisclosureControl.Dimension shownRegions = disclosure.dimension(
                        regions.stream()
                                .map(r -> (long) byRegion.getOrDefault(r.id(), new Sums())
                                        .patients
                                        .size())
                                .toList(),
                        residents.size());
                anySuppressed |= shownRegions.anyHidden();
                Sums network = new Sums();
                long networkPopulation = 0;
                List<String> labels = new ArrayList<>();
                List<String> shown = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                for (int i = 0; i < regions.size(); i++) {
                    Region region = regions.get(i);
                    Sums cell = byRegion.getOrDefault(region.id(), new Sums());
                    network.patients.addAll(cell.patients);
                    network.iu += cell.iu;
                    Optional<RegionPopulations.Population> population = population(known, region.id(), year);
                    earlier |= population.isPresent() && population.get().year() != year;
                    networkPopulation += population
                            .map(RegionPopulations.Population::population)
                            .orElse(0L);
                    boolean hide = shownRegions.hides(i);
                    String rate = population
                            .map(p -> perCapita(cell.iu, p.population()))
                            .orElse("—");
                    PerCapitaRow row = new PerCapitaRow(
                            region.name(),
                            year,
                            factor,
                            false,
                            shownRegions.cells().get(i),
                            hide ? DisclosureControl.SUPPRESSED : Long.toString(cell.iu),
                            population.map(p -> Long.toString(p.population())).orElse("—"),
                            population.map(p -> Integer.toString(p.year())).orElse(""),
                            hide ? DisclosureControl.SUPPRESSED : rate);
                    rows.add(row);
                    labels.add(region.name());
                    shown.add(row.iuPerCapita());
                    values.add(
                            hide || population.isEmpty()
                                    ? null
                                    : cell.iu / (double) population.get().population());
                }
                // the network's count and IU as the disclosure function allows (§8)
                boolean leaks = !shownRegions.totalFiguresShown();
                rows.add(new PerCapitaRow(
                        "",
                        year,
                        factor,
                        true,
                        shownRegions.total(),
                        leaks ? DisclosureControl.SUPPRESSED : Long.toString(network.iu),
                        networkPopulation == 0 ? "—" : Long.toString(networkPopulation),
                        "",
                        networkPopulation == 0
                                ? "—"
                                : leaks ? DisclosureControl.SUPPRESSED : perCapita(network.iu, networkPopulation)));
                if (factor.equals(FVIII)) {
                    chart = bars(labels, shown, values);
                    chartYear = year;
                }
            }
        }
        return new PerCapitaTable(period.from(), period.to(), rows, chart, chartYear, earlier, anySuppressed);
    }

    private static Optional<RegionPopulations.Population> population(
            List<RegionPopulations.Population> known, UUID regionId, int year) {
        return known.stream()
                .filter(p -> p.regionId().equals(regionId) && p.year() <= year)
                .max(Comparator.comparingInt(RegionPopulations.Population::year));
    }

    static String perCapita(long iu, long population) {
        return BigDecimal.valueOf(iu)
                .divide(BigDecimal.valueOf(population), 3, RoundingMode.HALF_UP)
                .toPlainString();
    }

    // ---------------------------------------------------------------- per regimen

    /** One patient's delivered cost and factor IU in the period, and their regimen group and weight. */
    record PatientValue(
            UUID patientId, RegimenGroup group, BigDecimal cost, long factorIu, @Nullable BigDecimal weightKg) {}

    /** Every patient with a plan in the period or a delivery in it, before disclosure control. */
    List<PatientValue> patientValues(Period period) {
        Map<UUID, ReportQueries.ProductPrice> products = productsById();
        Map<UUID, ReportQueries.PlanInPeriod> plans = queries.plans(period.firstDay(), period.lastDay()).stream()
                .collect(Collectors.toMap(ReportQueries.PlanInPeriod::patientId, Function.identity()));
        Map<UUID, BigDecimal> cost = new HashMap<>();
        Map<UUID, Long> factorIu = new HashMap<>();
        for (ReportQueries.DeliveredLine line : queries.delivered(period.from(), period.to())) {
            ReportQueries.ProductPrice product = products.get(line.productId());
            if (product == null) {
                continue;
            }
            cost.merge(
                    line.patientId(),
                    product.pricePerUnit().multiply(BigDecimal.valueOf(line.quantity())),
                    BigDecimal::add);
            if (factorOf(product.productClass()) != null && "IU".equals(product.unit())) {
                factorIu.merge(line.patientId(), line.quantity(), Long::sum);
            }
        }
        Set<UUID> everyone = new HashSet<>(plans.keySet());
        everyone.addAll(cost.keySet());
        return everyone.stream()
                .map(id -> {
                    ReportQueries.PlanInPeriod plan = plans.get(id);
                    return new PatientValue(
                            id,
                            plan == null ? RegimenGroup.NO_PLAN : groupOf(plan),
                            cost.getOrDefault(id, BigDecimal.ZERO),
                            factorIu.getOrDefault(id, 0L),
                            plan == null ? null : plan.weightKg());
                })
                .toList();
    }

    static RegimenGroup groupOf(ReportQueries.PlanInPeriod plan) {
        String productClass = plan.productClass();
        if (productClass.equals("EMICIZUMAB")
                || productClass.equals("ANTI_TFPI")
                || productClass.equals("ANTITHROMBIN_LOWERING")) {
            return RegimenGroup.NON_FACTOR;
        }
        if (productClass.startsWith("BYPASSING")) {
            return RegimenGroup.BYPASSING;
        }
        if (factorOf(productClass) == null) {
            return RegimenGroup.OTHER;
        }
        return plan.regimen().equals("PROPHYLAXIS") ? RegimenGroup.PROPHYLAXIS_FACTOR : RegimenGroup.ON_DEMAND;
    }

    public RegimenTable regimens(Period period) {
        return snapshots.get("regimens", READS, List.of(period), () -> computeRegimens(period));
    }

    private RegimenTable computeRegimens(Period period) {
        List<PatientValue> values = patientValues(period);
        double years = period.months() / 12.0;
        Map<RegimenGroup, List<PatientValue>> byGroup = new LinkedHashMap<>();
        for (RegimenGroup g : RegimenGroup.values()) {
            byGroup.put(g, new ArrayList<>());
        }
        values.forEach(v -> byGroup.get(v.group()).add(v));
        List<RegimenGroup> present = byGroup.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
        DisclosureControl.Dimension shownGroups = disclosure.dimension(
                present.stream().map(g -> (long) byGroup.get(g).size()).toList());
        List<RegimenRow> rows = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        List<Double> chartValues = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            RegimenGroup g = present.get(i);
            RegimenRow row = regimenRow(g, byGroup.get(g), years, shownGroups.hides(i));
            rows.add(row);
            shown.add(row.meanCostPerYear());
            chartValues.add(
                    DisclosureControl.SUPPRESSED.equals(row.meanCostPerYear())
                            ? null
                            : Double.parseDouble(row.meanCostPerYear()));
        }
        List<Bar> chart = bars(present.stream().map(Enum::name).toList(), shown, chartValues);
        boolean anySuppressed = rows.stream()
                .anyMatch(r -> DisclosureControl.SUPPRESSED.equals(r.meanCostPerYear())
                        || DisclosureControl.SUPPRESSED.equals(r.patients()));
        return new RegimenTable(
                period.from(),
                period.to(),
                bandLabels(),
                rows,
                networkRow(values, years, shownGroups),
                chart,
                anySuppressed);
    }

    /**
     * The network's regimen row: its count as the disclosure function gives it; its total and median cost only when no
     * single hidden group's could be taken from them; its mean only when its count is shown, since total ÷ mean is the
     * count (§8).
     */
    private RegimenRow networkRow(List<PatientValue> patients, double years, DisclosureControl.Dimension groups) {
        long n = patients.size();
        String star = DisclosureControl.SUPPRESSED;
        List<Double> perYear = patients.stream()
                .map(p -> p.cost().doubleValue() / years)
                .sorted()
                .toList();
        BigDecimal total = patients.stream().map(PatientValue::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean figures = groups.totalFiguresShown();
        return new RegimenRow(
                null,
                true,
                groups.total(),
                figures ? money(total) : star,
                n == 0 ? "—" : groups.anyHidden() ? star : money(mean(perYear)),
                n == 0 ? "—" : figures ? disclosure.statistic(money(median(perYear)), n) : star,
                "",
                "",
                "",
                List.of());
    }

    private RegimenRow regimenRow(RegimenGroup group, List<PatientValue> patients, double years, boolean hide) {
        long n = patients.size();
        List<Double> perYear = patients.stream()
                .map(p -> p.cost().doubleValue() / years)
                .sorted()
                .toList();
        BigDecimal total = patients.stream().map(PatientValue::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean dosedInFactorIu = group == RegimenGroup.PROPHYLAXIS_FACTOR || group == RegimenGroup.ON_DEMAND;
        List<Double> iuPerKg = dosedInFactorIu
                ? patients.stream()
                        .filter(p -> p.weightKg() != null && p.weightKg().signum() > 0)
                        .map(p -> p.factorIu() / p.weightKg().doubleValue() / years)
                        .sorted()
                        .toList()
                : List.of();
        long weighed = iuPerKg.size();
        String star = DisclosureControl.SUPPRESSED;
        if (hide) {
            List<String> hidden =
                    dosedInFactorIu ? IU_PER_KG_BANDS.stream().map(b -> star).toList() : List.of();
            String perKg = dosedInFactorIu ? star : "—";
            return new RegimenRow(group, false, star, star, star, star, perKg, perKg, perKg, hidden);
        }
        String withWeight = "—";
        List<String> distribution = List.of();
        if (dosedInFactorIu) {
            // the patients with a weight by band of IU/kg/year: a dimension of its own, its total below national level
            List<Long> bands = new ArrayList<>();
            for (int b = 0; b < IU_PER_KG_BANDS.size(); b++) {
                int low = IU_PER_KG_BANDS.get(b);
                int high = b + 1 < IU_PER_KG_BANDS.size() ? IU_PER_KG_BANDS.get(b + 1) : Integer.MAX_VALUE;
                bands.add(iuPerKg.stream().filter(v -> v >= low && v < high).count());
            }
            DisclosureControl.Dimension shownBands = disclosure.subDimension(bands, weighed);
            withWeight = shownBands.total();
            distribution = shownBands.cells();
        }
        return new RegimenRow(
                group,
                false,
                disclosure.count(n),
                disclosure.statistic(money(total), n),
                disclosure.statistic(money(mean(perYear)), n),
                disclosure.statistic(money(median(perYear)), n),
                withWeight,
                dosedInFactorIu ? disclosure.statistic(whole(median(iuPerKg)), weighed) : "—",
                dosedInFactorIu ? disclosure.statistic(whole(mean(iuPerKg)), weighed) : "—",
                distribution);
    }

    static List<String> bandLabels() {
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < IU_PER_KG_BANDS.size(); b++) {
            labels.add(
                    b + 1 < IU_PER_KG_BANDS.size()
                            ? IU_PER_KG_BANDS.get(b) + "–" + (IU_PER_KG_BANDS.get(b + 1) - 1)
                            : "≥ " + IU_PER_KG_BANDS.get(b));
        }
        return labels;
    }

    // ---------------------------------------------------------------- helpers

    private static List<Bar> bars(List<String> labels, List<String> shown, List<Double> values) {
        double max = values.stream()
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Double v = values.get(i);
            double percent = v == null || max <= 0 ? 0 : Math.round(v / max * 1000) / 10.0;
            bars.add(new Bar(labels.get(i), shown.get(i), percent));
        }
        return bars;
    }

    static @Nullable String factorOf(String productClass) {
        if (productClass.startsWith("FVIII_")) {
            return FVIII;
        }
        if (productClass.startsWith("FIX_")) {
            return FIX;
        }
        return null;
    }

    private Map<UUID, ReportQueries.ProductPrice> productsById() {
        return queries.products().stream()
                .collect(Collectors.toMap(ReportQueries.ProductPrice::id, Function.identity()));
    }

    private Map<UUID, String> regionNames() {
        return centres.regions().stream().collect(Collectors.toMap(Region::id, Region::name));
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String money(double amount) {
        return money(BigDecimal.valueOf(amount));
    }

    private static String whole(double value) {
        return Long.toString(Math.round(value));
    }

    private static double mean(List<Double> sorted) {
        return sorted.isEmpty()
                ? 0
                : sorted.stream().mapToDouble(Double::doubleValue).sum() / sorted.size();
    }

    private static double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    /** A figure as shown with thousands separators ({@code *} and {@code —} unchanged), for pages. */
    public static String grouped(String figure) {
        if (!figure.matches("-?\\d+(\\.\\d+)?")) {
            return figure;
        }
        BigDecimal value = new BigDecimal(figure);
        DecimalFormat format = new DecimalFormat(
                figure.contains(".") ? "#,##0." + "0".repeat(value.scale()) : "#,##0",
                DecimalFormatSymbols.getInstance(Locale.UK));
        return format.format(value);
    }
}
