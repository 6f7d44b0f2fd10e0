package org.hemonet.trial.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.patient.Severity;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.StaleVersionException;
import org.hemonet.trial.Approach;
import org.hemonet.trial.ApproachStatus;
import org.hemonet.trial.InhibitorCriterion;
import org.hemonet.trial.NewTrial;
import org.hemonet.trial.PriorTreatment;
import org.hemonet.trial.Trial;
import org.hemonet.trial.Trials;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The trial pages (issue 17): {@code /trials} (the centre's trials; clinicians enter one), {@code /trials/{id}} (its
 * criteria, eligible patients with their wish about research, approaches and consent), and {@code /research} where a
 * patient or parent says whether they would like to hear about research.
 */
@Controller
class TrialPageController {

    private final Trials trials;
    private final PatientRegistry patients;
    private final CurrentActor currentActor;

    TrialPageController(Trials trials, PatientRegistry patients, CurrentActor currentActor) {
        this.trials = trials;
        this.patients = patients;
        this.currentActor = currentActor;
    }

    /** The new-trial form's fields. */
    static final class TrialForm {
        public @Nullable String title;
        public @Nullable String registryId;
        public @Nullable String sponsor;
        public @Nullable String summary;
        public @Nullable Set<DiagnosisType> diagnoses;
        public @Nullable Set<Severity> severities;
        public @Nullable InhibitorCriterion inhibitor = InhibitorCriterion.ANY;
        public @Nullable Integer minAge;
        public @Nullable Integer maxAge;
        public @Nullable PriorTreatment priorTreatment = PriorTreatment.ANY;
    }

    /** The form objects are plain fields, as in the other page controllers. */
    @org.springframework.web.bind.annotation.InitBinder
    void bindFields(org.springframework.web.bind.WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping("/trials")
    String list(Model model) {
        return list(currentActor.require(), new TrialForm(), null, model);
    }

    @PostMapping("/trials")
    String create(@ModelAttribute("form") TrialForm form, Model model) {
        Actor actor = currentActor.require();
        try {
            Trial trial = trials.create(
                    actor,
                    new NewTrial(
                            null,
                            form.title,
                            form.registryId,
                            form.sponsor,
                            form.summary,
                            form.diagnoses,
                            form.severities,
                            form.inhibitor,
                            form.minAge,
                            form.maxAge,
                            form.priorTreatment));
            return "redirect:/trials/" + trial.id();
        } catch (InvalidInputException e) {
            return list(actor, form, e.field(), model);
        }
    }

    private String list(Actor actor, TrialForm form, @Nullable String errorField, Model model) {
        model.addAttribute("trials", trials.ofMyCentres(actor));
        model.addAttribute("mayCreate", Role.CLINICIAN.name().equals(actor.role()));
        model.addAttribute("form", form);
        model.addAttribute("errorField", errorField);
        model.addAttribute(
                "diagnoses",
                List.of(DiagnosisType.HEMOPHILIA_A, DiagnosisType.HEMOPHILIA_B, DiagnosisType.VON_WILLEBRAND_DISEASE));
        model.addAttribute("severities", EnumSet.of(Severity.SEVERE, Severity.MODERATE, Severity.MILD));
        model.addAttribute("inhibitorCriteria", InhibitorCriterion.values());
        model.addAttribute("priorTreatments", PriorTreatment.values());
        return "trial/list";
    }

    @GetMapping("/trials/{id}")
    String trial(@PathVariable UUID id, @RequestParam(required = false) @Nullable String error, Model model) {
        Actor actor = currentActor.require();
        Trial trial = trials.open(actor, id);
        model.addAttribute("trial", trial);
        model.addAttribute("candidates", trials.candidates(actor, id));
        List<Approach> steps = trials.approaches(actor, id);
        Map<UUID, List<Approach>> byPatient = new LinkedHashMap<>();
        steps.forEach(a ->
                byPatient.computeIfAbsent(a.patientId(), p -> new ArrayList<>()).add(a));
        model.addAttribute("history", byPatient);
        model.addAttribute("statuses", ApproachStatus.values());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("mayClose", Role.CLINICIAN.name().equals(actor.role()) && trial.open());
        model.addAttribute("error", error);
        return "trial/trial";
    }

    @PostMapping("/trials/{id}/approaches")
    String approach(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID patientId,
            @RequestParam(required = false) @Nullable ApproachStatus status,
            @RequestParam(required = false) @Nullable LocalDate onDate,
            @RequestParam(required = false) @Nullable String note) {
        try {
            trials.recordApproach(currentActor.require(), id, patientId, status, onDate, note);
        } catch (InvalidInputException e) {
            return "redirect:/trials/" + id + "?error=" + e.field();
        }
        return "redirect:/trials/" + id + "#patient-" + patientId;
    }

    @PostMapping("/trials/{id}/close")
    String close(@PathVariable UUID id, @RequestParam int version) {
        try {
            trials.close(currentActor.require(), id, version);
        } catch (StaleVersionException e) {
            return "redirect:/trials/" + id + "?error=version";
        }
        return "redirect:/trials/" + id;
    }

    @GetMapping("/research")
    String research(@RequestParam(required = false) @Nullable String saved, Model model) {
        Actor actor = currentActor.require();
        List<PatientSummary> held = patients.heldBy(actor);
        Map<UUID, @Nullable Boolean> answers = new LinkedHashMap<>();
        held.forEach(p -> answers.put(p.id(), trials.researchInterest(actor, p.id())));
        model.addAttribute("held", held);
        model.addAttribute("answers", answers);
        model.addAttribute("saved", saved != null);
        return "trial/research";
    }

    @PostMapping("/research")
    String setResearch(@RequestParam UUID patient, @RequestParam boolean interested) {
        trials.setResearchInterest(currentActor.require(), patient, interested);
        return "redirect:/research?saved";
    }
}
