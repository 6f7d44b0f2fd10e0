package org.hemonet.report;

import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service measures per centre (issue 18): {@code GET /api/v1/reports/service?year=} — without a year, the last complete
 * calendar year. See {@link ServiceMeasures} for the measures and who sees what.
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
}
