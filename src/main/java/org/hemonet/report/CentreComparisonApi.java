package org.hemonet.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.InhibitorStatus;
import org.hemonet.patient.Severity;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Centres compared (issue 18): {@code GET /api/v1/reports/centres?year=&diagnosis=&severity=&inhibitorStatus=} (and
 * {@code .csv}) and {@code GET /api/v1/reports/funnel?year=&measure=zeroBleedProportion} with the same filters. Without
 * a year: the last complete calendar year. See {@link CentreComparison} for who sees what.
 */
@RestController
class CentreComparisonApi {

    /** The measures a funnel plot is drawn for: proportions, with binomial limits. */
    static final List<String> FUNNEL_MEASURES = List.of("zeroBleedProportion");

    private final CentreComparison comparison;
    private final CurrentActor currentActor;
    private final Clock clock;

    CentreComparisonApi(CentreComparison comparison, CurrentActor currentActor, Clock clock) {
        this.comparison = comparison;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/api/v1/reports/centres")
    ResponseEntity<CentreComparison.Comparison> centres(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable DiagnosisType diagnosis,
            @RequestParam(required = false) @Nullable Severity severity,
            @RequestParam(required = false) @Nullable InhibitorStatus inhibitorStatus) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(comparison.compare(
                        currentActor.require(),
                        yearOr(year),
                        new CentreComparison.Filter(diagnosis, severity, inhibitorStatus)));
    }

    @GetMapping(path = "/api/v1/reports/centres.csv", produces = "text/csv")
    ResponseEntity<String> centresCsv(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable DiagnosisType diagnosis,
            @RequestParam(required = false) @Nullable Severity severity,
            @RequestParam(required = false) @Nullable InhibitorStatus inhibitorStatus) {
        CentreComparison.Comparison c = comparison.compare(
                currentActor.require(),
                yearOr(year),
                new CentreComparison.Filter(diagnosis, severity, inhibitorStatus));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                "centre",
                "year",
                "patients",
                "with_diary",
                "abr_median",
                "abr_q1",
                "abr_q3",
                "zero_bleed_proportion",
                "iu_per_kg_per_year_median"));
        for (CentreComparison.Row r : c.items()) {
            rows.add(csvRow(r.centreName(), c.year(), r));
        }
        rows.add(csvRow("Network", c.year(), c.network()));
        return ValueReportApi.csv("centres-" + c.year() + ".csv", ValueReportApi.ValueCsv.print(rows));
    }

    private static List<String> csvRow(String name, int year, CentreComparison.Row r) {
        return List.of(
                name,
                Integer.toString(year),
                r.patients(),
                r.included(),
                r.abrMedian(),
                r.abrIqr().get(0),
                r.abrIqr().get(1),
                r.zeroBleedProportion(),
                r.iuPerKgPerYearMedian());
    }

    /** One centre on the funnel; {@code n} and {@code value} are {@code *} where suppressed. */
    record Point(
            UUID centreId,
            String centreName,
            String n,
            String value,
            @Nullable Boolean outside95,
            @Nullable Boolean outside998) {}

    record Funnel(
            int year,
            String measure,
            String networkValue,
            int networkN,
            List<Point> points,
            List<FunnelLimits.Limits> limits,
            List<String> outliers) {}

    @GetMapping("/api/v1/reports/funnel")
    ResponseEntity<Funnel> funnel(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String measure,
            @RequestParam(required = false) @Nullable DiagnosisType diagnosis,
            @RequestParam(required = false) @Nullable Severity severity,
            @RequestParam(required = false) @Nullable InhibitorStatus inhibitorStatus) {
        Actor actor = currentActor.require();
        CentreComparison.requireAllowed(actor);
        String m = measure == null ? FUNNEL_MEASURES.get(0) : measure;
        if (!FUNNEL_MEASURES.contains(m)) {
            throw new InvalidInputException("measure", "The funnel plot is drawn for: " + FUNNEL_MEASURES + ".");
        }
        int y = yearOr(year);
        CentreComparison.requireYear(y);
        CentreComparison.Filter filter = new CentreComparison.Filter(diagnosis, severity, inhibitorStatus);
        // raw figures for the limits and outlier flags; what is shown of each centre follows the comparison's rules
        Map<UUID, CentreComparison.Figures> raw = new HashMap<>();
        CentreComparison.Figures network = comparison.figures(y, filter, raw);
        CentreComparison.Comparison shown = comparison.compare(actor, y, filter);
        double p = network.n() == 0 ? 0 : network.cohort().all().zeroBleeds() / (double) network.n();
        List<Point> points = new ArrayList<>();
        List<String> outliers = new ArrayList<>();
        int largest = 0;
        for (CentreComparison.Row row : shown.items()) {
            CentreComparison.Figures f = raw.get(row.centreId());
            if (f == null || f.n() == 0 || row.centreId() == null) {
                continue;
            }
            largest = Math.max(largest, f.n());
            boolean suppressed = DisclosureControl.SUPPRESSED.equals(row.zeroBleedProportion());
            FunnelLimits.Limits at = FunnelLimits.at(f.n(), p);
            double value = f.zeroBleedProportion();
            Boolean outside95 = suppressed ? null : value < at.lower95() || value > at.upper95();
            Boolean outside998 = suppressed ? null : value < at.lower998() || value > at.upper998();
            if (Boolean.TRUE.equals(outside998)) {
                outliers.add(row.centreName());
            }
            points.add(new Point(
                    row.centreId(),
                    row.centreName(),
                    row.included(),
                    row.zeroBleedProportion(),
                    outside95,
                    outside998));
        }
        // limits on a grid of centre sizes (multiples of 5), so that the curve gives no centre's exact size away
        List<FunnelLimits.Limits> limits = new ArrayList<>();
        if (network.n() > 0) {
            for (int n = 5; n <= Math.max(10, ((largest + 4) / 5) * 5 + 5); n += 5) {
                limits.add(FunnelLimits.at(n, p));
            }
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Funnel(
                        y,
                        m,
                        network.n() == 0 ? "–" : CentreComparison.proportion(p),
                        network.n(),
                        points,
                        limits,
                        outliers));
    }

    private int yearOr(@Nullable Integer year) {
        return year != null ? year : LocalDate.now(clock).getYear() - 1;
    }
}
