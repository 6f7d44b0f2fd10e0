package org.hemonet.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hemonet.centre.RegionPopulations;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Value reports as JSON and CSV, for network analysts and commissioners only (see {@link ValueReport}): every figure
 * has passed disclosure control. CSV cells a spreadsheet would run as a formula are neutralised like the region
 * population export.
 *
 * <ul>
 *   <li>{@code GET /api/v1/reports/value?from=YYYY-MM&to=YYYY-MM&groupBy=product|centre|region&period=month|year}
 *   <li>{@code GET /api/v1/reports/value/per-capita?from&to}
 *   <li>{@code GET /api/v1/reports/value/regimens?from&to}
 *   <li>the same with {@code .csv}
 * </ul>
 */
@RestController
class ValueReportApi {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ValueReport report;
    private final CurrentActor currentActor;

    private final NetworkTime networkTime;

    ValueReportApi(ValueReport report, CurrentActor currentActor, NetworkTime networkTime) {
        this.networkTime = networkTime;
        this.report = report;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/v1/reports/value")
    ValueReport.ValueTable value(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String groupBy,
            @RequestParam(required = false) @Nullable String period) {
        report.checkReader(currentActor.require());
        return report.value(period(from, to), groupBy(groupBy), grain(period));
    }

    @GetMapping("/api/v1/reports/value/per-capita")
    ValueReport.PerCapitaTable perCapita(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        report.checkReader(currentActor.require());
        return report.perCapita(period(from, to));
    }

    @GetMapping("/api/v1/reports/value/regimens")
    ValueReport.RegimenTable regimens(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        report.checkReader(currentActor.require());
        return report.regimens(period(from, to));
    }

    @GetMapping(path = "/api/v1/reports/value.csv", produces = "text/csv")
    ResponseEntity<String> valueCsv(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String groupBy,
            @RequestParam(required = false) @Nullable String period) {
        report.checkReader(currentActor.require());
        return csv("value-report.csv", ValueCsv.value(report.value(period(from, to), groupBy(groupBy), grain(period))));
    }

    @GetMapping(path = "/api/v1/reports/value/per-capita.csv", produces = "text/csv")
    ResponseEntity<String> perCapitaCsv(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        report.checkReader(currentActor.require());
        return csv("value-per-capita.csv", ValueCsv.perCapita(report.perCapita(period(from, to))));
    }

    @GetMapping(path = "/api/v1/reports/value/regimens.csv", produces = "text/csv")
    ResponseEntity<String> regimensCsv(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        report.checkReader(currentActor.require());
        return csv("value-regimens.csv", ValueCsv.regimens(report.regimens(period(from, to))));
    }

    private ValueReport.Period period(@Nullable String from, @Nullable String to) {
        return ValueReport.Period.parse(from, to, networkTime.thisMonth());
    }

    static ValueReport.GroupBy groupBy(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return ValueReport.GroupBy.CENTRE;
        }
        try {
            return ValueReport.GroupBy.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("groupBy", "Group by product, centre or region.");
        }
    }

    static ValueReport.Grain grain(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return ValueReport.Grain.MONTH;
        }
        try {
            return ValueReport.Grain.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("period", "The period is month or year.");
        }
    }

    static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }

    /** The CSV texts; every text cell neutralised against formula injection (security.md §21). */
    static final class ValueCsv {

        private ValueCsv() {}

        static final String FOOTNOTE =
                "* = fewer than 8 patients or hidden beside them, not shown (clinical.md 8); patient counts below"
                        + " network level rounded to the nearest 5; network counts exact only beside no hidden cell";

        static String value(ValueReport.ValueTable table) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of(
                    table.groupBy().name().toLowerCase(Locale.ROOT), "period", "patients", "iu", "mg", "cost_gbp"));
            for (ValueReport.ValueRow r : table.rows()) {
                rows.add(List.of(
                        r.total() ? "Network total" : r.group(), r.period(), r.patients(), r.iu(), r.mg(), r.cost()));
            }
            ValueReport.ValueRow t = table.grandTotal();
            rows.add(List.of(
                    "Network total", table.from() + " to " + table.to(), t.patients(), t.iu(), t.mg(), t.cost()));
            return print(rows);
        }

        static String perCapita(ValueReport.PerCapitaTable table) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of(
                    "region", "year", "factor", "patients", "iu", "population", "population_year", "iu_per_capita"));
            for (ValueReport.PerCapitaRow r : table.rows()) {
                rows.add(List.of(
                        r.network() ? "Network" : r.region(),
                        Integer.toString(r.year()),
                        r.factor(),
                        r.patients(),
                        r.iu(),
                        r.population(),
                        r.populationYear(),
                        r.iuPerCapita()));
            }
            return print(rows);
        }

        static String regimens(ValueReport.RegimenTable table) {
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of(
                    "regimen",
                    "patients",
                    "total_cost_gbp",
                    "mean_cost_per_patient_year_gbp",
                    "median_cost_per_patient_year_gbp",
                    "patients_with_weight",
                    "median_iu_per_kg_year",
                    "mean_iu_per_kg_year"));
            table.bands().forEach(b -> header.add("patients_iu_per_kg_year " + b));
            rows.add(header);
            List<ValueReport.RegimenRow> all = new ArrayList<>(table.rows());
            all.add(table.network());
            for (ValueReport.RegimenRow r : all) {
                List<String> row = new ArrayList<>(List.of(
                        r.regimen() == null ? "Network" : r.regimen().name(),
                        r.patients(),
                        r.totalCost(),
                        r.meanCostPerYear(),
                        r.medianCostPerYear(),
                        r.patientsWithWeight(),
                        r.medianIuPerKgYear(),
                        r.meanIuPerKgYear()));
                for (int b = 0; b < table.bands().size(); b++) {
                    row.add(
                            b < r.iuPerKgDistribution().size()
                                    ? r.iuPerKgDistribution().get(b)
                                    : "");
                }
                rows.add(row);
            }
            return print(rows);
        }

        static String print(List<List<String>> rows) {
            StringWriter out = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
                for (List<String> row : rows) {
                    printer.printRecord(
                            row.stream().map(RegionPopulations::neutralise).toList());
                }
                printer.printRecord(List.of(RegionPopulations.neutralise(FOOTNOTE)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }
    }
}
