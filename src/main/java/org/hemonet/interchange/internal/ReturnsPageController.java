package org.hemonet.interchange.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.centre.NetworkSettings;
import org.hemonet.identity.Role;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The registry returns page ({@code /returns}, issue 15): choose the year and the centre and download the national
 * annual return or, for centre staff, the WBDR-style file; the downloads are {@link ReturnsApiController}'s. Centre
 * staff and network roles only (403 otherwise), as the files are.
 */
@Controller
class ReturnsPageController {

    private final CentreDirectory centres;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final java.time.ZoneId networkZone;

    ReturnsPageController(CentreDirectory centres, CurrentActor currentActor, Clock clock, NetworkSettings network) {
        this.centres = centres;
        this.currentActor = currentActor;
        this.clock = clock;
        this.networkZone = network.timeZone();
    }

    record CentreChoice(UUID id, String name) {}

    @GetMapping("/returns")
    String page(Model model) {
        Actor actor = currentActor.require();
        if (!NationalAnnualReturn.mayReturn(actor)) {
            throw new AccessDeniedException("returns are for centre staff and network analysts");
        }
        boolean network = Role.of(actor.role()).isAggregateOnly();
        List<CentreChoice> choices = centres.centres().stream()
                .filter(c -> network || actor.centreIds().contains(c.id()))
                .sorted(Comparator.comparing(Centre::name))
                .map(c -> new CentreChoice(c.id(), c.name()))
                .toList();
        int thisYear = LocalDate.now(clock.withZone(networkZone)).getYear();
        model.addAttribute("centres", choices);
        model.addAttribute("year", thisYear - 1);
        model.addAttribute("maxYear", thisYear);
        model.addAttribute("network", network);
        model.addAttribute("mayWbdr", WbdrReturn.mayReturn(actor));
        return "interchange/returns";
    }
}
