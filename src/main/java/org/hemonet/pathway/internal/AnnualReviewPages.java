package org.hemonet.pathway.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hemonet.pathway.AnnualReview;
import org.hemonet.pathway.AnnualReviews;
import org.hemonet.pathway.Discipline;
import org.hemonet.pathway.ReviewDue;
import org.hemonet.pathway.ReviewFigures;
import org.hemonet.pathway.SharedDecision;
import org.hemonet.pathway.SharedDecisions;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.StaleVersionException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The annual review pages (issue 17): a patient's reviews {@code /patients/{id}/annual-reviews} (open one), the review
 * {@code /annual-reviews/{id}} with the year's figures, each discipline's part (the signed-in discipline writes its
 * own), completion and the clinic letter; and the centre's list of who is due {@code /annual-reviews/due}.
 */
@Controller
class AnnualReviewPages {

    private final AnnualReviews reviews;
    private final SharedDecisions decisions;
    private final PatientRegistry patients;
    private final CurrentActor currentActor;
    private final java.time.Clock clock;

    AnnualReviewPages(
            AnnualReviews reviews,
            SharedDecisions decisions,
            PatientRegistry patients,
            CurrentActor currentActor,
            java.time.Clock clock) {
        this.reviews = reviews;
        this.decisions = decisions;
        this.patients = patients;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** One bar of the ABR trend: position and height in the SVG's units (100 high), the year and the rate. */
    record Bar(int x, int y, int height, String year, String abr, boolean current) {}

    static final java.util.Set<String> SAVED = java.util.Set.of("opened", "part", "completed", "decision");

    static final int CHART_TOP = 12;
    static final int CHART_BOTTOM = 92;

    static List<Bar> bars(List<ReviewFigures.YearAbr> years) {
        double max = Math.max(
                1, years.stream().mapToDouble(y -> y.abr().doubleValue()).max().orElse(0));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            ReviewFigures.YearAbr y = years.get(i);
            int h = (int) Math.round(y.abr().doubleValue() / max * (CHART_BOTTOM - CHART_TOP));
            h = Math.max(h, 1);
            bars.add(new Bar(
                    20 + i * 56,
                    CHART_BOTTOM - h,
                    h,
                    String.valueOf(y.to().getYear()),
                    y.abr().toPlainString(),
                    i == years.size() - 1));
        }
        return bars;
    }

    @GetMapping("/patients/{patientId}/annual-reviews")
    String list(@PathVariable UUID patientId, Model model) {
        Actor actor = currentActor.require();
        List<AnnualReview> all = reviews.reviewsOf(actor, patientId);
        PatientSummary patient = patient(actor, patientId);
        model.addAttribute("patient", patient);
        model.addAttribute("reviews", all);
        model.addAttribute("mayOpen", actor.hasRole("CLINICIAN") || actor.hasRole("NURSE"));
        model.addAttribute(
                "openReview",
                all.stream().filter(AnnualReview::isOpen).findFirst().orElse(null));
        model.addAttribute("next", reviews.dueOf(actor, patientId));
        model.addAttribute("zone", patient.timeZone());
        return "pathway/reviews";
    }

    @PostMapping("/patients/{patientId}/annual-reviews")
    String open(@PathVariable UUID patientId, @RequestParam(required = false) @Nullable String gp) {
        Actor actor = currentActor.require();
        try {
            AnnualReview review = reviews.open(actor, patientId, gp);
            return "redirect:/annual-reviews/" + review.id() + "?saved=opened";
        } catch (ConflictException e) {
            return reviews.reviewsOf(actor, patientId).stream()
                    .filter(AnnualReview::isOpen)
                    .findFirst()
                    .map(r -> "redirect:/annual-reviews/" + r.id())
                    .orElseThrow(() -> e);
        }
    }

    @GetMapping("/annual-reviews/{reviewId}")
    String review(
            @PathVariable UUID reviewId,
            @RequestParam(required = false) @Nullable String saved,
            Model model,
            HttpServletResponse response) {
        Actor actor = currentActor.require();
        AnnualReview review = reviews.review(actor, reviewId);
        // only the notices this page knows; anything else typed into the address shows none
        model.addAttribute("saved", saved != null && SAVED.contains(saved) ? saved : null);
        return page(actor, review, model, null, null, null);
    }

    @PostMapping("/annual-reviews/{reviewId}/parts/{discipline}")
    String writePart(
            @PathVariable UUID reviewId,
            @PathVariable String discipline,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String assessment,
            @RequestParam(required = false) @Nullable String carePlan,
            Model model,
            HttpServletResponse response) {
        Actor actor = currentActor.require();
        Discipline d = Discipline.ofJsonName(discipline).orElseThrow(() -> new NotFoundException("discipline"));
        try {
            reviews.writePart(actor, reviewId, d, version, assessment, carePlan);
            return "redirect:/annual-reviews/" + reviewId + "?saved=part#part-" + d.jsonName();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(
                    actor,
                    reviews.review(actor, reviewId),
                    model,
                    "assessment".equals(e.field()) ? "pathway.review.error.assessment" : "pathway.review.error.tooLong",
                    assessment,
                    carePlan);
        } catch (StaleVersionException e) {
            // someone else saved in between: keep what was typed, say so
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            return page(
                    actor, reviews.review(actor, reviewId), model, "pathway.review.error.stale", assessment, carePlan);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(actor, reviews.review(actor, reviewId), model, "pathway.review.error.completed", null, null);
        }
    }

    @PostMapping("/annual-reviews/{reviewId}/complete")
    String complete(@PathVariable UUID reviewId, @RequestParam int version, Model model, HttpServletResponse response) {
        Actor actor = currentActor.require();
        try {
            reviews.complete(actor, reviewId, version);
            return "redirect:/annual-reviews/" + reviewId + "?saved=completed";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(actor, reviews.review(actor, reviewId), model, "pathway.review.error.haematology", null, null);
        } catch (StaleVersionException e) {
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            return page(
                    actor, reviews.review(actor, reviewId), model, "pathway.review.error.staleComplete", null, null);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(actor, reviews.review(actor, reviewId), model, "pathway.review.error.completed", null, null);
        }
    }

    private String page(
            Actor actor,
            AnnualReview review,
            Model model,
            @Nullable String error,
            @Nullable String typedAssessment,
            @Nullable String typedCarePlan) {
        PatientSummary patient = patient(actor, review.patientId());
        Discipline mine = Discipline.ofRole(actor.role()).orElse(null);
        model.addAttribute("review", review);
        model.addAttribute("f", review.figures());
        model.addAttribute("patient", patient);
        model.addAttribute("zone", patient.timeZone());
        model.addAttribute("disciplines", Discipline.values());
        model.addAttribute("mine", mine);
        model.addAttribute("hasCarePlan", review.parts().values().stream().anyMatch(p -> p.carePlan() != null));
        model.addAttribute("bars", bars(review.figures().abrTrend()));
        model.addAttribute(
                "chartWidth", Math.max(120, 40 + review.figures().abrTrend().size() * 56));
        model.addAttribute("mayComplete", actor.hasRole("CLINICIAN") && review.isOpen());
        model.addAttribute("error", error);
        model.addAttribute(
                "typedAssessment",
                typedAssessment != null
                        ? typedAssessment
                        : mine != null && review.part(mine) != null
                                ? review.part(mine).assessment()
                                : "");
        model.addAttribute(
                "typedCarePlan",
                typedCarePlan != null
                        ? typedCarePlan
                        : mine != null
                                        && review.part(mine) != null
                                        && review.part(mine).carePlan() != null
                                ? review.part(mine).carePlan()
                                : "");
        List<SharedDecision> all = decisions.decisionsOf(actor, review.patientId());
        model.addAttribute(
                "decisions",
                all.stream()
                        .filter(d -> !d.isVoided())
                        .filter(d -> review.id().equals(d.reviewId())
                                || !d.decidedOn().isBefore(review.figures().from()))
                        .toList());
        model.addAttribute("mayDecide", decisions.mayRecord(actor));
        if (!model.containsAttribute("saved")) {
            model.addAttribute("saved", null);
        }
        return "pathway/review";
    }

    @GetMapping("/annual-reviews/due")
    String due(
            @RequestParam(required = false) @Nullable UUID centre,
            @RequestParam(defaultValue = "false") boolean all,
            Model model) {
        Actor actor = currentActor.require();
        List<ReviewDue> due = reviews.due(actor, centre);
        model.addAttribute(
                "overdueCount", due.stream().filter(ReviewDue::overdue).count());
        model.addAttribute(
                "neverCount",
                due.stream().filter(d -> d.lastReviewedOn() == null).count());
        model.addAttribute(
                "rows", all ? due : due.stream().filter(ReviewDue::overdue).toList());
        model.addAttribute("all", all);
        model.addAttribute("total", due.size());
        model.addAttribute("today", LocalDate.now(clock));
        return "pathway/due";
    }

    private PatientSummary patient(Actor actor, UUID patientId) {
        return patients.find(actor, patientId).orElseThrow(() -> new NotFoundException("patient"));
    }
}
