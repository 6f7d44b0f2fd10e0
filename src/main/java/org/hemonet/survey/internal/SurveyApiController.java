package org.hemonet.survey.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.shared.CurrentActor;
import org.hemonet.shared.NotFoundException;
import org.hemonet.survey.DueSurvey;
import org.hemonet.survey.Instrument;
import org.hemonet.survey.Recurrence;
import org.hemonet.survey.SurveyResponse;
import org.hemonet.survey.SurveySchedule;
import org.hemonet.survey.SurveySchedules;
import org.hemonet.survey.Surveys;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Questionnaires over HTTP (issue 16; docs/api.md, docs/surveys.md). Patient data: never cached. */
@RestController
class SurveyApiController {

    /** A list: {@code {"items": [...]}}. */
    record Items<T>(List<T> items) {}

    /** Answers to an instrument: {@code {"instrumentId", "answers": {"linkId": value}}}. */
    record SurveyResponseRequest(@Nullable String instrumentId, @Nullable Map<String, @Nullable Object> answers) {}

    /** Answers saved so far. */
    record SurveyDraftRequest(@Nullable Map<String, @Nullable Object> answers) {}

    /** A licensed instrument a centre loads. */
    record InstrumentLoadRequest(@Nullable JsonNode definition, @Nullable String licence, @Nullable UUID centreId) {}

    /** Why a response is voided. */
    record VoidRequest(@Nullable String reason) {}

    /** A schedule of an instrument for the patient, or for all the patients of the patient's centre. */
    record ScheduleRequest(
            @Nullable String instrumentId,
            @Nullable Recurrence recurrence,
            @Nullable LocalDate dueOn,
            @Nullable Boolean wholeCentre) {}

    private final Surveys surveys;
    private final SurveySchedules schedules;
    private final CurrentActor currentActor;

    SurveyApiController(Surveys surveys, SurveySchedules schedules, CurrentActor currentActor) {
        this.surveys = surveys;
        this.schedules = schedules;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/v1/survey-instruments")
    Items<Instrument> instruments() {
        return new Items<>(surveys.instruments(currentActor.require()));
    }

    @PostMapping("/api/v1/survey-instruments")
    ResponseEntity<Instrument> load(@RequestBody InstrumentLoadRequest request) {
        Instrument instrument =
                surveys.load(currentActor.require(), request.definition(), request.licence(), request.centreId());
        return ResponseEntity.created(URI.create("/api/v1/survey-instruments")).body(instrument);
    }

    @PostMapping("/api/v1/patients/{id}/survey-responses")
    ResponseEntity<SurveyResponse> submit(@PathVariable UUID id, @RequestBody SurveyResponseRequest request) {
        SurveyResponse response = surveys.submit(currentActor.require(), id, request.instrumentId(), request.answers());
        return ResponseEntity.created(URI.create("/api/v1/patients/" + id + "/survey-responses/" + response.id()))
                .cacheControl(CacheControl.noStore())
                .body(response);
    }

    @GetMapping("/api/v1/patients/{id}/survey-responses")
    ResponseEntity<Items<SurveyResponse>> history(@PathVariable UUID id) {
        return noStore(new Items<>(surveys.history(currentActor.require(), id)));
    }

    @GetMapping("/api/v1/patients/{id}/survey-responses/{responseId}")
    ResponseEntity<SurveyResponse> response(@PathVariable UUID id, @PathVariable UUID responseId) {
        return noStore(surveys.response(currentActor.require(), id, responseId));
    }

    @PostMapping("/api/v1/patients/{id}/survey-responses/{responseId}/void")
    ResponseEntity<SurveyResponse> voidResponse(
            @PathVariable UUID id, @PathVariable UUID responseId, @RequestBody VoidRequest request) {
        return noStore(surveys.voidResponse(currentActor.require(), id, responseId, request.reason()));
    }

    @PutMapping("/api/v1/patients/{id}/survey-drafts/{instrumentId}")
    ResponseEntity<SurveyResponse> saveDraft(
            @PathVariable UUID id, @PathVariable String instrumentId, @RequestBody SurveyDraftRequest request) {
        return noStore(surveys.saveDraft(currentActor.require(), id, instrumentId, request.answers()));
    }

    @GetMapping("/api/v1/patients/{id}/survey-drafts/{instrumentId}")
    ResponseEntity<SurveyResponse> draft(@PathVariable UUID id, @PathVariable String instrumentId) {
        return noStore(surveys.draft(currentActor.require(), id, instrumentId)
                .orElseThrow(() -> new NotFoundException("survey draft")));
    }

    @GetMapping("/api/v1/patients/{id}/surveys-due")
    ResponseEntity<Items<DueSurvey>> due(@PathVariable UUID id) {
        return noStore(new Items<>(schedules.due(currentActor.require(), id)));
    }

    @GetMapping("/api/v1/patients/{id}/survey-schedules")
    ResponseEntity<Items<SurveySchedule>> schedules(@PathVariable UUID id) {
        return noStore(new Items<>(schedules.schedules(currentActor.require(), id)));
    }

    @PostMapping("/api/v1/patients/{id}/survey-schedules")
    ResponseEntity<SurveySchedule> schedule(@PathVariable UUID id, @RequestBody ScheduleRequest request) {
        SurveySchedule schedule = schedules.schedule(
                currentActor.require(),
                id,
                request.instrumentId(),
                request.recurrence(),
                request.dueOn(),
                Boolean.TRUE.equals(request.wholeCentre()));
        return ResponseEntity.created(URI.create("/api/v1/patients/" + id + "/survey-schedules"))
                .cacheControl(CacheControl.noStore())
                .body(schedule);
    }

    @PostMapping("/api/v1/patients/{id}/survey-schedules/{scheduleId}/end")
    ResponseEntity<Void> end(@PathVariable UUID id, @PathVariable UUID scheduleId) {
        schedules.end(currentActor.require(), id, scheduleId);
        return ResponseEntity.noContent().build();
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
