package org.hemonet.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.hemonet.outcome.CohortRegimen;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.InhibitorStatus;
import org.hemonet.patient.Severity;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /reports/centres}: the centres compared for network analysts, commissioners and centre teams (issue 18) — a
 * filter form (year, diagnosis, severity, inhibitor status), the table with its CSV, a funnel plot drawn as SVG on the
 * server for the chosen measure with its table and outliers, and the trend of one measure over the five years to the
 * chosen one. Every filter travels in the URL, so a view can be shared. Unknown filter values are ignored with a
 * notice naming the filter rather than failing the page.
 */
@Controller
class CentreComparisonPage {

    static final int TREND_YEARS = 5;

    private final CentreComparison comparison;
    private final CentreFunnel funnels;
    private final CentreTrends trends;
    private final CurrentActor currentActor;

    private final NetworkTime networkTime;
    private final ServiceMeasures service;

    CentreComparisonPage(
            CentreComparison comparison,
            CentreFunnel funnels,
            CentreTrends trends,
            CurrentActor currentActor,
            NetworkTime networkTime,
            ServiceMeasures service) {
        this.networkTime = networkTime;
        this.service = service;
        this.comparison = comparison;
        this.funnels = funnels;
        this.trends = trends;
        this.currentActor = currentActor;
    }

    @GetMapping("/reports/centres")
    String page(
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String diagnosis,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String inhibitorStatus,
            @RequestParam(required = false) @Nullable String regimen,
            @RequestParam(required = false) @Nullable String ageBand,
            @RequestParam(required = false) @Nullable String measure,
            @RequestParam(required = false) @Nullable String trend,
            Model model) {
        Actor actor = currentActor.require();
        CentreComparison.requireAllowed(actor);
        List<String> invalid = new ArrayList<>();
        Integer asked = parseYear(year, invalid);
        int y = asked != null ? asked : networkTime.lastCompleteYear();
        DiagnosisType d = parse(DiagnosisType.class, diagnosis, "diagnosis", invalid);
        Severity s = parse(Severity.class, severity, "severity", invalid);
        InhibitorStatus i = parse(InhibitorStatus.class, inhibitorStatus, "inhibitorStatus", invalid);
        CentreFunnel.Measure funnelMeasure =
                orDefault(() -> CentreFunnel.Measure.of(measure), CentreFunnel.Measure.of(null), invalid, "measure");
        CentreTrends.Measure trendMeasure =
                orDefault(() -> CentreTrends.Measure.of(trend), CentreTrends.Measure.of(null), invalid, "trend");
        CohortRegimen r = parse(CohortRegimen.class, regimen, "regimen", invalid);
        CentreComparison.AgeBand a = orDefault(() -> CentreComparison.AgeBand.of(ageBand), null, invalid, "ageBand");
        CentreComparison.Filter filter = new CentreComparison.Filter(d, s, i, r, a);
        CentreFunnel.Funnel funnel = funnels.funnel(actor, y, funnelMeasure, filter);
        model.addAttribute("invalid", invalid);
        model.addAttribute("year", y);
        model.addAttribute("filter", filter);
        model.addAttribute("diagnoses", Arrays.asList(DiagnosisType.values()));
        model.addAttribute("severities", Arrays.asList(Severity.values()));
        model.addAttribute("inhibitorStatuses", Arrays.asList(InhibitorStatus.values()));
        model.addAttribute("regimens", Arrays.asList(CohortRegimen.values()));
        model.addAttribute("ageBands", Arrays.asList(CentreComparison.AgeBand.values()));
        model.addAttribute("comparison", comparison.compare(actor, y, filter));
        model.addAttribute("funnel", funnel);
        model.addAttribute("service", service.report(actor, y));
        model.addAttribute("serviceCsv", "/api/v1/reports/service.csv?year=" + y);
        model.addAttribute("chart", FunnelChart.of(funnel));
        model.addAttribute("measure", funnelMeasure.key);
        model.addAttribute("trend", trendMeasure.key);
        model.addAttribute("trends", trends.trends(actor, trendMeasure, y - TREND_YEARS + 1, y, filter));
        List<Link> funnelLinks = new ArrayList<>();
        for (CentreFunnel.Measure m : CentreFunnel.Measure.values()) {
            funnelLinks.add(new Link(m.key, link("/reports/centres", y, filter, m.key, trendMeasure.key)));
        }
        List<Link> trendLinks = new ArrayList<>();
        for (CentreTrends.Measure m : CentreTrends.Measure.values()) {
            trendLinks.add(new Link(m.key, link("/reports/centres", y, filter, funnelMeasure.key, m.key)));
        }
        model.addAttribute("funnelLinks", funnelLinks);
        model.addAttribute("trendLinks", trendLinks);
        model.addAttribute("csv", link("/api/v1/reports/centres.csv", y, filter, null, null));
        return "report/centres";
    }

    /** A tab: the measure's key (its label is {@code centres.measure.<key>}) and where it leads. */
    record Link(String key, String href) {}

    private static String link(
            String path, int year, CentreComparison.Filter filter, @Nullable String measure, @Nullable String trend) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path).queryParam("year", year);
        if (filter.diagnosis() != null) {
            uri.queryParam("diagnosis", filter.diagnosis().name());
        }
        if (filter.severity() != null) {
            uri.queryParam("severity", filter.severity().name());
        }
        if (filter.inhibitorStatus() != null) {
            uri.queryParam("inhibitorStatus", filter.inhibitorStatus().name());
        }
        if (filter.regimen() != null) {
            uri.queryParam("regimen", filter.regimen().name());
        }
        if (filter.ageBand() != null) {
            uri.queryParam("ageBand", filter.ageBand().label);
        }
        if (measure != null) {
            uri.queryParam("measure", measure);
        }
        if (trend != null) {
            uri.queryParam("trend", trend);
        }
        return uri.build().toUriString();
    }

    private static @Nullable Integer parseYear(@Nullable String year, List<String> invalid) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            int y = Integer.parseInt(year.trim());
            CentreComparison.requireYear(y);
            return y;
        } catch (NumberFormatException | InvalidInputException e) {
            invalid.add("year");
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E parse(
            Class<E> type, @Nullable String value, String field, List<String> invalid) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            invalid.add(field);
            return null;
        }
    }

    /** The parsed value, or {@code fallback} with the field noted as ignored. */
    private static <T> T orDefault(Supplier<T> parse, T fallback, List<String> invalid, String field) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            invalid.add(field);
            return fallback;
        }
    }
}
