package org.hemonet.interchange.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hemonet.audit.AuditAction;
import org.hemonet.audit.AuditEvent;
import org.hemonet.audit.AuditLog;
import org.hemonet.audit.AuditOutcome;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.centre.NetworkSettings;
import org.hemonet.centre.RegionPopulations;
import org.hemonet.identity.Role;
import org.hemonet.interchange.internal.ReturnFacts.PatientYear;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.InhibitorStatus;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.Severity;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.report.DisclosureControl;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The national annual return (issue 15; UK National Haemophilia Database style, docs/returns.md): per centre and
 * calendar year, patients registered by diagnosis and severity, inhibitor status and age band; patients treated;
 * product use (IU or mg) by product and diagnosis; bleed episodes; annual reviews completed; deaths reported. A long
 * CSV, one figure a line: {@value #HEADER}.
 *
 * <p><b>Who gets which file (security.md §1, §6; clinical.md §8).</b> Centre staff get their own centres' return, every
 * figure exact: it is the centre's return to the national body, made by its team, who see these patients anyway.
 * Network analysts and commissioners get the national figures only, exact (clinical.md §8 suppresses below national
 * level): the per-centre rows under {@link DisclosureControl#byCentre}, table by table, were found recoverable across
 * the return's linked tables (the same patients by severity, inhibitor status and age band; ReturnDifferencingTest),
 * so they are not published to network roles until suppression is planned across the tables together ({@link
 * #published} is that per-table step, kept for the differencing test that shows the gap). Per-centre comparison stays
 * on the centres-compared report, which is disclosure-controlled and attacked as a whole. Patients, couriers and administrators get 403; a centre the actor
 * may not return for is 404, as an unknown one. Every download is audited as one {@code EXPORT} of
 * {@value #RESOURCE} (refusals as {@code DENIED}).
 */
@Service
public class NationalAnnualReturn {

    static final String RESOURCE = "NationalAnnualReturn";
    static final String HEADER =
            "year,centre_code,centre,table,diagnosis,category,product_id,product,product_class,unit,value";
    static final String NATIONAL = "NATIONAL";
    static final String TOTAL = "TOTAL";
    static final String NOT_CLASSIFIED = "NOT_CLASSIFIED";
    static final List<String> AGE_BANDS = List.of("0-4", "5-11", "12-17", "18-39", "40-59", "60+");

    private final PatientRegistry patients;
    private final CentreDirectory centres;
    private final ProductCatalogue catalogue;
    private final ReturnFacts facts;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ZoneId networkZone;

    NationalAnnualReturn(
            PatientRegistry patients,
            CentreDirectory centres,
            ProductCatalogue catalogue,
            ReturnFacts facts,
            AuditLog auditLog,
            Clock clock,
            NetworkSettings network) {
        this.patients = patients;
        this.centres = centres;
        this.catalogue = catalogue;
        this.facts = facts;
        this.auditLog = auditLog;
        this.clock = clock;
        this.networkZone = network.timeZone();
    }

    /** The file as sent, and whether its figures passed disclosure control. */
    public record Return(int year, String csv, boolean disclosureControlled) {}

    /** One published figure. {@code product} is set on the product tables only. */
    record Figure(
            String centreCode,
            String centreName,
            String table,
            String diagnosis,
            String category,
            @Nullable Product product,
            String value) {}

    /** May the actor download national annual returns at all (centre staff and network roles)? */
    public static boolean mayReturn(Actor actor) {
        Role role = Role.of(actor.role());
        return role.isCentreStaff() || role.isAggregateOnly();
    }

    /** The return of {@code year} for one centre, or for every centre the actor may return for ({@code centreId} null). */
    public Return of(Actor actor, @Nullable Integer year, @Nullable UUID centreId) {
        String resourceId = "year=" + year + ";centre=" + (centreId == null ? "all" : centreId);
        if (!mayReturn(actor)) {
            auditLog.record(AuditEvent.by(actor, AuditAction.EXPORT, null, RESOURCE, resourceId, AuditOutcome.DENIED));
            throw new AccessDeniedException("national annual returns are for centre staff and network analysts");
        }
        int y = requireYear(year, LocalDate.now(clock.withZone(networkZone)));
        boolean network = Role.of(actor.role()).isAggregateOnly();
        List<Centre> rows = centres.centres().stream()
                .filter(c -> network || actor.centreIds().contains(c.id()))
                .sorted(Comparator.comparing(Centre::name))
                .toList();
        if (centreId != null && rows.stream().noneMatch(c -> c.id().equals(centreId))) {
            auditLog.record(AuditEvent.by(actor, AuditAction.EXPORT, null, RESOURCE, resourceId, AuditOutcome.DENIED));
            throw new NotFoundException("centre");
        }
        Set<UUID> rowIds = rows.stream().map(Centre::id).collect(Collectors.toSet());
        LocalDate yearEnd = LocalDate.of(y, 12, 31);
        List<PatientSummary> registered = patients.allForAggregates().stream()
                .filter(p -> rowIds.contains(p.centreId()))
                .filter(p -> !p.dateOfBirth().isAfter(yearEnd))
                .toList();
        List<PatientYear> years = facts.of(y, registered);
        Set<UUID> shown = centreId == null ? rowIds : Set.of(centreId);
        List<Figure> figures = new Tables(y, rows, shown, network, years).build();
        auditLog.record(AuditEvent.by(actor, AuditAction.EXPORT, null, RESOURCE, resourceId, AuditOutcome.SUCCESS));
        return new Return(y, csv(y, figures), network);
    }

    /** The year asked for: required, from 1900 to this year in the network's time zone (400 naming {@code year}). */
    static int requireYear(@Nullable Integer year, LocalDate today) {
        if (year == null) {
            throw new InvalidInputException(
                    "year", "Give the calendar year of the return, such as " + (today.getYear() - 1) + ".");
        }
        if (year < 1900 || year > today.getYear()) {
            throw new InvalidInputException(
                    "year", "The year must be a calendar year from 1900 to " + today.getYear() + ".");
        }
        return year;
    }

    static String ageBand(PatientSummary p, int year) {
        int age = Math.max(0, p.ageOn(LocalDate.of(year, 12, 31)));
        if (age <= 4) {
            return "0-4";
        }
        if (age <= 11) {
            return "5-11";
        }
        if (age <= 17) {
            return "12-17";
        }
        if (age <= 39) {
            return "18-39";
        }
        return age <= 59 ? "40-59" : "60+";
    }

    static String severity(PatientSummary p) {
        return p.severity() == null ? NOT_CLASSIFIED : p.severity().name();
    }

    /** The tables of one return: each a count table by centre, with the figure tables its counts protect. */
    private final class Tables {

        private final int year;
        private final List<Centre> rows;
        private final Set<UUID> shown;
        private final boolean network;
        private final List<PatientYear> years;
        private final List<Figure> out = new ArrayList<>();

        Tables(int year, List<Centre> rows, Set<UUID> shown, boolean network, List<PatientYear> years) {
            this.year = year;
            this.rows = rows;
            this.shown = shown;
            this.network = network;
            this.years = years;
        }

        List<Figure> build() {
            List<String> severities = new ArrayList<>();
            for (Severity s : Severity.values()) {
                severities.add(s.name());
            }
            severities.add(NOT_CLASSIFIED);
            List<String> inhibitors = java.util.Arrays.stream(InhibitorStatus.values())
                    .map(Enum::name)
                    .toList();
            Map<UUID, Product> products =
                    catalogue.products().stream().collect(Collectors.toMap(Product::id, Function.identity()));
            Function<PatientYear, Collection<String>> bySeverity = py -> List.of(severity(py.patient()));
            for (DiagnosisType dx : DiagnosisType.values()) {
                List<PatientYear> ofDx = years.stream()
                        .filter(py -> py.patient().diagnosis() == dx)
                        .toList();
                if (ofDx.isEmpty()) {
                    continue;
                }
                counts(ofDx, dx, "registered_by_severity", severities, bySeverity, py -> true, List.of(), null);
                counts(
                        ofDx,
                        dx,
                        "registered_by_inhibitor",
                        inhibitors,
                        py -> List.of(py.inhibitors().status().name()),
                        py -> true,
                        List.of(),
                        null);
                counts(
                        ofDx,
                        dx,
                        "registered_by_age_band",
                        AGE_BANDS,
                        py -> List.of(ageBand(py.patient(), year)),
                        py -> true,
                        List.of(),
                        null);
                counts(ofDx, dx, "treated_by_severity", severities, bySeverity, PatientYear::treated, List.of(), null);
                counts(
                        ofDx,
                        dx,
                        "observed_by_severity",
                        severities,
                        bySeverity,
                        PatientYear::observed,
                        List.of(
                                new FigureTable(
                                        "bleeds_by_severity", (py, c) -> BigDecimal.valueOf(py.episodes()), true),
                                new FigureTable(
                                        "joint_bleeds_by_severity",
                                        (py, c) -> BigDecimal.valueOf(py.jointEpisodes()),
                                        true)),
                        null);
                List<String> used = ofDx.stream()
                        .flatMap(py -> py.unitsByProduct().keySet().stream())
                        .filter(products::containsKey)
                        .distinct()
                        .sorted(Comparator.comparing((UUID id) ->
                                        products.get(id).productClass().name())
                                .thenComparing(id -> products.get(id).brandName())
                                .thenComparing(UUID::toString))
                        .map(UUID::toString)
                        .toList();
                counts(
                        ofDx,
                        dx,
                        "treated_by_product",
                        used,
                        py -> py.unitsByProduct().keySet().stream()
                                .map(UUID::toString)
                                .toList(),
                        PatientYear::treated,
                        List.of(new FigureTable(
                                "units_by_product",
                                (py, c) -> py.unitsByProduct().getOrDefault(UUID.fromString(c), BigDecimal.ZERO),
                                false)),
                        products);
                counts(
                        ofDx,
                        dx,
                        "reviewed_by_severity",
                        severities,
                        bySeverity,
                        PatientYear::reviewed,
                        List.of(),
                        null);
                counts(ofDx, dx, "deaths_by_severity", severities, bySeverity, PatientYear::died, List.of(), null);
            }
            return out;
        }

        /** A figure summed over a cell's patients: {@code value(patient, category)}. */
        record FigureTable(
                String name, java.util.function.BiFunction<PatientYear, String, BigDecimal> value, boolean totals) {}

        /**
         * One count table of patients of {@code dx} accepted by {@code counted}, by centre and category (a patient may
         * fall in several categories: products), with each centre's total of distinct patients, and the figure tables
         * whose cells its counts protect.
         */
        private void counts(
                List<PatientYear> ofDx,
                DiagnosisType dx,
                String table,
                List<String> categories,
                Function<PatientYear, Collection<String>> categoriesOf,
                Predicate<PatientYear> counted,
                List<FigureTable> figureTables,
                @Nullable Map<UUID, Product> products) {
            int n = categories.size();
            List<List<Long>> counts = new ArrayList<>();
            List<Long> totals = new ArrayList<>();
            List<List<BigDecimal>> sums = new ArrayList<>(); // per figure table, flattened [row * n + c]
            for (int f = 0; f < figureTables.size(); f++) {
                sums.add(new ArrayList<>());
            }
            for (Centre centre : rows) {
                long[] cells = new long[n];
                long total = 0;
                BigDecimal[][] figureCells = new BigDecimal[figureTables.size()][n];
                for (BigDecimal[] fc : figureCells) {
                    java.util.Arrays.fill(fc, BigDecimal.ZERO);
                }
                for (PatientYear py : ofDx) {
                    if (!py.patient().centreId().equals(centre.id()) || !counted.test(py)) {
                        continue;
                    }
                    Set<String> in = new HashSet<>(categoriesOf.apply(py));
                    boolean any = false;
                    for (int c = 0; c < n; c++) {
                        if (in.contains(categories.get(c))) {
                            cells[c]++;
                            any = true;
                            for (int f = 0; f < figureTables.size(); f++) {
                                figureCells[f][c] = figureCells[f][c].add(
                                        figureTables.get(f).value().apply(py, categories.get(c)));
                            }
                        }
                    }
                    if (any) {
                        total++;
                    }
                }
                counts.add(java.util.Arrays.stream(cells).boxed().toList());
                totals.add(total);
                for (int f = 0; f < figureTables.size(); f++) {
                    sums.get(f).addAll(List.of(figureCells[f]));
                }
            }
            String dxName = dx.name();
            if (network) {
                national(table, dxName, categories, products, counts, totals, sums, figureTables);
                return;
            }
            // centre staff: their own centres only, exact, no national figures
            for (int r = 0; r < rows.size(); r++) {
                Centre centre = rows.get(r);
                if (!shown.contains(centre.id())) {
                    continue;
                }
                for (int c = 0; c < n; c++) {
                    add(
                            centre.code(),
                            centre.name(),
                            table,
                            dxName,
                            categories.get(c),
                            products,
                            Long.toString(counts.get(r).get(c)));
                }
                add(centre.code(), centre.name(), table, dxName, TOTAL, null, Long.toString(totals.get(r)));
                for (int f = 0; f < figureTables.size(); f++) {
                    FigureTable ft = figureTables.get(f);
                    BigDecimal rowSum = BigDecimal.ZERO;
                    for (int c = 0; c < n; c++) {
                        BigDecimal v = sums.get(f).get(r * n + c);
                        rowSum = rowSum.add(v);
                        add(
                                centre.code(),
                                centre.name(),
                                ft.name(),
                                dxName,
                                categories.get(c),
                                products,
                                WbdrReturn.plain(v));
                    }
                    if (ft.totals()) {
                        add(centre.code(), centre.name(), ft.name(), dxName, TOTAL, null, WbdrReturn.plain(rowSum));
                    }
                }
            }
        }

        /** The network file's rows of one table: the national figures, exact, summed over every centre. */
        private void national(
                String table,
                String dxName,
                List<String> categories,
                @Nullable Map<UUID, Product> products,
                List<List<Long>> counts,
                List<Long> totals,
                List<List<BigDecimal>> sums,
                List<FigureTable> figureTables) {
            int n = categories.size();
            for (int c = 0; c < n; c++) {
                long sum = 0;
                for (List<Long> row : counts) {
                    sum += row.get(c);
                }
                add(NATIONAL, "", table, dxName, categories.get(c), products, Long.toString(sum));
            }
            add(
                    NATIONAL,
                    "",
                    table,
                    dxName,
                    TOTAL,
                    null,
                    Long.toString(totals.stream().mapToLong(Long::longValue).sum()));
            for (int f = 0; f < figureTables.size(); f++) {
                FigureTable ft = figureTables.get(f);
                BigDecimal grandSum = BigDecimal.ZERO;
                for (int c = 0; c < n; c++) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (int r = 0; r < counts.size(); r++) {
                        sum = sum.add(sums.get(f).get(r * n + c));
                    }
                    grandSum = grandSum.add(sum);
                    add(NATIONAL, "", ft.name(), dxName, categories.get(c), products, WbdrReturn.plain(sum));
                }
                if (ft.totals()) {
                    add(NATIONAL, "", ft.name(), dxName, TOTAL, null, WbdrReturn.plain(grandSum));
                }
            }
        }

        private void add(
                String code,
                String name,
                String table,
                String dx,
                String category,
                @Nullable Map<UUID, Product> products,
                String value) {
            Product product =
                    products == null || TOTAL.equals(category) ? null : products.get(UUID.fromString(category));
            out.add(new Figure(code, name, table, dx, product == null ? category : "PRODUCT", product, value));
        }
    }

    /**
     * One count table of the network file as published (clinical.md §8): each centre's cells and total, each
     * category's national figure and the national total, through {@link DisclosureControl#byCentre}.
     *
     * @param cells by centre, by category
     * @param totals by centre (its distinct patients: a patient may fall in several categories)
     * @param national by category: exact only when none of its centres' cells is hidden, else {@code *}
     * @param grand the national total: exact only when no cell is hidden, else {@code *}
     * @param table the disclosure function's answer, for the figure tables the counts protect
     */
    record Published(
            List<List<String>> cells,
            List<String> totals,
            List<String> national,
            String grand,
            DisclosureControl.Table table) {}

    /** The count table {@code counts} (by centre, by category) with each centre's {@code totals}, as published. */
    static Published published(DisclosureControl dc, List<List<Long>> counts, List<Long> totals) {
        long grand = totals.stream().mapToLong(Long::longValue).sum();
        DisclosureControl.Table t = dc.byCentre(counts, totals, grand);
        int n = counts.isEmpty() ? 0 : counts.get(0).size();
        List<String> national = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            long sum = 0;
            for (List<Long> row : counts) {
                sum += row.get(c);
            }
            national.add(t.columnFiguresShown().get(c) ? dc.nationalCount(sum) : DisclosureControl.SUPPRESSED);
        }
        return new Published(
                t.rows().stream().map(DisclosureControl.Dimension::cells).toList(),
                t.rows().stream().map(DisclosureControl.Dimension::total).toList(),
                List.copyOf(national),
                t.grandTotal(),
                t);
    }

    private static String csv(int year, List<Figure> figures) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(List.of(HEADER.split(",")));
            for (Figure f : figures) {
                Product p = f.product();
                printer.printRecord(List.of(
                                Integer.toString(year),
                                f.centreCode(),
                                f.centreName(),
                                f.table(),
                                f.diagnosis(),
                                f.category(),
                                p == null ? "" : p.id().toString(),
                                p == null ? "" : p.brandName(),
                                p == null ? "" : p.productClass().name(),
                                p == null ? "" : unitOf(f.table(), p),
                                f.value())
                        .stream()
                        .map(RegionPopulations::neutralise)
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The unit of a figure of units: the product's (IU, or mg); blank on counts of patients. */
    private static String unitOf(String table, Product p) {
        return table.startsWith("units_") ? p.unit().name() : "";
    }
}
