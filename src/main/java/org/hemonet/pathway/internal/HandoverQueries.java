package org.hemonet.pathway.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.pathway.Handover;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pathway module's SQL for hand-overs to adult care (schema {@code pathway}); rows are never deleted. */
@Repository
public class HandoverQueries {

    private static final String COLUMNS =
            """
            id, patient_id, from_centre_id, to_centre_id, handed_over_at, handed_over_by, handed_over_by_name,
            read_access_until, summary, age_years, stage, knows_diagnosis_and_product, self_infuses, orders_supplies,
            knows_emergency_plan from pathway.handover""";

    private final JdbcClient jdbc;

    HandoverQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Handover h) {
        jdbc.sql(
                        """
                        insert into pathway.handover (id, patient_id, from_centre_id, to_centre_id, handed_over_at,
                            handed_over_by, handed_over_by_name, read_access_until, summary, age_years, stage,
                            knows_diagnosis_and_product, self_infuses, orders_supplies, knows_emergency_plan)
                        values (:id, :patient, :from, :to, :at, :by, :name, :until, :summary, :age, :stage, :knows,
                            :self, :orders, :plan)""")
                .param("id", h.id())
                .param("patient", h.patientId())
                .param("from", h.fromCentreId())
                .param("to", h.toCentreId())
                .param("at", h.handedOverAt().atOffset(ZoneOffset.UTC))
                .param("by", h.handedOverBy())
                .param("name", h.handedOverByName())
                .param("until", h.readAccessUntil().atOffset(ZoneOffset.UTC))
                .param("summary", h.summary())
                .param("age", h.ageYears())
                .param("stage", h.stage())
                .param("knows", h.knowsDiagnosisAndProduct())
                .param("self", h.selfInfuses())
                .param("orders", h.ordersSupplies())
                .param("plan", h.knowsEmergencyPlan())
                .update();
    }

    public Optional<Handover> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " where id = :id")
                .param("id", id)
                .query(HandoverQueries::handover)
                .optional();
    }

    /** Hand-overs from or to any of the centres, newest first. */
    public List<Handover> ofCentres(Collection<UUID> centreIds, int limit) {
        if (centreIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS
                        + " where from_centre_id in (:c) or to_centre_id in (:c) order by handed_over_at desc limit :n")
                .param("c", centreIds)
                .param("n", limit)
                .query(HandoverQueries::handover)
                .list();
    }

    /** The latest hand-over of each patient that has one. */
    public java.util.Map<UUID, UUID> latestByPatient(Collection<UUID> patientIds) {
        java.util.Map<UUID, UUID> latest = new java.util.HashMap<>();
        if (patientIds.isEmpty()) {
            return latest;
        }
        jdbc.sql(
                        """
                        select distinct on (patient_id) patient_id, id from pathway.handover
                        where patient_id in (:ids) order by patient_id, handed_over_at desc""")
                .param("ids", patientIds)
                .query((rs, n) -> latest.put(rs.getObject("patient_id", UUID.class), rs.getObject("id", UUID.class)))
                .list();
        return latest;
    }

    private static Handover handover(ResultSet rs, int n) throws SQLException {
        return new Handover(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("from_centre_id", UUID.class),
                rs.getObject("to_centre_id", UUID.class),
                rs.getObject("handed_over_at", OffsetDateTime.class).toInstant(),
                rs.getString("handed_over_by"),
                rs.getString("handed_over_by_name"),
                rs.getObject("read_access_until", OffsetDateTime.class).toInstant(),
                rs.getString("summary"),
                rs.getInt("age_years"),
                rs.getString("stage"),
                rs.getBoolean("knows_diagnosis_and_product"),
                rs.getBoolean("self_infuses"),
                rs.getBoolean("orders_supplies"),
                rs.getBoolean("knows_emergency_plan"));
    }
}
