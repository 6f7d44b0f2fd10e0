package org.hemonet.survey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.survey.CentreSurveyScores;
import org.hemonet.survey.Recurrence;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the survey module: instruments, schedules and responses. Rows are never deleted. */
@Repository
public class SurveyQueries {

    /** An instrument version as stored; {@code definition} is JSON. */
    public record InstrumentRow(
            String id,
            int version,
            String source,
            @Nullable UUID centreId,
            @Nullable String licence,
            String definition) {}

    /** A response as stored; {@code answers} and {@code scores} are JSON. */
    public record ResponseRow(
            UUID id,
            UUID patientId,
            UUID centreId,
            String instrumentId,
            int instrumentVersion,
            String status,
            String answers,
            @Nullable String scores,
            String answeredByRole,
            Instant startedAt,
            Instant savedAt,
            @Nullable Instant submittedAt) {}

    /** A schedule as stored. */
    public record ScheduleRow(
            UUID id,
            String instrumentId,
            UUID centreId,
            @Nullable UUID patientId,
            Recurrence recurrence,
            LocalDate dueOn,
            Instant createdAt) {}

    private static final String RESPONSE =
            """
            select id, patient_id, centre_id, instrument_id, instrument_version, status, answers::text as answers,
                   scores::text as scores, answered_by_role, started_at, saved_at, submitted_at
            from survey.response
            """;

    private static final String SCHEDULE =
            """
            select id, instrument_id, centre_id, patient_id, recurrence, due_on, created_at from survey.schedule
            """;

    private final JdbcClient jdbc;

    SurveyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- instruments

    /** Stores a version unless it is there already (a version never changes); true if it was stored now. */
    public boolean insertInstrument(
            String id,
            int version,
            String title,
            String definition,
            String source,
            @Nullable UUID centreId,
            @Nullable String licence,
            @Nullable UUID loadedBy,
            Instant at) {
        return jdbc.sql(
                                """
                        insert into survey.instrument (id, version, title, definition, source, centre_id, licence,
                            loaded_by, loaded_at)
                        values (:id, :version, :title, cast(:definition as jsonb), :source, :centre, :licence, :by, :at)
                        on conflict (id, version) do nothing
                        """)
                        .param("id", id)
                        .param("version", version)
                        .param("title", title)
                        .param("definition", definition)
                        .param("source", source)
                        .param("centre", centreId)
                        .param("licence", licence)
                        .param("by", loadedBy)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /** Every version not retired, by id then version. */
    public List<InstrumentRow> instruments() {
        return jdbc.sql(
                        """
                        select id, version, source, centre_id, licence, definition::text as definition
                        from survey.instrument where retired_at is null order by id, version
                        """)
                .query(SurveyQueries::instrument)
                .list();
    }

    public Optional<InstrumentRow> instrument(String id, int version) {
        return jdbc.sql(
                        """
                        select id, version, source, centre_id, licence, definition::text as definition
                        from survey.instrument where id = :id and version = :version
                        """)
                .param("id", id)
                .param("version", version)
                .query(SurveyQueries::instrument)
                .optional();
    }

    /** The owners of an id's versions: the source and centre of its first version, if any. */
    public Optional<InstrumentRow> firstVersion(String id) {
        return jdbc.sql(
                        """
                        select id, version, source, centre_id, licence, definition::text as definition
                        from survey.instrument where id = :id order by version limit 1
                        """)
                .param("id", id)
                .query(SurveyQueries::instrument)
                .optional();
    }

    public int latestVersion(String id) {
        return jdbc.sql("select coalesce(max(version), 0) from survey.instrument where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    // ---------------------------------------------------------------- responses

    public Optional<ResponseRow> draft(UUID patientId, String instrumentId) {
        return jdbc.sql(RESPONSE + " where patient_id = :p and instrument_id = :i and status = 'DRAFT'")
                .param("p", patientId)
                .param("i", instrumentId)
                .query(SurveyQueries::response)
                .optional();
    }

    public Optional<ResponseRow> response(UUID patientId, UUID id) {
        return jdbc.sql(RESPONSE + " where patient_id = :p and id = :id")
                .param("p", patientId)
                .param("id", id)
                .query(SurveyQueries::response)
                .optional();
    }

    /** Submitted responses of a patient, newest first; of one instrument if {@code instrumentId} is given. */
    public List<ResponseRow> submitted(UUID patientId, @Nullable String instrumentId) {
        return jdbc.sql(RESPONSE + " where patient_id = :p and status = 'SUBMITTED'"
                        + (instrumentId == null ? "" : " and instrument_id = :i")
                        + " order by submitted_at desc, id")
                .param("p", patientId)
                .param("i", instrumentId)
                .query(SurveyQueries::response)
                .list();
    }

    /** Submitted responses of a patient from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    public List<ResponseRow> submittedBetween(UUID patientId, Instant from, Instant to) {
        return jdbc.sql(
                        RESPONSE
                                + """
                         where patient_id = :p and status = 'SUBMITTED' and submitted_at >= :from
                           and submitted_at < :to order by submitted_at, id""")
                .param("p", patientId)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(SurveyQueries::response)
                .list();
    }

    /** When the patient last submitted each instrument. */
    public Map<String, Instant> lastSubmitted(UUID patientId) {
        Map<String, Instant> last = new HashMap<>();
        jdbc.sql(
                        """
                        select instrument_id, max(submitted_at) as at from survey.response
                        where patient_id = :p and status = 'SUBMITTED' group by instrument_id
                        """)
                .param("p", patientId)
                .query((rs, n) -> last.put(rs.getString("instrument_id"), instant(rs, "at")))
                .list();
        return last;
    }

    /** The instruments with a draft saved for the patient. */
    public List<String> drafts(UUID patientId) {
        return jdbc.sql("select instrument_id from survey.response where patient_id = :p and status = 'DRAFT'")
                .param("p", patientId)
                .query(String.class)
                .list();
    }

    public void insertResponse(
            UUID id,
            UUID patientId,
            UUID centreId,
            String instrumentId,
            int version,
            String status,
            String answers,
            @Nullable String scores,
            UUID answeredBy,
            String role,
            Instant at) {
        jdbc.sql(
                        """
                        insert into survey.response (id, patient_id, centre_id, instrument_id, instrument_version,
                            status, answers, scores, answered_by, answered_by_role, started_at, saved_at, submitted_at)
                        values (:id, :p, :centre, :i, :v, :status, cast(:answers as jsonb), cast(:scores as jsonb),
                            :by, :role, :at, :at, case when :status = 'SUBMITTED' then :at end)
                        """)
                .param("id", id)
                .param("p", patientId)
                .param("centre", centreId)
                .param("i", instrumentId)
                .param("v", version)
                .param("status", status)
                .param("answers", answers)
                .param("scores", scores)
                .param("by", answeredBy)
                .param("role", role)
                .param("at", utc(at))
                .update();
    }

    /**
     * Saves a draft's answers again, or submits it (status SUBMITTED, with scores); true if the draft was still a
     * draft.
     */
    public boolean updateDraft(
            UUID id,
            int version,
            String status,
            String answers,
            @Nullable String scores,
            UUID answeredBy,
            String role,
            Instant at) {
        return jdbc.sql(
                                """
                        update survey.response set instrument_version = :v, status = :status,
                            answers = cast(:answers as jsonb), scores = cast(:scores as jsonb), answered_by = :by,
                            answered_by_role = :role, saved_at = :at,
                            submitted_at = case when :status = 'SUBMITTED' then :at end
                        where id = :id and status = 'DRAFT'
                        """)
                        .param("id", id)
                        .param("v", version)
                        .param("status", status)
                        .param("answers", answers)
                        .param("scores", scores)
                        .param("by", answeredBy)
                        .param("role", role)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /** Per centre, each patient's latest submitted response of an instrument in a period: counts and score sums. */
    public List<CentreSurveyScores> byCentre(String instrumentId, Instant from, Instant to) {
        Map<UUID, Long> patients = new java.util.TreeMap<>();
        Map<UUID, Map<String, CentreSurveyScores.DomainTotal>> domains = new HashMap<>();
        String latest =
                """
                with latest as (
                    select distinct on (patient_id) patient_id, centre_id, scores from survey.response
                    where instrument_id = :i and status = 'SUBMITTED' and submitted_at >= :from and submitted_at < :to
                    order by patient_id, submitted_at desc, id)
                """;
        jdbc.sql(latest + " select centre_id, count(*) as n from latest group by centre_id")
                .param("i", instrumentId)
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, n) -> patients.put(rs.getObject("centre_id", UUID.class), rs.getLong("n")))
                .list();
        jdbc.sql(
                        latest
                                + """
                         select l.centre_id, s.key as domain, count(*) as n, sum(s.value::numeric) as total
                         from latest l cross join lateral jsonb_each_text(l.scores) s
                         group by l.centre_id, s.key""")
                .param("i", instrumentId)
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, n) -> domains.computeIfAbsent(
                                rs.getObject("centre_id", UUID.class), c -> new java.util.TreeMap<>())
                        .put(
                                rs.getString("domain"),
                                new CentreSurveyScores.DomainTotal(rs.getLong("n"), rs.getBigDecimal("total"))))
                .list();
        return patients.entrySet().stream()
                .map(e -> new CentreSurveyScores(e.getKey(), e.getValue(), domains.getOrDefault(e.getKey(), Map.of())))
                .toList();
    }

    /** Voids a submitted response (who, when, why); true if it was submitted and is now voided. */
    public boolean voidResponse(UUID patientId, UUID id, UUID by, String reason, Instant at) {
        return jdbc.sql(
                                """
                        update survey.response set status = 'VOIDED', voided_at = :at, voided_by = :by,
                            void_reason = :reason
                        where id = :id and patient_id = :p and status = 'SUBMITTED'
                        """)
                        .param("id", id)
                        .param("p", patientId)
                        .param("by", by)
                        .param("reason", reason)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    // ---------------------------------------------------------------- schedules

    public void insertSchedule(
            UUID id,
            String instrumentId,
            UUID centreId,
            @Nullable UUID patientId,
            Recurrence recurrence,
            LocalDate dueOn,
            UUID by,
            Instant at) {
        jdbc.sql(
                        """
                        insert into survey.schedule (id, instrument_id, centre_id, patient_id, recurrence, due_on,
                            created_by, created_at)
                        values (:id, :i, :centre, :p, :recurrence, :due, :by, :at)
                        """)
                .param("id", id)
                .param("i", instrumentId)
                .param("centre", centreId)
                .param("p", patientId)
                .param("recurrence", recurrence.name())
                .param("due", dueOn)
                .param("by", by)
                .param("at", utc(at))
                .update();
    }

    /** Active schedules reaching a patient: their own, and those of these centres for all their patients. */
    public List<ScheduleRow> schedulesFor(UUID patientId, Collection<UUID> centreIds) {
        return jdbc.sql(
                        SCHEDULE
                                + """
                         where ended_at is null
                           and (patient_id = :p or (patient_id is null and centre_id in (:centres)))
                         order by created_at, id""")
                .param("p", patientId)
                .param("centres", centreIds.isEmpty() ? List.of(new UUID(0, 0)) : centreIds)
                .query(SurveyQueries::schedule)
                .list();
    }

    public Optional<ScheduleRow> schedule(UUID id) {
        return jdbc.sql(SCHEDULE + " where id = :id and ended_at is null")
                .param("id", id)
                .query(SurveyQueries::schedule)
                .optional();
    }

    public boolean endSchedule(UUID id, UUID by, Instant at) {
        return jdbc.sql("update survey.schedule set ended_at = :at, ended_by = :by where id = :id and ended_at is null")
                        .param("id", id)
                        .param("by", by)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    // ---------------------------------------------------------------- mapping

    private static InstrumentRow instrument(ResultSet rs, int n) throws SQLException {
        return new InstrumentRow(
                rs.getString("id"),
                rs.getInt("version"),
                rs.getString("source"),
                rs.getObject("centre_id", UUID.class),
                rs.getString("licence"),
                rs.getString("definition"));
    }

    private static ResponseRow response(ResultSet rs, int n) throws SQLException {
        return new ResponseRow(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("centre_id", UUID.class),
                rs.getString("instrument_id"),
                rs.getInt("instrument_version"),
                rs.getString("status"),
                rs.getString("answers"),
                rs.getString("scores"),
                rs.getString("answered_by_role"),
                instant(rs, "started_at"),
                instant(rs, "saved_at"),
                rs.getObject("submitted_at") == null ? null : instant(rs, "submitted_at"));
    }

    private static ScheduleRow schedule(ResultSet rs, int n) throws SQLException {
        return new ScheduleRow(
                rs.getObject("id", UUID.class),
                rs.getString("instrument_id"),
                rs.getObject("centre_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                Recurrence.valueOf(rs.getString("recurrence")),
                rs.getObject("due_on", LocalDate.class),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
