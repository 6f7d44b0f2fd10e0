package org.hemonet.diary.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.diary.Bleed;
import org.hemonet.diary.BleedCause;
import org.hemonet.diary.BleedSite;
import org.hemonet.diary.DoseUnit;
import org.hemonet.diary.Infusion;
import org.hemonet.diary.InfusionReason;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The diary's SQL (CONVENTIONS rule 3). Rows are inserted and voided, never deleted. */
@Repository
public class DiaryQueries {

    private final JdbcClient jdbc;

    DiaryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a bleed; false when a row with its id exists already (a retried client entry). */
    public boolean insertBleed(Bleed b) {
        return jdbc.sql(
                                """
                        insert into diary.bleed (id, patient_id, started_at, site, cause, pain, joint_immobilising,
                            days_lost_school, days_lost_work, note, recorded_at, recorded_by)
                        values (:id, :patient, :startedAt, :site, :cause, :pain, :immobilising, :school, :work, :note,
                            :recordedAt, :recordedBy)
                        on conflict (id) do nothing""")
                        .param("id", b.id())
                        .param("patient", b.patientId())
                        .param("startedAt", Timestamp.from(b.startedAt()))
                        .param("site", b.site().name())
                        .param("cause", b.cause().name())
                        .param("pain", b.pain())
                        .param("immobilising", b.jointImmobilising())
                        .param("school", b.daysLostSchool())
                        .param("work", b.daysLostWork())
                        .param("note", b.note())
                        .param("recordedAt", Timestamp.from(b.recordedAt()))
                        .param("recordedBy", b.recordedBy())
                        .update()
                == 1;
    }

    public boolean insertInfusion(Infusion i) {
        return jdbc.sql(
                                """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, batch_number, dose, unit,
                            reason, bleed_id, given_by, note, recorded_at, recorded_by)
                        values (:id, :patient, :at, :product, :batch, :dose, :unit, :reason, :bleed, :givenBy, :note,
                            :recordedAt, :recordedBy)
                        on conflict (id) do nothing""")
                        .param("id", i.id())
                        .param("patient", i.patientId())
                        .param("at", Timestamp.from(i.administeredAt()))
                        .param("product", i.productId())
                        .param("batch", i.batchNumber())
                        .param("dose", i.dose())
                        .param("unit", i.unit().name())
                        .param("reason", i.reason().name())
                        .param("bleed", i.bleedId())
                        .param("givenBy", i.givenBy())
                        .param("note", i.note())
                        .param("recordedAt", Timestamp.from(i.recordedAt()))
                        .param("recordedBy", i.recordedBy())
                        .update()
                == 1;
    }

    public Optional<Bleed> bleed(UUID id) {
        return jdbc.sql("select * from diary.bleed where id = :id")
                .param("id", id)
                .query(DiaryQueries::bleed)
                .optional();
    }

    public Optional<Infusion> infusion(UUID id) {
        return jdbc.sql("select * from diary.infusion where id = :id")
                .param("id", id)
                .query(DiaryQueries::infusion)
                .optional();
    }

    /** A patient's bleeds in time order, voided ones included. */
    public List<Bleed> bleeds(UUID patientId) {
        return jdbc.sql("select * from diary.bleed where patient_id = :p order by started_at, id")
                .param("p", patientId)
                .query(DiaryQueries::bleed)
                .list();
    }

    public List<Infusion> infusions(UUID patientId) {
        return jdbc.sql("select * from diary.infusion where patient_id = :p order by administered_at, id")
                .param("p", patientId)
                .query(DiaryQueries::infusion)
                .list();
    }

    /** The bleeds, not voided, of several patients in time order: for read models over a centre (issue 6). */
    public List<Bleed> bleedsOf(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select * from diary.bleed where patient_id in (:ids) and voided_at is null
                        order by patient_id, started_at, id""")
                .param("ids", List.copyOf(patientIds))
                .query(DiaryQueries::bleed)
                .list();
    }

    /**
     * The infusions, not voided, of several patients that treat a bleed (any time) or were given at or after
     * {@code since}, in time order: a centre's read model needs the episodes and only the recent prophylaxis. Two
     * index range reads (by patient and time; by bleed), never a patient's whole infusion history.
     */
    public List<Infusion> infusionsOf(Collection<UUID> patientIds, Instant since) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select * from diary.infusion
                        where patient_id in (:ids) and administered_at >= :since and voided_at is null
                        union
                        select i.* from diary.bleed b
                          join diary.infusion i on i.bleed_id = b.id and i.patient_id = b.patient_id
                        where b.patient_id in (:ids) and i.reason = 'BLEED' and i.voided_at is null
                        order by patient_id, administered_at, id""")
                .param("ids", List.copyOf(patientIds))
                .param("since", Timestamp.from(since))
                .query(DiaryQueries::infusion)
                .list();
    }

    /**
     * The first and last entry time (bleed start or infusion time, not voided) of each patient with a diary; each
     * minimum and maximum is one index probe of the (patient, time) indexes.
     */
    public Map<UUID, Instant[]> entrySpans(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Instant[]> spans = new HashMap<>();
        jdbc.sql(
                        """
                        select p.id,
                          least((select min(started_at) from diary.bleed b where b.patient_id = p.id and b.voided_at is null),
                                (select min(administered_at) from diary.infusion i
                                  where i.patient_id = p.id and i.voided_at is null)) as first_at,
                          greatest((select max(started_at) from diary.bleed b where b.patient_id = p.id and b.voided_at is null),
                                   (select max(administered_at) from diary.infusion i
                                     where i.patient_id = p.id and i.voided_at is null)) as last_at
                        from (select distinct unnest(array[:ids]::uuid[]) as id) p""")
                .param("ids", List.copyOf(patientIds))
                .query((rs, row) -> {
                    Timestamp first = rs.getTimestamp("first_at");
                    if (first != null) {
                        spans.put(rs.getObject("id", UUID.class), new Instant[] {
                            first.toInstant(), rs.getTimestamp("last_at").toInstant()
                        });
                    }
                    return row;
                })
                .list();
        return spans;
    }

    /** Voids a bleed that is not voided yet; false when there was none to void. */
    public boolean voidBleed(UUID id, UUID patientId, Instant at, String by, String reason) {
        return jdbc.sql(
                                """
                        update diary.bleed set voided_at = :at, voided_by = :by, void_reason = :reason
                        where id = :id and patient_id = :p and voided_at is null""")
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("reason", reason)
                        .param("id", id)
                        .param("p", patientId)
                        .update()
                == 1;
    }

    public boolean voidInfusion(UUID id, UUID patientId, Instant at, String by, String reason) {
        return jdbc.sql(
                                """
                        update diary.infusion set voided_at = :at, voided_by = :by, void_reason = :reason
                        where id = :id and patient_id = :p and voided_at is null""")
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("reason", reason)
                        .param("id", id)
                        .param("p", patientId)
                        .update()
                == 1;
    }

    static Bleed bleed(ResultSet rs, int row) throws SQLException {
        return new Bleed(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getTimestamp("started_at").toInstant(),
                BleedSite.valueOf(rs.getString("site")),
                BleedCause.valueOf(rs.getString("cause")),
                (Integer) rs.getObject("pain") == null ? null : rs.getInt("pain"),
                rs.getBoolean("joint_immobilising"),
                rs.getInt("days_lost_school"),
                rs.getInt("days_lost_work"),
                rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"),
                instant(rs.getTimestamp("voided_at")),
                rs.getString("voided_by"),
                rs.getString("void_reason"));
    }

    static Infusion infusion(ResultSet rs, int row) throws SQLException {
        return new Infusion(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getTimestamp("administered_at").toInstant(),
                rs.getObject("product_id", UUID.class),
                rs.getString("batch_number"),
                rs.getBigDecimal("dose"),
                DoseUnit.valueOf(rs.getString("unit")),
                InfusionReason.valueOf(rs.getString("reason")),
                rs.getObject("bleed_id", UUID.class),
                rs.getString("given_by"),
                rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"),
                instant(rs.getTimestamp("voided_at")),
                rs.getString("voided_by"),
                rs.getString("void_reason"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
