package org.hemonet.outcome.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.outcome.HjhsAssessment;
import org.hemonet.outcome.HjhsItem;
import org.hemonet.outcome.HjhsJoint;
import org.hemonet.outcome.JointScore;
import org.hemonet.outcome.ScoreContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outcome module's SQL (CONVENTIONS rule 3). Joint scores are inserted, superseded and voided, never deleted. */
@Repository
public class OutcomeQueries {

    private static final String GLOBAL = "GLOBAL";
    private static final String GAIT = "GAIT";

    private final JdbcClient jdbc;

    OutcomeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertJointScore(JointScore s) {
        jdbc.sql(
                        """
                        insert into outcome.joint_score (id, patient_id, assessed_on, assessor_username, assessor_role,
                            context, operation, operated_joint, note, replaces, correction_reason, recorded_at,
                            recorded_by)
                        values (:id, :patient, :assessedOn, :assessor, :role, :context, :operation, :joint, :note,
                            :replaces, :reason, :recordedAt, :recordedBy)""")
                .param("id", s.id())
                .param("patient", s.patientId())
                .param("assessedOn", Date.valueOf(s.assessedOn()))
                .param("assessor", s.assessorUsername())
                .param("role", s.assessorRole())
                .param("context", s.context().name())
                .param("operation", s.operation())
                .param(
                        "joint",
                        s.operatedJoint() == null ? null : s.operatedJoint().name())
                .param("note", s.note())
                .param("replaces", s.replaces())
                .param("reason", s.correctionReason())
                .param("recordedAt", Timestamp.from(s.recordedAt()))
                .param("recordedBy", s.recordedBy())
                .update();
        String sql = "insert into outcome.joint_score_item (score_id, joint, item, value, not_evaluable)"
                + " values (:score, :joint, :item, :value, :ne)";
        for (HjhsJoint joint : HjhsJoint.values()) {
            for (HjhsItem item : HjhsItem.values()) {
                Integer v = s.assessment().value(joint, item);
                jdbc.sql(sql)
                        .param("score", s.id())
                        .param("joint", joint.name())
                        .param("item", item.name())
                        .param("value", v)
                        .param("ne", v == null)
                        .update();
            }
        }
        Integer gait = s.assessment().gait();
        jdbc.sql(sql)
                .param("score", s.id())
                .param("joint", GLOBAL)
                .param("item", GAIT)
                .param("value", gait)
                .param("ne", gait == null)
                .update();
    }

    /** Marks a current score as replaced by a correction; false when it is not current (already replaced or voided). */
    public boolean supersede(UUID scoreId, UUID patientId, UUID by, Instant at) {
        return jdbc.sql(
                                """
                        update outcome.joint_score set superseded_by = :by, superseded_at = :at
                        where id = :id and patient_id = :patient and superseded_by is null and voided_at is null""")
                        .param("by", by)
                        .param("at", Timestamp.from(at))
                        .param("id", scoreId)
                        .param("patient", patientId)
                        .update()
                == 1;
    }

    public boolean voidScore(UUID scoreId, UUID patientId, Instant at, String by, String reason) {
        return jdbc.sql(
                                """
                        update outcome.joint_score set voided_at = :at, voided_by = :by, void_reason = :reason
                        where id = :id and patient_id = :patient and voided_at is null and superseded_by is null""")
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("reason", reason)
                        .param("id", scoreId)
                        .param("patient", patientId)
                        .update()
                == 1;
    }

    /** Every score of a patient (superseded and voided ones included), oldest assessment first. Two queries. */
    public List<JointScore> jointScores(UUID patientId) {
        List<Row> rows = jdbc.sql(
                        """
                        select * from outcome.joint_score where patient_id = :p
                        order by assessed_on, recorded_at, id""")
                .param("p", patientId)
                .query(OutcomeQueries::row)
                .list();
        Map<UUID, Map<String, @Nullable Integer>> items = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select i.score_id, i.joint, i.item, i.value from outcome.joint_score_item i
                        join outcome.joint_score s on s.id = i.score_id where s.patient_id = :p""")
                .param("p", patientId)
                .query(rs -> {
                    UUID id = rs.getObject("score_id", UUID.class);
                    int v = rs.getInt("value");
                    Integer value = rs.wasNull() ? null : v;
                    items.computeIfAbsent(id, k -> new LinkedHashMap<>())
                            .put(rs.getString("joint") + "." + rs.getString("item"), value);
                });
        List<JointScore> scores = new ArrayList<>();
        for (Row r : rows) {
            scores.add(r.toScore(assessment(items.getOrDefault(r.id, Map.of()))));
        }
        return scores;
    }

    public Optional<JointScore> jointScore(UUID patientId, UUID scoreId) {
        return jointScores(patientId).stream()
                .filter(s -> s.id().equals(scoreId))
                .findFirst();
    }

    private static HjhsAssessment assessment(Map<String, @Nullable Integer> items) {
        Map<HjhsJoint, Map<HjhsItem, @Nullable Integer>> joints = new EnumMap<>(HjhsJoint.class);
        for (HjhsJoint joint : HjhsJoint.values()) {
            Map<HjhsItem, @Nullable Integer> values = new EnumMap<>(HjhsItem.class);
            for (HjhsItem item : HjhsItem.values()) {
                values.put(item, items.get(joint.name() + "." + item.name()));
            }
            joints.put(joint, values);
        }
        return new HjhsAssessment(joints, items.get(GLOBAL + "." + GAIT));
    }

    private record Row(
            UUID id,
            UUID patientId,
            java.time.LocalDate assessedOn,
            String assessor,
            String role,
            ScoreContext context,
            @Nullable String operation,
            @Nullable HjhsJoint joint,
            @Nullable String note,
            @Nullable UUID replaces,
            @Nullable String reason,
            @Nullable UUID supersededBy,
            Instant recordedAt,
            String recordedBy,
            @Nullable Instant voidedAt,
            @Nullable String voidedBy,
            @Nullable String voidReason) {

        JointScore toScore(HjhsAssessment a) {
            return new JointScore(
                    id,
                    patientId,
                    assessedOn,
                    assessor,
                    role,
                    context,
                    operation,
                    joint,
                    note,
                    a,
                    replaces,
                    reason,
                    supersededBy,
                    recordedAt,
                    recordedBy,
                    voidedAt,
                    voidedBy,
                    voidReason);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String joint = rs.getString("operated_joint");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getDate("assessed_on").toLocalDate(),
                rs.getString("assessor_username"),
                rs.getString("assessor_role"),
                ScoreContext.valueOf(rs.getString("context")),
                rs.getString("operation"),
                joint == null ? null : HjhsJoint.valueOf(joint),
                rs.getString("note"),
                rs.getObject("replaces", UUID.class),
                rs.getString("correction_reason"),
                rs.getObject("superseded_by", UUID.class),
                instant(rs, "recorded_at"),
                rs.getString("recorded_by"),
                instantOrNull(rs, "voided_at"),
                rs.getString("voided_by"),
                rs.getString("void_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
