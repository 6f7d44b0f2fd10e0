package org.hemonet.report;

import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/centres/{centreId}/outcomes?from=YYYY-MM-DD&to=YYYY-MM-DD} (issue 6): ABR distributions of the
 * centre's patients by severity and by regimen; see {@link CohortOutcomesReport} for who sees what. Without dates: the
 * 12 months ending today. Every cell is a string ({@code *} where suppressed, {@code –} where undefined).
 */
@RestController
class CohortOutcomesApi {

    private final CohortOutcomesReport report;
    private final CurrentActor currentActor;

    private final NetworkTime networkTime;

    CohortOutcomesApi(CohortOutcomesReport report, CurrentActor currentActor, NetworkTime networkTime) {
        this.networkTime = networkTime;
        this.report = report;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/v1/centres/{centreId}/outcomes")
    ResponseEntity<CohortOutcomesReport.CohortView> outcomes(
            @PathVariable UUID centreId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        LocalDate end = to != null ? to : networkTime.today();
        LocalDate start = from != null ? from : end.minusYears(1).plusDays(1);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(report.report(currentActor.require(), centreId, start, end));
    }
}
