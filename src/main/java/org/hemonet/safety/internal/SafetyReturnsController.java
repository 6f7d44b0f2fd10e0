package org.hemonet.safety.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.safety.SafetyReturns;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The quarterly return page ({@code /safety/returns}, issue 13); figures from {@link SafetyReturns}, which applies
 * disclosure control for network roles. The JSON and CSV are {@link SafetyReturnsApi}.
 */
@Controller
class SafetyReturnsController {

    private final SafetyReturns returns;
    private final CurrentActor currentActor;
    private final Clock clock;

    /** The network's time zone (hemonet.network.time-zone): its calendar years and quarters. */
    private final java.time.ZoneId networkZone;

    SafetyReturnsController(
            SafetyReturns returns, CurrentActor currentActor, Clock clock, org.hemonet.centre.NetworkSettings network) {
        this.networkZone = network.timeZone();
        this.returns = returns;
        this.currentActor = currentActor;
        this.clock = clock;
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
        LocalDate today = LocalDate.now(clock.withZone(networkZone));
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
}
