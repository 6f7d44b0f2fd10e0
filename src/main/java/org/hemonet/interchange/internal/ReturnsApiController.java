package org.hemonet.interchange.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry returns of issue 15 (docs/returns.md), as CSV downloads:
 *
 * <ul>
 *   <li>{@code GET /api/v1/returns/national-annual.csv?year=&centreId=} — the national annual return ({@link
 *       NationalAnnualReturn}): centre staff their centres' exact figures, network analysts and commissioners
 *       the national figures only, exact ({@code X-Disclosure-Controlled: true}: nothing below national level);
 *   <li>{@code GET /api/v1/returns/wbdr.csv?year=&centreId=} — the WBDR-style patient-level file ({@link WbdrReturn}),
 *       centre staff only ({@code X-Patients}: its rows).
 * </ul>
 *
 * {@code centreId} is optional (every centre the caller may return for). A missing or impossible {@code year} is a 400
 * naming it; a centre the caller may not return for is 404; a role that may not download the file is 403. Sent with
 * {@code Cache-Control: no-store}.
 */
@RestController
class ReturnsApiController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final NationalAnnualReturn nationalReturns;
    private final WbdrReturn wbdrReturns;
    private final CurrentActor currentActor;

    ReturnsApiController(NationalAnnualReturn nationalReturns, WbdrReturn wbdrReturns, CurrentActor currentActor) {
        this.nationalReturns = nationalReturns;
        this.wbdrReturns = wbdrReturns;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/v1/returns/national-annual.csv")
    ResponseEntity<String> nationalAnnual(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable UUID centreId) {
        NationalAnnualReturn.Return r = nationalReturns.of(currentActor.require(), year, centreId);
        return csv("national-annual-return-" + r.year() + ".csv", r.csv())
                .header("X-Disclosure-Controlled", Boolean.toString(r.disclosureControlled()))
                .body(r.csv());
    }

    @GetMapping("/api/v1/returns/wbdr.csv")
    ResponseEntity<String> wbdr(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable UUID centreId) {
        WbdrReturn.Return r = wbdrReturns.of(currentActor.require(), year, centreId);
        return csv("wbdr-" + r.year() + ".csv", r.csv())
                .header("X-Patients", Integer.toString(r.patients()))
                .body(r.csv());
    }

    private static ResponseEntity.BodyBuilder csv(String filename, String body) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
    }
}
