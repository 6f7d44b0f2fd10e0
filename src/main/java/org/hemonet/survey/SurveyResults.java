package org.hemonet.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hemonet.audit.AuditAction;
import org.hemonet.shared.Actor;
import org.hemonet.survey.internal.SurveyQueries;
import org.springframework.stereotype.Service;

/**
 * What other modules read of a patient's surveys, e.g. the annual review: the submitted responses with their scores.
 * The same access rules and audit as {@link Surveys}.
 */
@Service
public class SurveyResults {

    private final SurveyQueries queries;
    private final Surveys surveys;
    private final SurveyAccess access;

    SurveyResults(SurveyQueries queries, Surveys surveys, SurveyAccess access) {
        this.queries = queries;
        this.surveys = surveys;
        this.access = access;
    }

    /**
     * Aggregates for the network reports (clinical.md §8 is applied by the report, not here): per centre at which the
     * patients were registered when they answered, each patient's latest submitted response of the instrument from
     * {@code from} (inclusive) to {@code to} (exclusive). No patient-level data leaves; not audited.
     */
    public List<CentreSurveyScores> byCentre(String instrumentId, Instant from, Instant to) {
        return queries.byCentre(instrumentId, from, to);
    }

    /**
     * The patient's responses submitted on the days {@code from} to {@code to} (both inclusive, in the patient's time
     * zone), oldest first, each with its scores. One READ audit event; 404 for a patient the actor may not reach.
     */
    public List<SurveyResponse> answeredBetween(Actor actor, UUID patientId, LocalDate from, LocalDate to) {
        access.require(actor, patientId, AuditAction.READ);
        ZoneId zone = access.zoneOf(patientId);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<SurveyResponse> results = queries.submittedBetween(patientId, start, end).stream()
                .map(surveys::view)
                .toList();
        access.success(actor, AuditAction.READ, patientId, "between:" + from + ".." + to);
        return results;
    }
}
