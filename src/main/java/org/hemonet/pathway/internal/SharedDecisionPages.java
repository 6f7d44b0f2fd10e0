package org.hemonet.pathway.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.pathway.SharedDecisionRequest;
import org.hemonet.pathway.SharedDecisions;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Shared decisions on the patient's record (issue 17): the list and the form {@code /patients/{id}/shared-decisions}
 * (optionally for an annual review, {@code ?review=}), voiding with a reason, and the short list the record page loads
 * ({@code /patients/{id}/shared-decisions/summary}).
 */
@Controller
class SharedDecisionPages {

    private final SharedDecisions decisions;
    private final PatientRegistry patients;
    private final CurrentActor currentActor;
    private final java.time.Clock clock;

    SharedDecisionPages(
            SharedDecisions decisions, PatientRegistry patients, CurrentActor currentActor, java.time.Clock clock) {
        this.decisions = decisions;
        this.patients = patients;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** What was typed, to show again beside an error. */
    record Typed(
            String decidedOn,
            String planChange,
            String optionsDiscussed,
            String whatMatters,
            String choice,
            String agreedBy) {}

    @GetMapping("/patients/{patientId}/shared-decisions")
    String list(
            @PathVariable UUID patientId,
            @RequestParam(required = false) @Nullable UUID review,
            @RequestParam(required = false) @Nullable String saved,
            Model model) {
        Actor actor = currentActor.require();
        PatientSummary patient = patient(actor, patientId);
        LocalDate today = LocalDate.now(clock.withZone(patient.timeZone()));
        return page(actor, patient, review, saved, null, null, new Typed(today.toString(), "", "", "", "", ""), model);
    }

    @PostMapping("/patients/{patientId}/shared-decisions")
    String record(
            @PathVariable UUID patientId,
            @RequestParam(required = false) @Nullable UUID review,
            @RequestParam(required = false) @Nullable String decidedOn,
            @RequestParam(required = false) @Nullable String planChange,
            @RequestParam(required = false) @Nullable String optionsDiscussed,
            @RequestParam(required = false) @Nullable String whatMatters,
            @RequestParam(required = false) @Nullable String choice,
            @RequestParam(required = false) @Nullable String agreedBy,
            HttpServletResponse response,
            Model model) {
        Actor actor = currentActor.require();
        PatientSummary patient = patient(actor, patientId);
        Typed typed = new Typed(
                orEmpty(decidedOn),
                orEmpty(planChange),
                orEmpty(optionsDiscussed),
                orEmpty(whatMatters),
                orEmpty(choice),
                orEmpty(agreedBy));
        try {
            LocalDate on;
            try {
                on = decidedOn == null || decidedOn.isBlank() ? null : LocalDate.parse(decidedOn.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException("decidedOn", "A date");
            }
            decisions.record(
                    actor,
                    patientId,
                    new SharedDecisionRequest(on, planChange, optionsDiscussed, whatMatters, choice, agreedBy, review));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(actor, patient, review, null, e.field(), e.getMessage(), typed, model);
        }
        if (review != null) {
            return "redirect:/annual-reviews/" + review + "?saved=decision#decisions";
        }
        return "redirect:/patients/" + patientId + "/shared-decisions?saved=recorded";
    }

    @PostMapping("/shared-decisions/{decisionId}/void")
    String voidDecision(
            @PathVariable UUID decisionId,
            @RequestParam UUID patient,
            @RequestParam(required = false) @Nullable String reason) {
        Actor actor = currentActor.require();
        try {
            decisions.voidDecision(actor, decisionId, reason);
        } catch (InvalidInputException e) {
            return "redirect:/patients/" + patient + "/shared-decisions?saved=voidReason";
        } catch (ConflictException e) {
            return "redirect:/patients/" + patient + "/shared-decisions";
        }
        return "redirect:/patients/" + patient + "/shared-decisions?saved=voided";
    }

    /** The record page's list (loaded by htmx): the decisions not voided, newest first. */
    @GetMapping("/patients/{patientId}/shared-decisions/summary")
    String summary(@PathVariable UUID patientId, Model model) {
        Actor actor = currentActor.require();
        PatientSummary patient = patient(actor, patientId);
        model.addAttribute("patient", patient);
        model.addAttribute(
                "decisions",
                decisions.decisionsOf(actor, patientId).stream()
                        .filter(d -> !d.isVoided())
                        .limit(3)
                        .toList());
        return "pathway/decision-summary :: summary";
    }

    private String page(
            Actor actor,
            PatientSummary patient,
            @Nullable UUID review,
            @Nullable String saved,
            @Nullable String errorField,
            @Nullable String errorMessage,
            Typed typed,
            Model model) {
        model.addAttribute("patient", patient);
        model.addAttribute("decisions", decisions.decisionsOf(actor, patient.id()));
        model.addAttribute("mayRecord", decisions.mayRecord(actor));
        model.addAttribute("reviewId", review);
        model.addAttribute(
                "saved",
                saved != null
                                && java.util.Set.of("recorded", "voided", "voidReason")
                                        .contains(saved)
                        ? saved
                        : null);
        model.addAttribute("errorField", errorField);
        model.addAttribute("errorMessage", errorMessage);
        model.addAttribute("typed", typed);
        model.addAttribute("zone", patient.timeZone());
        return "pathway/decisions";
    }

    private PatientSummary patient(Actor actor, UUID patientId) {
        return patients.find(actor, patientId).orElseThrow(() -> new NotFoundException("patient"));
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
