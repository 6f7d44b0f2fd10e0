package org.hemonet.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.identity.PatientScope;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.survey.internal.SurveyQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A centre's schedules of instruments (issue 16; docs/surveys.md "Schedules") — for one patient, or for every patient
 * registered at the centre — and the surveys due for a patient today, in the patient's time zone. Staff of a centre
 * caring for the patient schedule; a centre-wide schedule is made by staff of that centre. Schedules are ended, never
 * deleted.
 */
@Service
public class SurveySchedules {

    private final SurveyQueries queries;
    private final Surveys surveys;
    private final SurveyAccess access;
    private final Clock clock;

    SurveySchedules(SurveyQueries queries, Surveys surveys, SurveyAccess access, Clock clock) {
        this.queries = queries;
        this.surveys = surveys;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Schedules an instrument for a patient, or with {@code wholeCentre} for every patient registered at the patient's
     * centre (the actor must work there). One CREATE audit event about the patient.
     */
    public SurveySchedule schedule(
            Actor actor,
            UUID patientId,
            @Nullable String instrumentId,
            @Nullable Recurrence recurrence,
            @Nullable LocalDate dueOn,
            boolean wholeCentre) {
        PatientScope scope = access.requireStaff(actor, patientId, AuditAction.CREATE);
        Instrument instrument = surveys.instrumentFor(scope, instrumentId);
        if (recurrence == null) {
            throw new InvalidInputException("recurrence", "ONCE, YEARLY or BEFORE_ANNUAL_REVIEW.");
        }
        if (dueOn == null) {
            throw new InvalidInputException("dueOn", "Give the date it is due (or the annual review's date).");
        }
        LocalDate today = access.today(patientId);
        if (dueOn.isBefore(today.minusYears(1)) || dueOn.isAfter(today.plusYears(2))) {
            throw new InvalidInputException("dueOn", "A date within a year before and two years after today.");
        }
        UUID centreId = centreOf(actor, scope, wholeCentre);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        queries.insertSchedule(
                id,
                instrument.id(),
                centreId,
                wholeCentre ? null : patientId,
                recurrence,
                dueOn,
                actor.accountId(),
                now);
        access.success(actor, AuditAction.CREATE, patientId, "schedule:" + id);
        return new SurveySchedule(
                id,
                instrument.id(),
                instrument.title(),
                centreId,
                wholeCentre ? null : patientId,
                recurrence,
                dueOn,
                now);
    }

    /** Ends a schedule reaching the patient (its answers stay). Staff of its centre only. */
    public void end(Actor actor, UUID patientId, UUID scheduleId) {
        PatientScope scope = access.requireStaff(actor, patientId, AuditAction.UPDATE);
        SurveyQueries.ScheduleRow row = queries.schedule(scheduleId)
                .filter(s -> patientId.equals(s.patientId())
                        || (s.patientId() == null && s.centreId().equals(scope.registeredCentreId())))
                .orElseThrow(() -> new NotFoundException("survey schedule"));
        if (!actor.centreIds().contains(row.centreId())) {
            throw new AccessDeniedException("Only the centre that made a schedule ends it");
        }
        queries.endSchedule(scheduleId, actor.accountId(), clock.instant());
        access.success(actor, AuditAction.UPDATE, patientId, "schedule:" + scheduleId);
    }

    /** The active schedules reaching the patient. One READ audit event. */
    public List<SurveySchedule> schedules(Actor actor, UUID patientId) {
        PatientScope scope = access.require(actor, patientId, AuditAction.READ);
        List<SurveySchedule> schedules = new ArrayList<>();
        for (SurveyQueries.ScheduleRow row : rows(scope)) {
            schedules.add(new SurveySchedule(
                    row.id(),
                    row.instrumentId(),
                    titleOf(scope, row.instrumentId()),
                    row.centreId(),
                    row.patientId(),
                    row.recurrence(),
                    row.dueOn(),
                    row.createdAt()));
        }
        access.success(actor, AuditAction.READ, patientId, "schedules");
        return schedules;
    }

    /** The surveys due for the patient today, soonest first. One READ audit event. */
    public List<DueSurvey> due(Actor actor, UUID patientId) {
        PatientScope scope = access.require(actor, patientId, AuditAction.READ);
        List<DueSurvey> due = dueFor(scope);
        access.success(actor, AuditAction.READ, patientId, "due");
        return due;
    }

    /**
     * The surveys due for one of the actor's own records (a patient or parent), for the home page's "what needs doing";
     * like the unread-message count, not audited; empty for anyone else.
     */
    public List<DueSurvey> dueForHolder(Actor actor, UUID patientId) {
        if (!SurveyAccess.isPatientSide(actor) || !actor.patientIds().contains(patientId)) {
            return List.of();
        }
        PatientScope scope = access.scopeOf(patientId);
        return scope == null ? List.of() : dueFor(scope);
    }

    /**
     * The surveys due for a patient, for a reminder sent by the system (issue 16 "Reminders": surveys due) where no
     * person is acting: titles and dates only, which a reminder may say without clinical content. Not audited, like the
     * home page's count; empty for an unknown patient.
     */
    public List<DueSurvey> dueForReminder(UUID patientId) {
        PatientScope scope = access.scopeOf(patientId);
        return scope == null ? List.of() : dueFor(scope);
    }

    private List<DueSurvey> dueFor(PatientScope scope) {
        UUID patientId = scope.patientId();
        ZoneId zone = access.zoneOf(patientId);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<String, Instant> last = queries.lastSubmitted(patientId);
        Set<String> drafts = new HashSet<>(queries.drafts(patientId));
        Map<String, DueSurvey> due = new LinkedHashMap<>();
        for (SurveyQueries.ScheduleRow row : rows(scope)) {
            Instant answered = last.get(row.instrumentId());
            Optional<LocalDate> dueBy =
                    SurveyDue.dueBy(row.recurrence(), row.dueOn(), row.createdAt(), today, answered, zone);
            Optional<String> title = titleOrEmpty(scope, row.instrumentId());
            if (dueBy.isEmpty() || title.isEmpty()) {
                continue;
            }
            DueSurvey survey = new DueSurvey(
                    row.instrumentId(),
                    title.get(),
                    dueBy.get(),
                    row.recurrence(),
                    drafts.contains(row.instrumentId()));
            due.merge(row.instrumentId(), survey, (a, b) -> a.dueBy().isAfter(b.dueBy()) ? b : a);
        }
        return due.values().stream()
                .sorted(Comparator.comparing(DueSurvey::dueBy).thenComparing(DueSurvey::title))
                .toList();
    }

    private List<SurveyQueries.ScheduleRow> rows(PatientScope scope) {
        return queries.schedulesFor(scope.patientId(), Set.of(scope.registeredCentreId()));
    }

    private String titleOf(PatientScope scope, String instrumentId) {
        return titleOrEmpty(scope, instrumentId).orElse(instrumentId);
    }

    /** The title of an instrument the patient may answer; empty for one retired or no longer licensed to them. */
    private Optional<String> titleOrEmpty(PatientScope scope, String instrumentId) {
        try {
            return Optional.of(surveys.instrumentFor(scope, instrumentId).title());
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static UUID centreOf(Actor actor, PatientScope scope, boolean wholeCentre) {
        if (actor.centreIds().contains(scope.registeredCentreId())) {
            return scope.registeredCentreId();
        }
        if (wholeCentre) {
            throw new InvalidInputException(
                    "wholeCentre", "Only the staff of the patient's own centre schedule for all its patients.");
        }
        return scope.sharedCareCentreIds().stream()
                .filter(actor.centreIds()::contains)
                .sorted()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("patient"));
    }
}
