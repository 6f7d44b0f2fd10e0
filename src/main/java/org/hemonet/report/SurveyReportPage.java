package org.hemonet.report;

import java.util.List;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.survey.Instrument;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /reports/surveys}: patient-reported scores by centre for a year, under disclosure control (issue 16). */
@Controller
class SurveyReportPage {

    private final SurveyReport report;
    private final CurrentActor currentActor;
    private final NetworkTime networkTime;

    SurveyReportPage(SurveyReport report, CurrentActor currentActor, NetworkTime networkTime) {
        this.report = report;
        this.currentActor = currentActor;
        this.networkTime = networkTime;
    }

    @GetMapping("/reports/surveys")
    String page(
            @RequestParam(required = false) @Nullable String instrument,
            @RequestParam(required = false) @Nullable Integer year,
            Model model) {
        Actor actor = currentActor.require();
        List<Instrument> instruments = report.instruments(actor);
        String chosen = instrument != null && instruments.stream().anyMatch(i -> i.id().equals(instrument))
                ? instrument
                : instruments.stream()
                        .map(Instrument::id)
                        .filter("hemonet-satisfaction"::equals)
                        .findFirst()
                        .orElse(instruments.isEmpty() ? "" : instruments.get(0).id());
        int y = year != null && year >= 1900 && year <= 9999 ? year : networkTime.lastCompleteYear();
        model.addAttribute("instruments", instruments);
        model.addAttribute("year", y);
        model.addAttribute("threshold", DisclosureControl.defaults().smallestShownCount());
        if (!chosen.isEmpty()) {
            model.addAttribute("report", report.report(actor, chosen, y));
        }
        return "report/surveys";
    }
}
