package org.hemonet.survey.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.PatientSummary;
import org.hemonet.shared.Actor;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.survey.Instrument;
import org.hemonet.survey.InstrumentItem;
import org.hemonet.survey.Recurrence;
import org.hemonet.survey.SurveyResponse;
import org.hemonet.survey.SurveySchedules;
import org.hemonet.survey.Surveys;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The questionnaire pages (issue 16), phone-first. A patient or parent (tabs for each child, as on the home page) sees
 * the surveys due and their earlier results, answers one question per block, saves a draft to finish later and, after
 * submitting, sees the scores beside the previous ones. The staff of the patient's centre see the results on the
 * record's survey page and schedule instruments there. A patient the reader may not reach is the 404 page.
 */
@Controller
class SurveyPageController {

    private final Surveys surveys;
    private final SurveySchedules schedules;
    private final PatientRegistry patients;
    private final CurrentActor currentActor;
    private final java.time.Clock clock;

    SurveyPageController(
            Surveys surveys,
            SurveySchedules schedules,
            PatientRegistry patients,
            CurrentActor currentActor,
            java.time.Clock clock) {
        this.clock = clock;
        this.surveys = surveys;
        this.schedules = schedules;
        this.patients = patients;
        this.currentActor = currentActor;
    }

    /** A patient's or parent's surveys: due, to answer any time, answered. */
    @GetMapping("/surveys")
    String mine(@RequestParam(required = false) @Nullable UUID patient, Model model) {
        Actor actor = currentActor.require();
        if (!"PATIENT".equals(actor.role())) {
            throw new NotFoundException("surveys");
        }
        List<PatientSummary> held = patients.heldBy(actor);
        PatientSummary shown = held.stream()
                .filter(p -> p.id().equals(patient))
                .findFirst()
                .orElse(held.isEmpty() ? null : held.get(0));
        model.addAttribute("records", held);
        model.addAttribute("record", shown);
        if (shown != null) {
            model.addAttribute("due", schedules.due(actor, shown.id()));
            model.addAttribute("history", surveys.history(actor, shown.id()));
            model.addAttribute("instruments", surveys.instruments(actor));
            model.addAttribute("zone", zoneOf(shown.id()));
        }
        return "survey/mine";
    }

    @GetMapping("/surveys/answer/{instrumentId}")
    String form(@PathVariable String instrumentId, @RequestParam UUID patient, Model model) {
        Actor actor = currentActor.require();
        Optional<SurveyResponse> draft = surveys.draft(actor, patient, instrumentId);
        PatientSummary record = reachable(actor, patient);
        Instrument instrument = instrumentOrNotFound(actor, instrumentId);
        Map<String, String> values = new HashMap<>();
        draft.ifPresent(d -> d.answers().forEach((k, v) -> values.put(k, String.valueOf(v))));
        return formPage(record, instrument, values, draft.isPresent(), null, null, model);
    }

    @PostMapping("/surveys/answer/{instrumentId}")
    String answer(
            @PathVariable String instrumentId,
            @RequestParam UUID patient,
            @RequestParam(defaultValue = "submit") String action,
            @RequestParam Map<String, String> form,
            Model model) {
        Actor actor = currentActor.require();
        Instrument instrument = instrumentOrNotFound(actor, instrumentId);
        Map<String, @Nullable Object> answers = new LinkedHashMap<>();
        Map<String, String> values = new HashMap<>();
        for (InstrumentItem item : instrument.items()) {
            String raw = form.get("a." + item.linkId());
            if (raw != null && !raw.isBlank()) {
                values.put(item.linkId(), raw);
                answers.put(item.linkId(), raw.matches("-?\\d{1,6}") ? Integer.valueOf(raw) : raw);
            }
        }
        try {
            if ("draft".equals(action)) {
                surveys.saveDraft(actor, patient, instrumentId, answers);
                return "redirect:/surveys?patient=" + patient + "&saved=" + instrumentId;
            }
            SurveyResponse response = surveys.submit(actor, patient, instrumentId, answers);
            return "redirect:/surveys/responses/" + response.id() + "?patient=" + patient + "&submitted";
        } catch (InvalidInputException e) {
            String field = e.field() == null ? "" : e.field().replaceFirst("^answers\\.", "");
            return formPage(reachable(actor, patient), instrument, values, false, field, e.getMessage(), model);
        }
    }

    /** One response with its scores and answers beside the previous response of the same instrument. */
    @GetMapping("/surveys/responses/{id}")
    String response(@PathVariable UUID id, @RequestParam UUID patient, Model model) {
        Actor actor = currentActor.require();
        SurveyResponse response = surveys.response(actor, patient, id);
        PatientSummary record = reachable(actor, patient);
        if (!response.isSubmitted()) {
            throw new NotFoundException("survey response");
        }
        Optional<SurveyResponse> previous = surveys.previous(actor, patient, response);
        model.addAttribute("record", record);
        model.addAttribute("response", response);
        model.addAttribute("previous", previous.orElse(null));
        model.addAttribute("instrument", surveys.instrument(response.instrumentId(), response.instrumentVersion()));
        model.addAttribute(
                "previousInstrument",
                previous.map(p -> surveys.instrument(p.instrumentId(), p.instrumentVersion()))
                        .orElse(null));
        model.addAttribute("staff", !"PATIENT".equals(actor.role()));
        model.addAttribute("zone", zoneOf(patient));
        return "survey/response";
    }

    /** The staff's view of a patient's surveys: results, what is due, schedules. */
    @GetMapping("/patients/{id}/surveys")
    String patientSurveys(@PathVariable UUID id, @RequestParam(required = false) @Nullable String error, Model model) {
        Actor actor = currentActor.require();
        if ("PATIENT".equals(actor.role())) {
            return "redirect:/surveys?patient=" + id;
        }
        List<SurveyResponse> history = surveys.history(actor, id);
        model.addAttribute("record", reachable(actor, id));
        model.addAttribute("results", history.stream().map(this::resultRow).toList());
        model.addAttribute("due", schedules.due(actor, id));
        model.addAttribute("schedules", schedules.schedules(actor, id));
        model.addAttribute("instruments", surveys.instruments(actor));
        model.addAttribute("recurrences", Recurrence.values());
        model.addAttribute("today", LocalDate.now(clock.withZone(zoneOf(id))));
        model.addAttribute("zone", zoneOf(id));
        model.addAttribute("error", error);
        return "survey/patient";
    }

    @PostMapping("/patients/{id}/surveys/schedules")
    String schedule(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String instrumentId,
            @RequestParam(required = false) @Nullable Recurrence recurrence,
            @RequestParam(required = false) @Nullable LocalDate dueOn,
            @RequestParam(defaultValue = "false") boolean wholeCentre) {
        try {
            schedules.schedule(currentActor.require(), id, instrumentId, recurrence, dueOn, wholeCentre);
        } catch (InvalidInputException e) {
            return "redirect:/patients/" + id + "/surveys?error=" + e.field() + "#schedule";
        }
        return "redirect:/patients/" + id + "/surveys?scheduled#schedule";
    }

    @PostMapping("/patients/{id}/surveys/responses/{responseId}/void")
    String voidResponse(
            @PathVariable UUID id,
            @PathVariable UUID responseId,
            @RequestParam(required = false) @Nullable String reason) {
        try {
            surveys.voidResponse(currentActor.require(), id, responseId, reason);
        } catch (InvalidInputException e) {
            return "redirect:/surveys/responses/" + responseId + "?patient=" + id + "&voidReason#void";
        }
        return "redirect:/patients/" + id + "/surveys?voided";
    }

    @PostMapping("/patients/{id}/surveys/schedules/{scheduleId}/end")
    String end(@PathVariable UUID id, @PathVariable UUID scheduleId) {
        schedules.end(currentActor.require(), id, scheduleId);
        return "redirect:/patients/" + id + "/surveys?ended#schedule";
    }

    private String formPage(
            PatientSummary record,
            Instrument instrument,
            Map<String, String> values,
            boolean resumed,
            @Nullable String errorItem,
            @Nullable String errorMessage,
            Model model) {
        model.addAttribute("record", record);
        model.addAttribute("instrument", instrument);
        model.addAttribute("values", values);
        model.addAttribute("resumed", resumed);
        model.addAttribute("errorItem", errorItem);
        model.addAttribute("errorMessage", errorMessage);
        return "survey/form";
    }

    /** A response in the staff's results table, with its scores named by their domains' titles. */
    record ResultRow(SurveyResponse response, List<String> scores) {}

    private ResultRow resultRow(SurveyResponse response) {
        Instrument instrument = surveys.instrument(response.instrumentId(), response.instrumentVersion());
        List<String> scores = instrument.domains().stream()
                .filter(d -> response.scores().containsKey(d.id()))
                .map(d -> d.title() + ": " + response.scores().get(d.id()).toPlainString())
                .toList();
        return new ResultRow(response, scores);
    }

    /** The record if the actor may read it (a patient's own or a child's, or a patient of their centres); else 404. */
    private PatientSummary reachable(Actor actor, UUID patientId) {
        return patients.find(actor, patientId).orElseThrow(() -> new NotFoundException("patient"));
    }

    private Instrument instrumentOrNotFound(Actor actor, String instrumentId) {
        return surveys.instruments(actor).stream()
                .filter(i -> i.id().equals(instrumentId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("instrument"));
    }

    private ZoneId zoneOf(UUID patientId) {
        return patients.zoneOf(patientId).orElse(ZoneId.of("UTC"));
    }
}
