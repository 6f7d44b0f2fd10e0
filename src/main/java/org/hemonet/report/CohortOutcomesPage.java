package org.hemonet.report;

import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /centres/{centreId}/outcomes}: the cohort table, for the centre's team and (disclosure-controlled) the network. */
@Controller
class CohortOutcomesPage {

    private final CohortOutcomesReport report;
    private final CurrentActor currentActor;

    private final NetworkTime networkTime;

    CohortOutcomesPage(CohortOutcomesReport report, CurrentActor currentActor, NetworkTime networkTime) {
        this.networkTime = networkTime;
        this.report = report;
        this.currentActor = currentActor;
    }

    @GetMapping("/centres/{centreId}/outcomes")
    String cohort(
            @PathVariable UUID centreId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Model model) {
        LocalDate end = to != null ? to : networkTime.today();
        LocalDate start = from != null ? from : end.minusYears(1).plusDays(1);
        model.addAttribute("cohort", report.report(currentActor.require(), centreId, start, end));
        return "report/cohort";
    }
}
