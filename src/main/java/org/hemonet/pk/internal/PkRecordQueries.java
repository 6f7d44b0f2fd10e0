package org.hemonet.pk.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hemonet.pk.FactorLevel;
import org.hemonet.pk.PkEstimate;
import org.hemonet.pk.PkStudy;
import org.hemonet.pk.SavedStudy;
import org.hemonet.pk.StudySummary;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pk module's SQL (schema {@code pk}, see {@code db/migration/pk}; CONVENTIONS rule 3): saved studies and
 * factor-level lab results. Rows are inserted and voided, never deleted. The study and its estimate are stored as JSON
 * documents of the module's own value types.
 */
@Repository
public class PkRecordQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PkRecordQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertFactorLevel(FactorLevel level) {
        jdbc.sql(
                        """
                        insert into pk.factor_level (id, patient_id, taken_at, iu_per_dl, below_loq, note, entered_by,
                            entered_role, entered_at)
                        values (:id, :patient, :takenAt, :level, :belowLoq, :note, :by, :role, :at)""")
                .param("id", level.id())
                .param("patient", level.patientId())
                .param("takenAt", Timestamp.from(level.takenAt()))
                .param("level", level.iuPerDl())
                .param("belowLoq", level.belowLoq())
                .param("note", level.note())
                .param("by", level.enteredBy())
                .param("role", level.enteredRole())
                .param("at", Timestamp.from(level.enteredAt()))
                .update();
    }

    /** A patient's lab results, newest sample first, voided ones included. */
    public List<FactorLevel> factorLevels(UUID patientId) {
        return jdbc.sql("select * from pk.factor_level where patient_id = :patient order by taken_at desc, id")
                .param("patient", patientId)
                .query(PkRecordQueries::factorLevel)
                .list();
    }

    public void insertStudy(SavedStudy s) {
        jdbc.sql(
                        """
                        insert into pk.study (id, patient_id, model, study, estimate, infusion_ids, factor_level_ids,
                            target_trough_iu_per_dl, half_life_hours, half_life_lo90, half_life_hi90, samples_used,
                            entered_by, entered_at)
                        values (:id, :patient, :model, cast(:study as jsonb), cast(:estimate as jsonb),
                            cast(:infusions as uuid[]), cast(:levels as uuid[]), :trough, :halfLife, :lo, :hi,
                            :samplesUsed, :by, :at)""")
                .param("id", s.id())
                .param("patient", s.patientId())
                .param("model", s.model())
                .param("study", JSON.writeValueAsString(s.study()))
                .param("estimate", JSON.writeValueAsString(s.estimate()))
                .param("infusions", array(s.infusionIds()))
                .param("levels", array(s.factorLevelIds()))
                .param("trough", s.targetTroughIuPerDl())
                .param("halfLife", s.estimate().halfLifeHours())
                .param("lo", s.estimate().halfLifeCi90().get(0))
                .param("hi", s.estimate().halfLifeCi90().get(1))
                .param("samplesUsed", s.estimate().samplesUsed())
                .param("by", s.enteredBy())
                .param("at", Timestamp.from(s.enteredAt()))
                .update();
    }

    /** A patient's studies, newest first, voided ones included (they show as voided). */
    public List<StudySummary> studies(UUID patientId) {
        return jdbc.sql(
                        """
                        select id, model, entered_at, entered_by, half_life_hours, half_life_lo90, half_life_hi90,
                            samples_used, signed_off_at, voided_at, void_reason
                        from pk.study where patient_id = :patient order by entered_at desc, id""")
                .param("patient", patientId)
                .query((rs, n) -> new StudySummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("model"),
                        instant(rs, "entered_at"),
                        rs.getString("entered_by"),
                        rs.getDouble("half_life_hours"),
                        rs.getDouble("half_life_lo90"),
                        rs.getDouble("half_life_hi90"),
                        rs.getInt("samples_used"),
                        nullableInstant(rs, "signed_off_at"),
                        nullableInstant(rs, "voided_at"),
                        rs.getString("void_reason")))
                .list();
    }

    public Optional<SavedStudy> study(UUID patientId, UUID studyId) {
        return jdbc.sql("select * from pk.study where patient_id = :patient and id = :id")
                .param("patient", patientId)
                .param("id", studyId)
                .query(PkRecordQueries::savedStudy)
                .optional();
    }

    /** The study the latest sign-off came from, if any study of the patient was signed off and is not voided. */
    public Optional<SavedStudy> latestSignedOff(UUID patientId) {
        return jdbc.sql(
                        """
                        select * from pk.study where patient_id = :patient and signed_off_at is not null
                            and voided_at is null
                        order by signed_off_at desc, id limit 1""")
                .param("patient", patientId)
                .query(PkRecordQueries::savedStudy)
                .optional();
    }

    public boolean markSignedOff(UUID studyId, Instant at, String by, UUID planId) {
        return jdbc.sql(
                                """
                        update pk.study set signed_off_at = :at, signed_off_by = :by, signed_off_plan_id = :plan
                        where id = :id and voided_at is null""")
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("plan", planId)
                        .param("id", studyId)
                        .update()
                == 1;
    }

    public boolean voidStudy(UUID studyId, Instant at, String by, String reason) {
        return jdbc.sql(
                                """
                        update pk.study set voided_at = :at, voided_by = :by, void_reason = :reason
                        where id = :id and voided_at is null""")
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("reason", reason)
                        .param("id", studyId)
                        .update()
                == 1;
    }

    private static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static FactorLevel factorLevel(ResultSet rs, int row) throws SQLException {
        return new FactorLevel(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                instant(rs, "taken_at"),
                rs.getBigDecimal("iu_per_dl").doubleValue(),
                rs.getBoolean("below_loq"),
                rs.getString("note"),
                rs.getString("entered_by"),
                rs.getString("entered_role"),
                instant(rs, "entered_at"),
                nullableInstant(rs, "voided_at"));
    }

    private static SavedStudy savedStudy(ResultSet rs, int row) throws SQLException {
        return new SavedStudy(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                JSON.readValue(rs.getString("study"), PkStudy.class),
                JSON.readValue(rs.getString("estimate"), PkEstimate.class),
                uuids(rs.getArray("infusion_ids")),
                uuids(rs.getArray("factor_level_ids")),
                rs.getDouble("target_trough_iu_per_dl"),
                rs.getString("entered_by"),
                instant(rs, "entered_at"),
                nullableInstant(rs, "signed_off_at"),
                rs.getString("signed_off_by"),
                rs.getObject("signed_off_plan_id", UUID.class),
                nullableInstant(rs, "voided_at"),
                rs.getString("voided_by"),
                rs.getString("void_reason"));
    }

    private static List<UUID> uuids(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
