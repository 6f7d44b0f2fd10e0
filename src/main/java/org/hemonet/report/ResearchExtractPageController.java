package org.hemonet.report;

import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /reports/extract}: the research extract form (issue 18) for network analysts — year and k — whose submission
 * downloads the CSV of {@code POST /api/v1/extracts}. An analyst without the research permission sees why there is no
 * form; every other role gets 403. Bad input re-renders the form with the field marked.
 */
@Controller
class ResearchExtractPageController {

    private final ResearchExtract extracts;
    private final ResearchExtractSettings settings;
    private final CurrentActor currentActor;

    private final NetworkTime networkTime;

    ResearchExtractPageController(
            ResearchExtract extracts,
            ResearchExtractSettings settings,
            CurrentActor currentActor,
            NetworkTime networkTime) {
        this.networkTime = networkTime;
        this.extracts = extracts;
        this.settings = settings;
        this.currentActor = currentActor;
    }

    @GetMapping("/reports/extract")
    String page(Model model) {
        Actor actor = requireAnalyst();
        return form(model, actor, lastYear(), Integer.toString(settings.k()), null, null);
    }

    @PostMapping("/reports/extract")
    Object download(
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String k,
            Model model) {
        Actor actor = requireAnalyst();
        try {
            Integer y = number("year", year);
            Integer kValue = k == null || k.isBlank() ? null : number("k", k);
            return ExtractApi.response(extracts.extract(actor, y, kValue));
        } catch (InvalidInputException e) {
            return form(model, actor, year == null ? "" : year, k == null ? "" : k, e.field(), e.getMessage());
        }
    }

    private Actor requireAnalyst() {
        Actor actor = currentActor.require();
        if (!actor.hasRole("NETWORK_ANALYST")) {
            throw new AccessDeniedException("research extracts are for network analysts");
        }
        return actor;
    }

    private String form(
            Model model, Actor actor, String year, String k, @Nullable String invalidField, @Nullable String problem) {
        model.addAttribute("mayExtract", extracts.mayExtract(actor));
        model.addAttribute("year", year);
        model.addAttribute("k", k);
        model.addAttribute("maxYear", networkTime.today().getYear());
        model.addAttribute("minimumK", KAnonymity.MINIMUM_K);
        model.addAttribute("invalidField", invalidField);
        model.addAttribute("problem", problem);
        return "report/extract";
    }

    private String lastYear() {
        return Integer.toString(networkTime.today().getYear() - 1);
    }

    private static @Nullable Integer number(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Enter a whole number.");
        }
    }
}
