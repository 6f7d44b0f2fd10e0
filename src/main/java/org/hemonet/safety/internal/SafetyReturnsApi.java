package org.hemonet.safety.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hemonet.safety.SafetyReturns;
import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The quarterly return (issue 13) as JSON ({@code GET /api/v1/safety/returns?year=&quarter=&centreId=}) and as CSV
 * ({@code GET /api/v1/safety/returns.csv}, same parameters); figures from {@link SafetyReturns}, which applies
 * disclosure control for network roles.
 */
@org.springframework.web.bind.annotation.RestController
class SafetyReturnsApi {

    private final SafetyReturns returns;
    private final CurrentActor currentActor;

    SafetyReturnsApi(SafetyReturns returns, CurrentActor currentActor) {
        this.returns = returns;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/v1/safety/returns")
    ResponseEntity<SafetyReturns.Return> json(
            @RequestParam int year,
            @RequestParam int quarter,
            @RequestParam(required = false) @Nullable UUID centreId) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(returns.quarter(currentActor.require(), year, quarter, centreId));
    }

    @GetMapping("/api/v1/safety/returns.csv")
    ResponseEntity<String> csv(
            @RequestParam int year,
            @RequestParam int quarter,
            @RequestParam(required = false) @Nullable UUID centreId) {
        SafetyReturns.Return r = returns.quarter(currentActor.require(), year, quarter, centreId);
        StringBuilder out = new StringBuilder(
                "year,quarter,centre_id,centre,figure,product_id,product,product_class,category,count\r\n");
        for (SafetyReturns.CentreReturn c : r.centres()) {
            for (SafetyReturns.EventCount e : c.events()) {
                line(out, r, c.centreId().toString(), c.centreName(), "events", e);
            }
            for (SafetyReturns.PatientCount p : c.patientsTreated()) {
                line(out, r, c.centreId().toString(), c.centreName(), p);
            }
        }
        for (SafetyReturns.EventCount e : r.nationalEvents()) {
            line(out, r, "", "NATIONAL", "events", e);
        }
        for (SafetyReturns.PatientCount p : r.nationalPatientsTreated()) {
            line(out, r, "", "NATIONAL", p);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"safety-return-" + year + "-q" + quarter + ".csv\"")
                .cacheControl(CacheControl.noStore())
                .body(out.toString());
    }

    private static void line(
            StringBuilder out,
            SafetyReturns.Return r,
            String centreId,
            String centre,
            String figure,
            SafetyReturns.EventCount e) {
        out.append(String.join(
                        ",",
                        String.valueOf(r.year()),
                        String.valueOf(r.quarter()),
                        centreId,
                        cell(centre),
                        figure,
                        e.productId() == null ? "" : e.productId().toString(),
                        cell(e.productName() == null ? "" : e.productName()),
                        e.productClass() == null ? "" : e.productClass(),
                        e.category().name(),
                        e.events()))
                .append("\r\n");
    }

    private static void line(
            StringBuilder out, SafetyReturns.Return r, String centreId, String centre, SafetyReturns.PatientCount p) {
        out.append(String.join(
                        ",",
                        String.valueOf(r.year()),
                        String.valueOf(r.quarter()),
                        centreId,
                        cell(centre),
                        "patients_treated_in_year",
                        p.productId().toString(),
                        cell(p.productName()),
                        p.productClass(),
                        "",
                        p.patients()))
                .append("\r\n");
    }

    /** A text cell, quoted where needed and neutralised against spreadsheet formulas (security.md §21). */
    static String cell(String s) {
        String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
