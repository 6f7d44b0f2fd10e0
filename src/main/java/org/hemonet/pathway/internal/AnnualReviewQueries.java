package org.hemonet.pathway.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.pathway.AnnualReview;
import org.hemonet.pathway.Discipline;
import org.hemonet.pathway.ReviewFigures;
import org.hemonet.pathway.ReviewPart;
import org.hemonet.pathway.ReviewStatus;
import org.hemonet.pathway.SharedDecision;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pathway module's SQL for annual reviews, their parts and shared decisions (schema {@code pathway}). Rows are
 * inserted and updated, never deleted; a review's figures are a JSON document of {@link ReviewFigures}.
 */
@Repository
public class AnnualReviewQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String REVIEW_COLUMNS =
            """
            id, patient_id, centre_id, due, status, version, figures, gp, opened_at, opened_by, completed_at,
            completed_by, completed_by_name, completed_on from pathway.annual_review""";

    private static final String DECISION_COLUMNS =
            """
            id, patient_id, review_id, decided_on, plan_change, options_discussed, what_matters, choice, agreed_by,
            recorded_at, recorded_by, recorded_by_name, voided_at, voided_by, void_reason from pathway.shared_decision""";

    private final JdbcClient jdbc;

    AnnualReviewQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- reviews

    public void insertReview(
            UUID id,
            UUID patientId,
            UUID centreId,
            LocalDate due,
            ReviewFigures figures,
            @Nullable String gp,
            Instant openedAt,
            String openedBy) {
        jdbc.sql(
                        """
                        insert into pathway.annual_review (id, patient_id, centre_id, due, period_from, period_to,
                            figures, gp, status, version, opened_at, opened_by)
                        values (:id, :patient, :centre, :due, :from, :to, cast(:figures as jsonb), :gp, 'OPEN', 1,
                            :at, :by)""")
                .param("id", id)
                .param("patient", patientId)
                .param("centre", centreId)
                .param("due", due)
                .param("from", figures.from())
                .param("to", figures.to())
                .param("figures", JSON.writeValueAsString(figures))
                .param("gp", gp)
                .param("at", utc(openedAt))
                .param("by", openedBy)
                .update();
    }

    public Optional<AnnualReview> review(UUID id) {
        return jdbc.sql("select " + REVIEW_COLUMNS + " where id = :id")
                .param("id", id)
                .query((rs, n) -> review(rs, n))
                .optional();
    }

    /** The patient's reviews, newest first. */
    public List<AnnualReview> reviewsOf(UUID patientId) {
        return jdbc.sql("select " + REVIEW_COLUMNS + " where patient_id = :p order by opened_at desc")
                .param("p", patientId)
                .query((rs, n) -> review(rs, n))
                .list();
    }

    public Optional<UUID> openReviewOf(UUID patientId) {
        return jdbc.sql("select id from pathway.annual_review where patient_id = :p and status = 'OPEN'")
                .param("p", patientId)
                .query(UUID.class)
                .optional();
    }

    /** The day of each patient's last completed review (patients with none are absent). */
    public Map<UUID, LocalDate> lastCompleted(Collection<UUID> patientIds) {
        Map<UUID, LocalDate> days = new HashMap<>();
        if (patientIds.isEmpty()) {
            return days;
        }
        jdbc.sql(
                        """
                        select patient_id, max(completed_on) as last from pathway.annual_review
                        where status = 'COMPLETED' and patient_id in (:ids) group by patient_id""")
                .param("ids", patientIds)
                .query((rs, n) ->
                        days.put(rs.getObject("patient_id", UUID.class), rs.getObject("last", LocalDate.class)))
                .list();
        return days;
    }

    /** The patients among {@code patientIds} with a review completed from {@code from} to {@code to}, both included. */
    public Set<UUID> completedBetween(Collection<UUID> patientIds, LocalDate from, LocalDate to) {
        if (patientIds.isEmpty()) {
            return Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql(
                        """
                        select distinct patient_id from pathway.annual_review
                        where status = 'COMPLETED' and patient_id in (:ids) and completed_on between :from and :to""")
                .param("ids", patientIds)
                .param("from", from)
                .param("to", to)
                .query(UUID.class)
                .list());
    }

    /** Each patient's review in progress (patients with none are absent). */
    public Map<UUID, UUID> openReviews(Collection<UUID> patientIds) {
        Map<UUID, UUID> open = new HashMap<>();
        if (patientIds.isEmpty()) {
            return open;
        }
        jdbc.sql("select patient_id, id from pathway.annual_review where status = 'OPEN' and patient_id in (:ids)")
                .param("ids", patientIds)
                .query((rs, n) -> open.put(rs.getObject("patient_id", UUID.class), rs.getObject("id", UUID.class)))
                .list();
        return open;
    }

    /** Adds a version to an open review read at {@code expected}; false when it changed or was completed since. */
    public boolean nextVersion(UUID id, int expected) {
        return jdbc.sql(
                                """
                        update pathway.annual_review set version = version + 1
                        where id = :id and version = :v and status = 'OPEN'""")
                        .param("id", id)
                        .param("v", expected)
                        .update()
                == 1;
    }

    public void updateFigures(UUID id, ReviewFigures figures) {
        jdbc.sql(
                        """
                        update pathway.annual_review set figures = cast(:figures as jsonb), period_from = :from,
                            period_to = :to where id = :id and status = 'OPEN'""")
                .param("id", id)
                .param("figures", JSON.writeValueAsString(figures))
                .param("from", figures.from())
                .param("to", figures.to())
                .update();
    }

    public void complete(UUID id, Instant at, String by, String byName, LocalDate on) {
        jdbc.sql(
                        """
                        update pathway.annual_review set status = 'COMPLETED', completed_at = :at, completed_by = :by,
                            completed_by_name = :name, completed_on = :on where id = :id and status = 'OPEN'""")
                .param("id", id)
                .param("at", utc(at))
                .param("by", by)
                .param("name", byName)
                .param("on", on)
                .update();
    }

    // ---- parts

    /** Adds a discipline's part, marking the one it replaces. */
    public void insertPart(UUID reviewId, ReviewPart part) {
        jdbc.sql(
                        """
                        update pathway.annual_review_part set replaced_at = :at
                        where review_id = :review and discipline = :d and replaced_at is null""")
                .param("review", reviewId)
                .param("d", part.discipline().name())
                .param("at", utc(part.enteredAt()))
                .update();
        jdbc.sql(
                        """
                        insert into pathway.annual_review_part (id, review_id, discipline, assessment, care_plan,
                            entered_at, entered_by, entered_by_name, entered_by_role)
                        values (:id, :review, :d, :assessment, :plan, :at, :by, :name, :role)""")
                .param("id", part.id())
                .param("review", reviewId)
                .param("d", part.discipline().name())
                .param("assessment", part.assessment())
                .param("plan", part.carePlan())
                .param("at", utc(part.enteredAt()))
                .param("by", part.enteredBy())
                .param("name", part.enteredByName())
                .param("role", part.enteredByRole())
                .update();
    }

    private Map<Discipline, ReviewPart> currentParts(UUID reviewId) {
        Map<Discipline, ReviewPart> parts = new EnumMap<>(Discipline.class);
        jdbc.sql(
                        """
                        select id, discipline, assessment, care_plan, entered_at, entered_by, entered_by_name,
                            entered_by_role
                        from pathway.annual_review_part where review_id = :review and replaced_at is null""")
                .param("review", reviewId)
                .query((rs, n) -> new ReviewPart(
                        rs.getObject("id", UUID.class),
                        Discipline.valueOf(rs.getString("discipline")),
                        rs.getString("assessment"),
                        rs.getString("care_plan"),
                        rs.getObject("entered_at", OffsetDateTime.class).toInstant(),
                        rs.getString("entered_by"),
                        rs.getString("entered_by_name"),
                        rs.getString("entered_by_role")))
                .list()
                .forEach(p -> parts.put(p.discipline(), p));
        return parts;
    }

    private AnnualReview review(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new AnnualReview(
                id,
                rs.getObject("patient_id", UUID.class),
                rs.getObject("centre_id", UUID.class),
                rs.getObject("due", LocalDate.class),
                ReviewStatus.valueOf(rs.getString("status")),
                rs.getInt("version"),
                JSON.readValue(rs.getString("figures"), ReviewFigures.class),
                currentParts(id),
                rs.getString("gp"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                rs.getString("opened_by"),
                instant(rs, "completed_at"),
                rs.getString("completed_by"),
                rs.getString("completed_by_name"),
                rs.getObject("completed_on", LocalDate.class));
    }

    // ---- shared decisions

    public void insertDecision(SharedDecision d) {
        jdbc.sql(
                        """
                        insert into pathway.shared_decision (id, patient_id, review_id, decided_on, plan_change,
                            options_discussed, what_matters, choice, agreed_by, recorded_at, recorded_by,
                            recorded_by_name)
                        values (:id, :patient, :review, :on, :change, :options, :matters, :choice, :agreed, :at, :by,
                            :name)""")
                .param("id", d.id())
                .param("patient", d.patientId())
                .param("review", d.reviewId())
                .param("on", d.decidedOn())
                .param("change", d.planChange())
                .param("options", d.optionsDiscussed())
                .param("matters", d.whatMatters())
                .param("choice", d.choice())
                .param("agreed", d.agreedBy())
                .param("at", utc(d.recordedAt()))
                .param("by", d.recordedBy())
                .param("name", d.recordedByName())
                .update();
    }

    /** The patient's decisions, newest first, voided ones included. */
    public List<SharedDecision> decisionsOf(UUID patientId) {
        return jdbc.sql("select " + DECISION_COLUMNS
                        + " where patient_id = :p order by decided_on desc, recorded_at desc")
                .param("p", patientId)
                .query(AnnualReviewQueries::decision)
                .list();
    }

    public Optional<SharedDecision> decision(UUID id) {
        return jdbc.sql("select " + DECISION_COLUMNS + " where id = :id")
                .param("id", id)
                .query(AnnualReviewQueries::decision)
                .optional();
    }

    public boolean voidDecision(UUID id, Instant at, String by, String reason) {
        return jdbc.sql(
                                """
                        update pathway.shared_decision set voided_at = :at, voided_by = :by, void_reason = :reason
                        where id = :id and voided_at is null""")
                        .param("id", id)
                        .param("at", utc(at))
                        .param("by", by)
                        .param("reason", reason)
                        .update()
                == 1;
    }

    private static SharedDecision decision(ResultSet rs, int n) throws SQLException {
        return new SharedDecision(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("review_id", UUID.class),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("plan_change"),
                rs.getString("options_discussed"),
                rs.getString("what_matters"),
                rs.getString("choice"),
                rs.getString("agreed_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("recorded_by"),
                rs.getString("recorded_by_name"),
                instant(rs, "voided_at"),
                rs.getString("voided_by"),
                rs.getString("void_reason"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
