package org.hemonet.pathway.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.pathway.Handover;
import org.hemonet.pathway.Handovers;
import org.hemonet.pathway.TransitionReports;
import org.hemonet.patient.PatientRecord;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hand-over pages (issue 17): the form {@code /patients/{id}/handover} (the adult centre and the summary, beside
 * the readiness checklist), the hand-over {@code /handovers/{id}} with its letter, and the centre's list
 * {@code /handovers}.
 */
@Controller
class HandoverPages {

    private final Handovers handovers;
    private final PatientRegistry patients;
    private final CentreDirectory centres;
    private final CurrentActor currentActor;
    private final java.time.Clock clock;
    private final TransitionReports reports;

    HandoverPages(
            TransitionReports reports,
            Handovers handovers,
            PatientRegistry patients,
            CentreDirectory centres,
            CurrentActor currentActor,
            java.time.Clock clock) {
        this.clock = clock;
        this.reports = reports;
        this.handovers = handovers;
        this.patients = patients;
        this.centres = centres;
        this.currentActor = currentActor;
    }

    @GetMapping("/patients/{patientId}/handover")
    String form(@PathVariable UUID patientId, Model model) {
        Actor actor = currentActor.require();
        return form(actor, patients.read(actor, patientId), null, null, "", model);
    }

    @PostMapping("/patients/{patientId}/handover")
    String handOver(
            @PathVariable UUID patientId,
            @RequestParam(required = false) @Nullable UUID toCentreId,
            @RequestParam(required = false) @Nullable String summary,
            HttpServletResponse response,
            Model model) {
        Actor actor = currentActor.require();
        try {
            Handover h = handovers.handOver(actor, patientId, toCentreId, summary);
            return "redirect:/handovers/" + h.id() + "?saved";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(
                    actor,
                    patients.read(actor, patientId),
                    e.field(),
                    toCentreId,
                    summary == null ? "" : summary,
                    model);
        }
    }

    private String form(
            Actor actor,
            PatientRecord record,
            @Nullable String errorField,
            @Nullable UUID chosen,
            String summary,
            Model model) {
        model.addAttribute("record", record);
        model.addAttribute(
                "readUntil",
                java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of(record.timeZone())))
                        .plus(handovers.readAccess()));
        model.addAttribute(
                "centres",
                centres.centres().stream()
                        .filter(c -> !c.id().equals(record.centreId()))
                        .toList());
        model.addAttribute("errorField", errorField);
        model.addAttribute("chosen", chosen);
        model.addAttribute("summary", summary);
        model.addAttribute("mayHandOver", actor.hasRole("CLINICIAN") || actor.hasRole("NURSE"));
        return "pathway/handover-form";
    }

    @GetMapping("/handovers/{handoverId}")
    String view(@PathVariable UUID handoverId, Model model) {
        model.addAttribute("v", handovers.view(currentActor.require(), handoverId));
        return "pathway/handover";
    }

    @GetMapping("/transition-report")
    String report(@RequestParam(required = false) @Nullable UUID centre, Model model) {
        model.addAttribute("report", reports.report(currentActor.require(), centre));
        return "pathway/transition-report";
    }

    @GetMapping("/handovers")
    String list(Model model) {
        model.addAttribute("lines", handovers.ofMyCentres(currentActor.require()));
        return "pathway/handovers";
    }
}
