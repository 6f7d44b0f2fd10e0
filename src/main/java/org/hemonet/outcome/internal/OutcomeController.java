package org.hemonet.outcome.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.outcome.OutcomeReport;
import org.hemonet.outcome.PatientOutcomes;
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
 * {@code GET /api/v1/patients/{id}/outcomes?from=YYYY-MM-DD&to=YYYY-MM-DD} (issue 6). Without dates: the 12 months
 * ending today.
 */
@RestController
class OutcomeController {

    private final PatientOutcomes outcomes;
    private final CurrentActor currentActor;

    OutcomeController(PatientOutcomes outcomes, CurrentActor currentActor) {
        this.outcomes = outcomes;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/v1/patients/{patientId}/outcomes")
    ResponseEntity<OutcomeReport> outcomes(
            @PathVariable UUID patientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(outcomes.outcomes(currentActor.require(), patientId, from, to));
    }
}
