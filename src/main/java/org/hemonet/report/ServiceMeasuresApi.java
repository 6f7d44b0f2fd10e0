package org.hemonet.report;

import java.util.ArrayList;
import java.util.List;
import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service measures per centre (issue 18): {@code GET /api/v1/reports/service?year=} (and {@code .csv}) — without a
 * year, the last complete calendar year. See {@link ServiceMeasures} for the measures and who sees what.
 */
@RestController
class ServiceMeasuresApi {

    private final ServiceMeasures measures;
    private final CurrentActor currentActor;
    private final NetworkTime networkTime;

    ServiceMeasuresApi(ServiceMeasures measures, CurrentActor currentActor, NetworkTime networkTime) {
        this.measures = measures;
        this.currentActor = currentActor;
        this.networkTime = networkTime;
    }

    @GetMapping("/api/v1/reports/service")
    ResponseEntity<ServiceMeasures.Report> service(@RequestParam(required = false) @Nullable Integer year) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(measures.report(currentActor.require(), year != null ? year : networkTime.lastCompleteYear()));
    }

    @GetMapping(path = "/api/v1/reports/service.csv", produces = "text/csv")
    ResponseEntity<String> serviceCsv(@RequestParam(required = false) @Nullable Integer year) {
        ServiceMeasures.Report r =
                measures.report(currentActor.require(), year != null ? year : networkTime.lastCompleteYear());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                "centre",
                "as_of",
                "patients",
                "on_prophylaxis",
                "home_delivery_proportion",
                "reviewed_proportion",
                "transition_patients",
                "transition_overdue_proportion",
                "cover_24h",
                "standards_met"));
        for (ServiceMeasures.Row row : r.items()) {
            rows.add(csvRow(row.centreName(), r, row));
        }
        rows.add(csvRow("Network", r, r.network()));
        return ValueReportApi.csv("service-" + r.year() + ".csv", ValueReportApi.ValueCsv.print(rows));
    }

    private static List<String> csvRow(String name, ServiceMeasures.Report r, ServiceMeasures.Row row) {
        return List.of(
                name,
                r.asOf().toString(),
                row.patients(),
                row.onProphylaxis(),
                row.homeDeliveryProportion(),
                row.reviewedProportion(),
                row.transitionPatients(),
                row.transitionOverdueProportion(),
                row.cover24h() == null ? "" : row.cover24h().toString(),
                row.standardsMet() == null ? "" : row.standardsMet().toString());
    }
}
