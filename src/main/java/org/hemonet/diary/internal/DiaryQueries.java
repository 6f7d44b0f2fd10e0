package org.hemonet.diary.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

    /**
     * The bleeds of many patients from {@code from} (inclusive) to {@code to} (exclusive), voided ones left out, in one
     * query (cohort outcomes, issue 6). Uses the (patient_id, started_at) index.
     */
    public List<Bleed> bleedsOf(java.util.Collection<UUID> patientIds, Instant from, Instant to) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select * from diary.bleed where patient_id in (:ids) and voided_at is null
                          and started_at >= :from and started_at < :to order by patient_id, started_at, id""")
                .param("ids", List.copyOf(patientIds))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(DiaryQueries::bleed)
                .list();
    }

    /** The infusions of many patients from {@code from} (inclusive) to {@code to} (exclusive), voided ones left out. */
    public List<Infusion> infusionsOf(java.util.Collection<UUID> patientIds, Instant from, Instant to) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select * from diary.infusion where patient_id in (:ids) and voided_at is null
                          and administered_at >= :from and administered_at < :to
                        order by patient_id, administered_at, id""")
                .param("ids", List.copyOf(patientIds))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(DiaryQueries::infusion)
                .list();
    }

    /** The time of each patient's first living diary entry (bleed or infusion); patients without one are absent. */
    public java.util.Map<UUID, Instant> firstEntries(java.util.Collection<UUID> patientIds) {
        java.util.Map<UUID, Instant> first = new java.util.HashMap<>();
        if (patientIds.isEmpty()) {
            return first;
        }
        jdbc.sql(
                        """
                        select patient_id, min(t) as first from (
                          select patient_id, min(started_at) as t from diary.bleed
                          where patient_id in (:ids) and voided_at is null group by patient_id
                          union all
                          select patient_id, min(administered_at) from diary.infusion
                          where patient_id in (:ids) and voided_at is null group by patient_id) e
                        group by patient_id""")
                .param("ids", List.copyOf(patientIds))
                .query(rs -> {
                    first.put(
                            rs.getObject("patient_id", UUID.class),
                            rs.getTimestamp("first").toInstant());
                });
        return first;
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
