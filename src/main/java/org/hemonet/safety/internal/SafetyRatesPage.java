package org.hemonet.safety.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.safety.AdverseEventCategory;
import org.hemonet.safety.SafetyRates;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The safety rates page (issue 13, clinical.md §9) for network analysts, commissioners and centre staff: per product,
 * treatment-years, events of one category, the rate per 1000 TY and its exact Poisson 95 % interval, from
 * {@link SafetyRates} (only reported and closed events count); and the same figures for every category as CSV.
 * Aggregates only: no patient, no narrative.
 */
@Controller
class SafetyRatesPage {

    private final SafetyRates rates;
    private final ProductCatalogue catalogue;
    private final CurrentActor currentActor;
    private final Clock clock;

    /** The network's time zone (hemonet.network.time-zone): its calendar years and quarters. */
    private final java.time.ZoneId networkZone;

    SafetyRatesPage(
            SafetyRates rates,
            ProductCatalogue catalogue,
            CurrentActor currentActor,
            Clock clock,
            org.hemonet.centre.NetworkSettings network) {
        this.networkZone = network.timeZone();
        this.rates = rates;
        this.catalogue = catalogue;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** One table row, figures formatted as in EUHASS reports (0.11, 4.21, 333.3; lower limits to 0.003). */
    record Row(
            String productName,
            @Nullable String productClass,
            long patientsTreated,
            long treatmentYears,
            long events,
            @Nullable String rate,
            @Nullable String lower,
            @Nullable String upper) {}

    /**
     * A signal as shown: the product (empty for a class signal), its class, what it is compared with (the class, or
     * FVIII/FIX/ALL for a class), the category, its rate and interval, and the reference rate.
     */
    record SignalRow(
            String productName,
            String productClass,
            boolean classSignal,
            String reference,
            AdverseEventCategory category,
            long events,
            long treatmentYears,
            String rate,
            String lower,
            String upper,
            String classRate) {}

    @GetMapping("/safety/rates")
    String page(
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            @RequestParam(required = false) @Nullable AdverseEventCategory category,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Actor actor = requireViewer();
        int thisYear = LocalDate.now(clock.withZone(networkZone)).getYear();
        int first = from == null ? thisYear - 1 : from;
        int last = to == null ? thisYear : to;
        AdverseEventCategory shown = category == null ? AdverseEventCategory.INHIBITOR : category;
        List<Row> rows = new ArrayList<>();
        List<Row> classRows = new ArrayList<>();
        List<SignalRow> signals = new ArrayList<>();
        String errorField = null;
        try {
            SafetyRates.Dashboard dashboard = rates.dashboard(actor, first, last);
            for (SafetyRates.Signal signal : dashboard.signals()) {
                signals.add(new SignalRow(
                        signal.productId() == null ? "" : name(signal.productId()),
                        signal.productClass(),
                        signal.level() == SafetyRates.Grouping.PRODUCT_CLASS,
                        signal.reference(),
                        signal.category(),
                        signal.events(),
                        signal.treatmentYears(),
                        figure(signal.rate().per1000TreatmentYears()),
                        figure(signal.rate().ci95()[0]),
                        figure(signal.rate().ci95()[1]),
                        figure(signal.classRatePer1000TreatmentYears())));
            }
            for (SafetyRates.Item item : dashboard.classes()) {
                classRows.add(row(item, shown, ""));
            }
            for (SafetyRates.Item item : dashboard.products()) {
                SafetyRates.Rate rate = item.rates().get(shown);
                rows.add(new Row(
                        name(item),
                        item.productClass(),
                        item.patientsTreated(),
                        item.treatmentYears(),
                        item.events().getOrDefault(shown, 0L),
                        rate == null ? null : figure(rate.per1000TreatmentYears()),
                        rate == null ? null : figure(rate.ci95()[0]),
                        rate == null ? null : figure(rate.ci95()[1])));
            }
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            errorField = "to".equals(e.field()) ? "to" : "from";
        }
        model.addAttribute("rows", rows);
        model.addAttribute("classRows", classRows);
        model.addAttribute("signals", signals);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("category", shown);
        model.addAttribute("categories", AdverseEventCategory.values());
        model.addAttribute("errorField", errorField);
        return "safety/rates";
    }

    /** Every category, one line per product and category; figures unrounded. */
    @GetMapping(value = "/safety/rates.csv")
    ResponseEntity<String> csv(@RequestParam int from, @RequestParam int to) {
        Actor actor = requireViewer();
        StringBuilder out = new StringBuilder(
                "product_id,product,product_class,from_year,to_year,patients_treated,treatment_years,category,events,"
                        + "per_1000_treatment_years,ci95_lower,ci95_upper\r\n");
        for (SafetyRates.Item item : rates.byProduct(actor, from, to)) {
            for (AdverseEventCategory c : AdverseEventCategory.values()) {
                SafetyRates.Rate rate = item.rates().get(c);
                out.append(String.join(
                                ",",
                                String.valueOf(item.productId()),
                                csvText(name(item)),
                                item.productClass() == null ? "" : item.productClass(),
                                String.valueOf(from),
                                String.valueOf(to),
                                String.valueOf(item.patientsTreated()),
                                String.valueOf(item.treatmentYears()),
                                c.name(),
                                String.valueOf(item.events().getOrDefault(c, 0L)),
                                rate == null ? "" : String.valueOf(rate.per1000TreatmentYears()),
                                rate == null ? "" : String.valueOf(rate.ci95()[0]),
                                rate == null ? "" : String.valueOf(rate.ci95()[1])))
                        .append("\r\n");
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"safety-rates-" + from + "-" + to + ".csv\"")
                .cacheControl(CacheControl.noStore())
                .body(out.toString());
    }

    private Actor requireViewer() {
        Actor actor = currentActor.require();
        if (!rates.maySee(actor)) {
            throw new AccessDeniedException("network safety figures are for staff");
        }
        return actor;
    }

    private static Row row(SafetyRates.Item item, AdverseEventCategory shown, String name) {
        SafetyRates.Rate rate = item.rates().get(shown);
        return new Row(
                name,
                item.productClass(),
                item.patientsTreated(),
                item.treatmentYears(),
                item.events().getOrDefault(shown, 0L),
                rate == null ? null : figure(rate.per1000TreatmentYears()),
                rate == null ? null : figure(rate.ci95()[0]),
                rate == null ? null : figure(rate.ci95()[1]));
    }

    private String name(java.util.UUID productId) {
        return catalogue.find(productId).map(Product::brandName).orElse(productId.toString());
    }

    private String name(SafetyRates.Item item) {
        return Optional.ofNullable(item.productId())
                .flatMap(catalogue::find)
                .map(Product::brandName)
                .orElse(String.valueOf(item.productId()));
    }

    /** 0.003, 0.11, 4.21, 333.3, 1857.2: three decimals below 0.01, two below 10, else one. */
    static String figure(double value) {
        if (value == 0) {
            return "0";
        }
        String pattern = value < 0.01 ? "%.3f" : value < 10 ? "%.2f" : "%.1f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String csvText(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
