package org.hemonet.report;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /reports/value}: the value reports for network analysts and commissioners (others get 403): a filter form
 * (months, grouping, month/year), one of three views (IU and cost, per capita, per regimen), a table, a bar chart drawn
 * as SVG on the server, and the CSV of the same figures. Filters travel as query parameters, so a view can be
 * bookmarked.
 */
@Controller
class ValueReportPageController {

    static final List<String> VIEWS = List.of("value", "per-capita", "regimens");

    private final ValueReport report;
    private final CurrentActor currentActor;

    private final NetworkTime networkTime;

    ValueReportPageController(ValueReport report, CurrentActor currentActor, NetworkTime networkTime) {
        this.networkTime = networkTime;
        this.report = report;
        this.currentActor = currentActor;
    }

    @GetMapping("/reports/value")
    String page(
            @RequestParam(required = false) @Nullable String view,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String groupBy,
            @RequestParam(required = false) @Nullable String period,
            Model model) {
        report.checkReader(currentActor.require());
        String shownView = view != null && VIEWS.contains(view) ? view : "value";
        YearMonth thisMonth = networkTime.thisMonth();
        ValueReport.Period months;
        ValueReport.GroupBy grouping;
        ValueReport.Grain grain;
        try {
            months = ValueReport.Period.parse(from, to, thisMonth);
            grouping = ValueReportApi.groupBy(groupBy);
            grain = ValueReportApi.grain(period);
        } catch (InvalidInputException e) {
            model.addAttribute("invalidField", e.field());
            months = ValueReport.Period.parse(null, null, thisMonth);
            grouping = ValueReport.GroupBy.CENTRE;
            grain = ValueReport.Grain.MONTH;
        }
        model.addAttribute("view", shownView);
        model.addAttribute("from", months.from().toString());
        model.addAttribute("to", months.to().toString());
        model.addAttribute("groupBy", grouping.name().toLowerCase(Locale.ROOT));
        model.addAttribute("period", grain.name().toLowerCase(Locale.ROOT));
        model.addAttribute("groupings", List.of("product", "centre", "region"));
        model.addAttribute("grains", List.of("month", "year"));
        for (String v : VIEWS) {
            model.addAttribute("link_" + v.replace('-', '_'), link("/reports/value", v, months, grouping, grain));
        }
        switch (shownView) {
            case "per-capita" -> {
                model.addAttribute("perCapita", report.perCapita(months));
                model.addAttribute("csv", link("/api/v1/reports/value/per-capita.csv", null, months, null, null));
            }
            case "regimens" -> {
                model.addAttribute("regimens", report.regimens(months));
                model.addAttribute("csv", link("/api/v1/reports/value/regimens.csv", null, months, null, null));
            }
            default -> {
                model.addAttribute("value", report.value(months, grouping, grain));
                model.addAttribute("csv", link("/api/v1/reports/value.csv", null, months, grouping, grain));
            }
        }
        return "report/value";
    }

    private static String link(
            String path,
            @Nullable String view,
            ValueReport.Period months,
            ValueReport.@Nullable GroupBy grouping,
            ValueReport.@Nullable Grain grain) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (view != null) {
            uri.queryParam("view", view);
        }
        uri.queryParam("from", months.from().toString())
                .queryParam("to", months.to().toString());
        if (grouping != null) {
            uri.queryParam("groupBy", grouping.name().toLowerCase(Locale.ROOT));
        }
        if (grain != null) {
            uri.queryParam("period", grain.name().toLowerCase(Locale.ROOT));
        }
        return uri.build().toUriString();
    }
}
