package org.hemonet.report;

import java.util.Locale;
import java.util.UUID;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The annual report from the centres compared page (issue 18): the form there posts here, the job runs in the
 * background ({@link AnnualReportJobs}) and {@code /reports/annual/{id}} shows its progress, refreshing itself every two
 * seconds, until the PDF can be downloaded.
 */
@Controller
class AnnualReportPage {

    private final AnnualReportJobs jobs;
    private final CurrentActor currentActor;

    AnnualReportPage(AnnualReportJobs jobs, CurrentActor currentActor) {
        this.jobs = jobs;
        this.currentActor = currentActor;
    }

    @PostMapping("/reports/annual")
    String start(
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String centreId,
            Locale locale) {
        int y;
        try {
            y = Integer.parseInt(year == null ? "" : year.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("year", "Give the year of the report, such as 2025.");
        }
        UUID centre;
        try {
            centre = centreId == null || centreId.isBlank() ? null : UUID.fromString(centreId.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("centreId", "Choose the network or one of its centres.");
        }
        AnnualReportJobs.Job job = jobs.start(currentActor.require(), y, centre, locale);
        return "redirect:/reports/annual/" + job.id;
    }

    @GetMapping("/reports/annual/{id}")
    String job(@PathVariable UUID id, Model model) {
        AnnualReportJobs.Job job =
                jobs.find(currentActor.require(), id).orElseThrow(() -> new NotFoundException("annual report job"));
        model.addAttribute("job", AnnualReportApi.status(job));
        return "report/annual";
    }
}
