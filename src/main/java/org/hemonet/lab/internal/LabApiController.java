package org.hemonet.lab.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hemonet.lab.Analyte;
import org.hemonet.lab.LabResult;
import org.hemonet.lab.LabResultChecks;
import org.hemonet.lab.LabResultRequest;
import org.hemonet.lab.LabResults;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 21's laboratory results:
 *
 * <ul>
 *   <li>{@code POST /api/v1/patients/{id}/lab-results} {@code {"analyte", "method", "value", "unit", "sampledOn"}} (and
 *       optionally {@code referenceLow}, {@code referenceHigh}, {@code laboratory}) → 201 {@code {"id", "alerts":
 *       [...], "recommendations": [...], "result"}};
 *   <li>the same path with {@code Content-Type: text/csv} imports several (all or none) → 201 {@code {"items"}};
 *   <li>{@code GET /api/v1/patients/{id}/lab-results?analyte=} → {@code {"items": [...]}}, oldest sample first;
 *   <li>{@code POST /api/v1/patients/{id}/lab-results/{resultId}/void} {@code {"reason"}} → 200, 409 when voided.
 * </ul>
 */
@RestController
class LabApiController {

    private final LabResults results;
    private final CurrentActor currentActor;

    LabApiController(LabResults results, CurrentActor currentActor) {
        this.results = results;
        this.currentActor = currentActor;
    }

    record RecordedResponse(
            UUID id,
            List<LabResultChecks.Alert> alerts,
            List<LabResultChecks.Recommendation> recommendations,
            LabResult result) {

        static RecordedResponse of(LabResults.Recorded r) {
            return new RecordedResponse(
                    r.result().id(), r.findings().alerts(), r.findings().recommendations(), r.result());
        }
    }

    record Items<T>(List<T> items) {}

    record VoidBody(@Nullable String reason) {}

    @PostMapping(path = "/api/v1/patients/{patientId}/lab-results", consumes = "application/json")
    ResponseEntity<RecordedResponse> record(@PathVariable UUID patientId, @RequestBody LabResultRequest request) {
        LabResults.Recorded recorded = results.record(currentActor.require(), patientId, request);
        return ResponseEntity.created(
                        URI.create("/api/v1/patients/" + patientId + "/lab-results?analyte=" + request.analyte()))
                .cacheControl(CacheControl.noStore())
                .body(RecordedResponse.of(recorded));
    }

    @PostMapping(path = "/api/v1/patients/{patientId}/lab-results", consumes = "text/csv")
    ResponseEntity<Items<RecordedResponse>> importCsv(
            @PathVariable UUID patientId, jakarta.servlet.http.HttpServletRequest request) throws IOException {
        try (InputStreamReader reader = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)) {
            List<RecordedResponse> items = results.importCsv(currentActor.require(), patientId, reader).stream()
                    .map(RecordedResponse::of)
                    .toList();
            return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/lab-results"))
                    .cacheControl(CacheControl.noStore())
                    .body(new Items<>(items));
        }
    }

    @GetMapping("/api/v1/patients/{patientId}/lab-results")
    ResponseEntity<Items<LabResult>> list(
            @PathVariable UUID patientId, @RequestParam(required = false) @Nullable String analyte) {
        Analyte asked = null;
        if (analyte != null && !analyte.isBlank()) {
            try {
                asked = Analyte.valueOf(analyte.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        "analyte", "Use FVIII_ACTIVITY, FIX_ACTIVITY, ALT, AST or ANTITHROMBIN.");
            }
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Items<>(results.list(currentActor.require(), patientId, asked)));
    }

    @PostMapping("/api/v1/patients/{patientId}/lab-results/{resultId}/void")
    ResponseEntity<LabResult> voidResult(
            @PathVariable UUID patientId, @PathVariable UUID resultId, @RequestBody VoidBody body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(results.voidResult(currentActor.require(), patientId, resultId, body.reason()));
    }
}
