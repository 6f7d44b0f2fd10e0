package org.hemonet.report;

import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/extracts} with {@code {"year": 2025, "k": 5}} ({@code k} optional, the setting by default) →
 * {@code text/csv} with {@code X-Rows-Generalised} and {@code X-Rows-Suppressed} (issue 18). See
 * {@link ResearchExtract} for who may ask and what the rows hold. Patient-level, though de-identified: sent with
 * {@code Cache-Control: no-store}.
 */
@RestController
class ExtractApi {

    static final String GENERALISED = "X-Rows-Generalised";
    static final String SUPPRESSED = "X-Rows-Suppressed";

    /** The request body; nothing else may be set. */
    record ExtractRequest(@Nullable Integer year, @Nullable Integer k) {}

    private final ResearchExtract extracts;
    private final CurrentActor currentActor;

    ExtractApi(ResearchExtract extracts, CurrentActor currentActor) {
        this.extracts = extracts;
        this.currentActor = currentActor;
    }

    @PostMapping(path = "/api/v1/extracts", consumes = "application/json")
    ResponseEntity<String> extract(@RequestBody ExtractRequest request) {
        ResearchExtract.Extract extract = extracts.extract(currentActor.require(), request.year(), request.k());
        return response(extract);
    }

    static ResponseEntity<String> response(ResearchExtract.Extract extract) {
        return ResponseEntity.ok()
                .contentType(ValueReportApi.CSV)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"research-extract-" + extract.year() + "-k" + extract.k() + ".csv\"")
                .header(GENERALISED, Integer.toString(extract.generalised()))
                .header(SUPPRESSED, Integer.toString(extract.suppressed()))
                .body(extract.csv());
    }
}
