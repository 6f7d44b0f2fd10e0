package org.hemonet.safety.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.safety.SafetyRates;
import org.hemonet.safety.SafetyReturns;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The quarterly return (issue 13) as JSON ({@code GET /api/v1/safety/returns?year=&quarter=&centreId=}), as CSV
 * ({@code GET /api/v1/safety/returns.csv}, same parameters) and as a page ({@code /safety/returns}); figures from
 * {@link SafetyReturns}, which applies disclosure control for network roles.
 */
@Controller
class SafetyReturnsController {

    private final SafetyReturns returns;
    private final CurrentActor currentActor;
    private final Clock clock;

    SafetyReturnsController(SafetyReturns returns, CurrentActor currentActor, Clock clock) {
        this.returns = returns;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/api/v1/safety/returns")
    @ResponseBody
    ResponseEntity<SafetyReturns.Return> json(
            @RequestParam int year,
            @RequestParam int quarter,
            @RequestParam(required = false) @Nullable UUID centreId) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(returns.quarter(currentActor.require(), year, quarter, centreId));
    }

    @GetMapping("/api/v1/safety/returns.csv")
    @ResponseBody
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

    @GetMapping("/safety/returns")
    String page(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable Integer quarter,
            @RequestParam(required = false) @Nullable UUID centreId,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Actor actor = currentActor.require();
        if (!returns.maySee(actor)) {
            throw new AccessDeniedException("returns are for centre staff and network analysts");
        }
        LocalDate today = LocalDate.now(clock.withZone(SafetyRates.ZONE));
        // the default is the last complete quarter
        LocalDate lastQuarter = today.withDayOfMonth(1).minusMonths((today.getMonthValue() - 1) % 3 + 3);
        int y = year == null ? lastQuarter.getYear() : year;
        int q = quarter == null ? (lastQuarter.getMonthValue() - 1) / 3 + 1 : quarter;
        SafetyReturns.Return r = null;
        String errorField = null;
        try {
            r = returns.quarter(actor, y, q, centreId);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            errorField = "quarter".equals(e.field()) ? "quarter" : "year";
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("ret", r);
        model.addAttribute("year", y);
        model.addAttribute("quarter", q);
        model.addAttribute("centreId", centreId);
        model.addAttribute("quarters", List.of(1, 2, 3, 4));
        model.addAttribute(
                "centres",
                r == null || centreId != null
                        ? List.of()
                        : r.centres().stream()
                                .map(c -> new CentreChoice(c.centreId(), c.centreName()))
                                .toList());
        model.addAttribute("errorField", errorField);
        return "safety/returns";
    }

    record CentreChoice(UUID id, String name) {}

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
