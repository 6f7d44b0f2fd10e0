package org.hemonet.safety.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hemonet.centre.Centre;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.safety.PupCohorts;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The PUP cohorts page (issue 13, clinical.md §9): for FVIII and for FIX, the previously untreated patients followed
 * from their first exposure day, their confirmed inhibitors, and the cumulative incidence at ED 20, 50 and 150 with the
 * numbers at risk, from {@link PupCohorts} (which decides who sees what, and applies disclosure control for network
 * roles). A small table per factor, so that it reads on a 360 px phone without sideways scrolling.
 */
@Controller
class PupCohortPage {

    private final PupCohorts cohorts;
    private final CentreDirectory centres;
    private final CurrentActor currentActor;

    PupCohortPage(PupCohorts cohorts, CentreDirectory centres, CurrentActor currentActor) {
        this.cohorts = cohorts;
        this.centres = centres;
        this.currentActor = currentActor;
    }

    /** One cohort as the page shows it. */
    record View(String factor, String patients, String inhibitors, List<Row> rows) {}

    /** One reported exposure day: incidence as a percentage, {@code *} or {@code –}. */
    record Row(int exposureDays, String incidence, String atRisk) {}

    @GetMapping("/safety/pups")
    String page(@RequestParam(required = false) @Nullable UUID centreId, Model model) {
        Actor actor = currentActor.require();
        if (!cohorts.maySee(actor)) {
            throw new AccessDeniedException("PUP cohorts are for centre staff and network analysts");
        }
        List<UUID> reach = cohorts.centresInReach(actor);
        UUID chosen = centreId != null && reach.contains(centreId) ? centreId : null;
        List<Centre> choices = centres.centres().stream()
                .filter(c -> reach.contains(c.id()))
                .sorted(Comparator.comparing(Centre::name))
                .toList();
        List<PupCohorts.Cohort> shown =
                List.of(cohorts.cohort(actor, "FVIII", null, chosen), cohorts.cohort(actor, "FIX", null, chosen));
        model.addAttribute(
                "cohorts",
                shown.stream()
                        .map(c -> new View(
                                String.valueOf(c.productClass()),
                                c.patients(),
                                c.inhibitors(),
                                c.cumulativeIncidence().stream()
                                        .map(i -> new Row(i.exposureDays(), percent(i.incidence()), i.atRisk()))
                                        .toList()))
                        .toList());
        model.addAttribute("centres", choices);
        model.addAttribute("centreId", chosen);
        model.addAttribute("controlled", shown.get(0).disclosureControl());
        return "safety/pups";
    }

    /** A proportion as shown ({@code 0.250} → {@code 25.0 %}, {@code 0.63} → {@code 63 %}); {@code *} and {@code –} stay. */
    static String percent(String proportion) {
        if (!proportion.matches("\\d+\\.\\d+")) {
            return proportion;
        }
        BigDecimal value = new BigDecimal(proportion).movePointRight(2);
        return value.setScale(Math.max(0, value.scale()), RoundingMode.HALF_UP).toPlainString() + " %";
    }
}
