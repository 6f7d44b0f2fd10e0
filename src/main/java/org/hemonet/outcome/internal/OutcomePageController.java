package org.hemonet.outcome.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The outcome pages (issue 6): the patient's dashboard {@code /my-outcomes} (a parent picks the child), the clinician's
 * diary review {@code /patients/{id}/diary-review} and the centre's {@code /attention} list. Every page is rendered
 * from the database on each request and sent with {@code Cache-Control: no-store}.
 */
@Controller
class OutcomePageController {

    /** The longest period the review shows at once. */
    static final int MAX_REVIEW_YEARS = 3;

    static final int DEFAULT_REVIEW_DAYS = 90;

    private final OutcomeViews views;
    private final AttentionList attention;
    private final CurrentActor currentActor;

    OutcomePageController(OutcomeViews views, AttentionList attention, CurrentActor currentActor) {
        this.views = views;
        this.attention = attention;
        this.currentActor = currentActor;
    }

    @GetMapping("/my-outcomes")
    String dashboard(
            @RequestParam(name = "patient", required = false) @Nullable UUID patientId,
            Model model,
            HttpServletResponse response) {
        noStore(response);
        Actor actor = currentActor.require();
        List<PatientSummary> held = Role.of(actor.role()) == Role.PATIENT ? views.held(actor) : List.of();
        UUID shown = patientId != null
                ? patientId
                : held.isEmpty() ? null : held.get(0).id();
        if (shown == null) {
            throw new org.hemonet.shared.NotFoundException("patient");
        }
        PatientSummary patient = views.require(actor, shown, "OutcomeDashboard");
        model.addAttribute("records", held);
        model.addAttribute("d", views.dashboard(actor, patient));
        model.addAttribute("zone", patient.timeZone());
        return "outcome/dashboard";
    }

    @GetMapping("/patients/{patientId}/diary-review")
    String review(
            @PathVariable UUID patientId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Model model,
            HttpServletResponse response) {
        noStore(response);
        Actor actor = currentActor.require();
        PatientSummary patient = views.require(actor, patientId, "DiaryReview");
        LocalDate today = views.today(patient);
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_REVIEW_DAYS - 1);
        boolean adjusted = false;
        if (end.isBefore(start)) {
            LocalDate swap = start;
            start = end;
            end = swap;
            adjusted = true;
        }
        if (start.isBefore(end.minusYears(MAX_REVIEW_YEARS))) {
            start = end.minusYears(MAX_REVIEW_YEARS).plusDays(1);
            adjusted = true;
        }
        model.addAttribute("r", views.review(actor, patient, start, end));
        model.addAttribute("adjusted", adjusted);
        model.addAttribute("today", today);
        model.addAttribute("zone", patient.timeZone());
        model.addAttribute("width", OutcomeCharts.WIDTH);
        model.addAttribute("left", OutcomeCharts.LEFT);
        return "outcome/diary-review";
    }

    @GetMapping("/attention")
    String attention(Model model, HttpServletResponse response) {
        noStore(response);
        AttentionList.Result result = attention.forActor(currentActor.require());
        model.addAttribute("result", result);
        return "outcome/attention";
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }
}
