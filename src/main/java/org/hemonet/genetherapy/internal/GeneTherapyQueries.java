package org.hemonet.genetherapy.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.genetherapy.AntithrombinStep;
import org.hemonet.genetherapy.GeneTherapy;
import org.hemonet.genetherapy.GeneTherapyAlert;
import org.hemonet.genetherapy.GeneTherapySettings;
import org.hemonet.genetherapy.SteroidCourse;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The genetherapy module's SQL (schema {@code genetherapy}). */
@Repository
public class GeneTherapyQueries {

    private final JdbcClient jdbc;

    GeneTherapyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- product settings ----------------------------------------------------------------------------------------

    public Optional<GeneTherapySettings> settings(UUID productId) {
        return jdbc.sql("select * from genetherapy.product_setting where product_id = :id")
                .param("id", productId)
                .query((rs, n) -> new GeneTherapySettings(
                        rs.getInt("weekly_until_week"),
                        rs.getInt("fortnightly_until_week"),
                        rs.getInt("monthly_until_week"),
                        rs.getInt("long_term_interval_weeks"),
                        rs.getBigDecimal("alt_rise_factor").stripTrailingZeros(),
                        rs.getBoolean("alt_above_uln"),
                        rs.getBigDecimal("expression_floor").stripTrailingZeros(),
                        rs.getInt("expression_from_week")))
                .optional();
    }

    public void saveSettings(UUID productId, GeneTherapySettings s, String by, Instant at) {
        jdbc.sql(
                        """
                        insert into genetherapy.product_setting (product_id, weekly_until_week, fortnightly_until_week,
                            monthly_until_week, long_term_interval_weeks, alt_rise_factor, alt_above_uln,
                            expression_floor, expression_from_week, updated_by, updated_at)
                        values (:id, :weekly, :fortnightly, :monthly, :longTerm, :factor, :uln, :floor, :fromWeek,
                            :by, :at)
                        on conflict (product_id) do update set weekly_until_week = excluded.weekly_until_week,
                            fortnightly_until_week = excluded.fortnightly_until_week,
                            monthly_until_week = excluded.monthly_until_week,
                            long_term_interval_weeks = excluded.long_term_interval_weeks,
                            alt_rise_factor = excluded.alt_rise_factor, alt_above_uln = excluded.alt_above_uln,
                            expression_floor = excluded.expression_floor,
                            expression_from_week = excluded.expression_from_week,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("id", productId)
                .param("weekly", s.weeklyUntilWeek())
                .param("fortnightly", s.fortnightlyUntilWeek())
                .param("monthly", s.monthlyUntilWeek())
                .param("longTerm", s.longTermIntervalWeeks())
                .param("factor", s.altRiseFactor())
                .param("uln", s.altAboveUln())
                .param("floor", s.expressionFloorIuPerDl())
                .param("fromWeek", s.expressionFromWeek())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    // ---- gene therapies ------------------------------------------------------------------------------------------

    public void insert(GeneTherapy g) {
        jdbc.sql(
                        """
                        insert into genetherapy.gene_therapy (id, patient_id, product_id, batch_number, infused_on,
                            dose_vg_per_kg, weight_kg, aav_antibodies, aav_titre, baseline_alt, liver_health,
                            inhibitor_history, eligibility_notes, weekly_until_week, fortnightly_until_week,
                            monthly_until_week, long_term_interval_weeks, recorded_by, recorded_at)
                        values (:id, :patient, :product, :batch, :infused, :dose, :weight, :aav, :titre, :alt, :liver,
                            :inhibitor, :notes, :weekly, :fortnightly, :monthly, :longTerm, :by, :at)""")
                .param("id", g.id())
                .param("patient", g.patientId())
                .param("product", g.productId())
                .param("batch", g.batchNumber())
                .param("infused", g.infusedOn())
                .param("dose", g.doseVgPerKg())
                .param("weight", g.weightKg())
                .param("aav", g.aavAntibodies())
                .param("titre", g.aavTitre())
                .param("alt", g.baselineAlt())
                .param("liver", g.liverHealth())
                .param("inhibitor", g.inhibitorHistory())
                .param("notes", g.eligibilityNotes())
                .param("weekly", g.weeklyUntilWeek())
                .param("fortnightly", g.fortnightlyUntilWeek())
                .param("monthly", g.monthlyUntilWeek())
                .param("longTerm", g.longTermIntervalWeeks())
                .param("by", g.recordedBy())
                .param("at", Timestamp.from(g.recordedAt()))
                .update();
    }

    public Optional<GeneTherapy> find(UUID id) {
        return jdbc.sql("select * from genetherapy.gene_therapy where id = :id")
                .param("id", id)
                .query(GeneTherapyQueries::therapy)
                .optional();
    }

    /** The patient's valid gene therapy, if any. */
    public Optional<GeneTherapy> activeOf(UUID patientId) {
        return jdbc.sql("select * from genetherapy.gene_therapy where patient_id = :p and voided_at is null")
                .param("p", patientId)
                .query(GeneTherapyQueries::therapy)
                .optional();
    }

    /** The valid gene therapies of these patients. */
    public List<GeneTherapy> activeOf(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select * from genetherapy.gene_therapy where patient_id in (:p) and voided_at is null
                         order by infused_on""")
                .param("p", patientIds)
                .query(GeneTherapyQueries::therapy)
                .list();
    }

    public boolean voidTherapy(UUID id, String by, Instant at, String reason) {
        return jdbc.sql(
                                """
                                update genetherapy.gene_therapy set voided_at = :at, voided_by = :by,
                                    void_reason = :reason where id = :id and voided_at is null""")
                        .param("id", id)
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("reason", reason)
                        .update()
                == 1;
    }

    private static GeneTherapy therapy(ResultSet rs, int n) throws SQLException {
        Timestamp voided = rs.getTimestamp("voided_at");
        BigDecimal weight = rs.getBigDecimal("weight_kg");
        return new GeneTherapy(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getString("batch_number"),
                rs.getObject("infused_on", LocalDate.class),
                rs.getBigDecimal("dose_vg_per_kg"),
                weight == null ? null : weight.stripTrailingZeros(),
                rs.getString("aav_antibodies"),
                rs.getString("aav_titre"),
                rs.getBigDecimal("baseline_alt").stripTrailingZeros(),
                rs.getString("liver_health"),
                rs.getString("inhibitor_history"),
                rs.getString("eligibility_notes"),
                rs.getInt("weekly_until_week"),
                rs.getInt("fortnightly_until_week"),
                rs.getInt("monthly_until_week"),
                rs.getInt("long_term_interval_weeks"),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(),
                voided == null ? null : voided.toInstant());
    }

    // ---- alerts ---------------------------------------------------------------------------------------------------

    public void insertAlert(GeneTherapyAlert a) {
        jdbc.sql(
                        """
                        insert into genetherapy.alert (id, gene_therapy_id, patient_id, type, raised_on, raised_at,
                            lab_result_id, sampled_on, value, threshold)
                        values (:id, :gt, :patient, :type, :raisedOn, :raisedAt, :result, :sampled, :value, :threshold)
                        on conflict (lab_result_id, type) do nothing""")
                .param("id", a.id())
                .param("gt", a.geneTherapyId())
                .param("patient", a.patientId())
                .param("type", a.type())
                .param("raisedOn", a.raisedOn())
                .param("raisedAt", Timestamp.from(a.raisedAt()))
                .param("result", a.labResultId())
                .param("sampled", a.sampledOn())
                .param("value", a.value())
                .param("threshold", a.threshold())
                .update();
    }

    public List<GeneTherapyAlert> alertsOf(Collection<UUID> geneTherapyIds) {
        if (geneTherapyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from genetherapy.alert where gene_therapy_id in (:ids) order by raised_at, id")
                .param("ids", geneTherapyIds)
                .query(GeneTherapyQueries::alert)
                .list();
    }

    public Optional<GeneTherapyAlert> alert(UUID id) {
        return jdbc.sql("select * from genetherapy.alert where id = :id")
                .param("id", id)
                .query(GeneTherapyQueries::alert)
                .optional();
    }

    /** Acknowledges an open alert; false when it was acknowledged already. */
    public boolean acknowledge(UUID alertId, String by, Instant at, @Nullable String note) {
        return jdbc.sql(
                                """
                                update genetherapy.alert set acknowledged_at = :at, acknowledged_by = :by,
                                    acknowledgement_note = :note where id = :id and acknowledged_at is null""")
                        .param("id", alertId)
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("note", note)
                        .update()
                == 1;
    }

    private static GeneTherapyAlert alert(ResultSet rs, int n) throws SQLException {
        Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
        return new GeneTherapyAlert(
                rs.getObject("id", UUID.class),
                rs.getObject("gene_therapy_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getString("type"),
                rs.getObject("raised_on", LocalDate.class),
                rs.getTimestamp("raised_at").toInstant(),
                rs.getObject("lab_result_id", UUID.class),
                rs.getObject("sampled_on", LocalDate.class),
                rs.getBigDecimal("value").stripTrailingZeros(),
                rs.getBigDecimal("threshold").stripTrailingZeros(),
                acknowledged != null,
                rs.getString("acknowledged_by"),
                acknowledged == null ? null : acknowledged.toInstant(),
                rs.getString("acknowledgement_note"));
    }

    // ---- steroid courses ------------------------------------------------------------------------------------------

    public void insertCourse(
            UUID id,
            UUID geneTherapyId,
            UUID patientId,
            @Nullable UUID alertId,
            String drug,
            LocalDate startedOn,
            String by,
            Instant at) {
        jdbc.sql(
                        """
                        insert into genetherapy.steroid_course (id, gene_therapy_id, patient_id, alert_id, drug,
                            started_on, recorded_by, recorded_at)
                        values (:id, :gt, :patient, :alert, :drug, :started, :by, :at)""")
                .param("id", id)
                .param("gt", geneTherapyId)
                .param("patient", patientId)
                .param("alert", alertId)
                .param("drug", drug)
                .param("started", startedOn)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void insertStep(UUID courseId, LocalDate from, BigDecimal dose, String by, Instant at) {
        jdbc.sql(
                        """
                        insert into genetherapy.steroid_step (id, course_id, from_on, dose_mg_per_day, recorded_by,
                            recorded_at)
                        values (:id, :course, :from, :dose, :by, :at)""")
                .param("id", UUID.randomUUID())
                .param("course", courseId)
                .param("from", from)
                .param("dose", dose)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    public List<SteroidCourse> coursesOf(UUID geneTherapyId) {
        record Row(UUID id, UUID gt, @Nullable UUID alert, String drug, LocalDate started, String by) {}
        List<Row> rows = jdbc.sql(
                        "select * from genetherapy.steroid_course where gene_therapy_id = :gt order by started_on, id")
                .param("gt", geneTherapyId)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("gene_therapy_id", UUID.class),
                        rs.getObject("alert_id", UUID.class),
                        rs.getString("drug"),
                        rs.getObject("started_on", LocalDate.class),
                        rs.getString("recorded_by")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<SteroidCourse.Step>> steps = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select course_id, from_on, dose_mg_per_day from genetherapy.steroid_step
                         where course_id in (:ids) order by from_on""")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> {
                    steps.computeIfAbsent(rs.getObject("course_id", UUID.class), k -> new ArrayList<>())
                            .add(new SteroidCourse.Step(
                                    rs.getObject("from_on", LocalDate.class),
                                    rs.getBigDecimal("dose_mg_per_day").stripTrailingZeros()));
                    return 0;
                })
                .list();
        return rows.stream()
                .map(r -> new SteroidCourse(
                        r.id(),
                        r.gt(),
                        r.alert(),
                        r.drug(),
                        r.started(),
                        steps.getOrDefault(r.id(), List.of()),
                        r.by()))
                .toList();
    }

    // ---- antithrombin lowering --------------------------------------------------------------------------------------

    /** An antithrombin-lowering course: the label step it is on since when. */
    public record AtCourse(
            UUID id,
            UUID patientId,
            UUID productId,
            LocalDate startedOn,
            AntithrombinStep step,
            LocalDate stepSince,
            @Nullable LocalDate stoppedOn,
            String recordedBy,
            int version) {}

    public void insertAtCourse(AtCourse c, Instant at) {
        jdbc.sql(
                        """
                        insert into genetherapy.at_course (id, patient_id, product_id, started_on, step, step_since,
                            recorded_by, recorded_at)
                        values (:id, :patient, :product, :started, :step, :since, :by, :at)""")
                .param("id", c.id())
                .param("patient", c.patientId())
                .param("product", c.productId())
                .param("started", c.startedOn())
                .param("step", c.step().name())
                .param("since", c.stepSince())
                .param("by", c.recordedBy())
                .param("at", Timestamp.from(at))
                .update();
    }

    public Optional<AtCourse> activeAtCourse(UUID patientId) {
        return jdbc.sql("select * from genetherapy.at_course where patient_id = :p and stopped_on is null")
                .param("p", patientId)
                .query(GeneTherapyQueries::atCourse)
                .optional();
    }

    public List<AtCourse> activeAtCourses(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from genetherapy.at_course where patient_id in (:p) and stopped_on is null")
                .param("p", patientIds)
                .query(GeneTherapyQueries::atCourse)
                .list();
    }

    /** Moves the course to a step (or stops it, {@code step} null) when it is still at {@code version}. */
    public boolean changeAtCourse(UUID id, int version, @Nullable AntithrombinStep step, LocalDate on) {
        return jdbc.sql(
                                """
                                update genetherapy.at_course
                                   set step = coalesce(cast(:step as text), step),
                                       step_since = case when cast(:step as text) is null then step_since else :on end,
                                       stopped_on = case when cast(:step as text) is null then :on else stopped_on end,
                                       version = version + 1
                                 where id = :id and version = :version and stopped_on is null""")
                        .param("id", id)
                        .param("version", version)
                        .param("step", step == null ? null : step.name())
                        .param("on", on)
                        .update()
                == 1;
    }

    private static AtCourse atCourse(ResultSet rs, int n) throws SQLException {
        return new AtCourse(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getObject("started_on", LocalDate.class),
                AntithrombinStep.valueOf(rs.getString("step")),
                rs.getObject("step_since", LocalDate.class),
                rs.getObject("stopped_on", LocalDate.class),
                rs.getString("recorded_by"),
                rs.getInt("version"));
    }

    /** A stored recommendation. */
    public record AtRecommendation(
            UUID id,
            UUID courseId,
            UUID patientId,
            UUID labResultId,
            LocalDate sampledOn,
            BigDecimal antithrombinPercent,
            AntithrombinStep fromStep,
            String action,
            @Nullable AntithrombinStep toStep,
            String status,
            Instant createdAt,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt) {}

    public void insertRecommendation(AtRecommendation r) {
        jdbc.sql(
                        """
                        update genetherapy.at_recommendation set status = 'SUPERSEDED'
                         where course_id = :course and status = 'PENDING'""")
                .param("course", r.courseId())
                .update();
        jdbc.sql(
                        """
                        insert into genetherapy.at_recommendation (id, course_id, patient_id, lab_result_id,
                            sampled_on, antithrombin_percent, from_step, action, to_step, status, created_at)
                        values (:id, :course, :patient, :result, :sampled, :at, :from, :action, :to, 'PENDING',
                            :created)""")
                .param("id", r.id())
                .param("course", r.courseId())
                .param("patient", r.patientId())
                .param("result", r.labResultId())
                .param("sampled", r.sampledOn())
                .param("at", r.antithrombinPercent())
                .param("from", r.fromStep().name())
                .param("action", r.action())
                .param("to", r.toStep() == null ? null : r.toStep().name())
                .param("created", Timestamp.from(r.createdAt()))
                .update();
    }

    public List<AtRecommendation> recommendationsOf(UUID patientId) {
        return jdbc.sql(
                        """
                        select * from genetherapy.at_recommendation where patient_id = :p
                         order by sampled_on desc, created_at desc""")
                .param("p", patientId)
                .query(GeneTherapyQueries::recommendation)
                .list();
    }

    public List<AtRecommendation> pendingRecommendations(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select * from genetherapy.at_recommendation where patient_id in (:p) and status = 'PENDING'
                         order by created_at""")
                .param("p", patientIds)
                .query(GeneTherapyQueries::recommendation)
                .list();
    }

    public Optional<AtRecommendation> recommendation(UUID id) {
        return jdbc.sql("select * from genetherapy.at_recommendation where id = :id")
                .param("id", id)
                .query(GeneTherapyQueries::recommendation)
                .optional();
    }

    public boolean decide(UUID id, String status, String by, Instant at) {
        return jdbc.sql(
                                """
                                update genetherapy.at_recommendation set status = :status, decided_by = :by,
                                    decided_at = :at where id = :id and status = 'PENDING'""")
                        .param("id", id)
                        .param("status", status)
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    private static AtRecommendation recommendation(ResultSet rs, int n) throws SQLException {
        String to = rs.getString("to_step");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new AtRecommendation(
                rs.getObject("id", UUID.class),
                rs.getObject("course_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("lab_result_id", UUID.class),
                rs.getObject("sampled_on", LocalDate.class),
                rs.getBigDecimal("antithrombin_percent").stripTrailingZeros(),
                AntithrombinStep.valueOf(rs.getString("from_step")),
                rs.getString("action"),
                to == null ? null : AntithrombinStep.valueOf(to),
                rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("decided_by"),
                decided == null ? null : decided.toInstant());
    }
}
