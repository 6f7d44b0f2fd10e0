package org.hemonet.supply.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.product.DoseUnit;
import org.hemonet.supply.SurgeryKind;
import org.hemonet.supply.SurgeryPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of surgery factor plans. */
@Repository
public class SurgeryPlanQueries {

    private static final String PLAN =
            """
            select id, patient_id, centre_id, operation, operation_date, kind, product_id, unit, weight_kg, recovery,
                   created_by_name, created_at, voided_at, version
            from supply.surgery_plan
            """;

    private final JdbcClient jdbc;

    SurgeryPlanQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SurgeryPlan plan, UUID createdBy) {
        jdbc.sql(
                        """
                        insert into supply.surgery_plan (id, patient_id, centre_id, operation, operation_date, kind,
                            product_id, unit, weight_kg, recovery, created_by, created_by_name, created_at)
                        values (:id, :p, :c, :operation, :date, :kind, :product, :unit, :kg, :recovery, :by, :byName,
                            :at)
                        """)
                .param("id", plan.id())
                .param("p", plan.patientId())
                .param("c", plan.centreId())
                .param("operation", plan.operation())
                .param("date", plan.operationDate())
                .param("kind", plan.kind().name())
                .param("product", plan.productId())
                .param("unit", plan.unit().name())
                .param("kg", plan.weightKg())
                .param("recovery", plan.recovery())
                .param("by", createdBy)
                .param("byName", plan.createdBy())
                .param("at", OffsetDateTime.ofInstant(plan.createdAt(), ZoneOffset.UTC))
                .update();
        for (SurgeryPlan.Phase phase : plan.phases()) {
            jdbc.sql(
                            """
                            insert into supply.surgery_plan_phase (id, surgery_plan_id, from_day, to_day,
                                low_iu_per_dl, high_iu_per_dl, dose)
                            values (:id, :plan, :from, :to, :low, :high, :dose)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("plan", plan.id())
                    .param("from", phase.fromDay())
                    .param("to", phase.toDay())
                    .param("low", phase.lowIuPerDl())
                    .param("high", phase.highIuPerDl())
                    .param("dose", phase.dose())
                    .update();
        }
    }

    /** The patient's living surgery plans, soonest operation last (newest first). */
    public List<SurgeryPlan> ofPatient(UUID patientId) {
        return plans(
                PLAN + " where patient_id = :p and voided_at is null order by operation_date desc, created_at desc",
                Map.of("p", patientId));
    }

    public Optional<SurgeryPlan> find(UUID patientId, UUID id) {
        return plans(PLAN + " where patient_id = :p and id = :id", Map.of("p", patientId, "id", id)).stream()
                .findFirst();
    }

    public boolean voidPlan(UUID id, int version, UUID by, String reason) {
        return jdbc.sql(
                                """
                        update supply.surgery_plan
                        set voided_at = now(), voided_by = :by, void_reason = :reason, version = version + 1
                        where id = :id and version = :version and voided_at is null
                        """)
                        .param("by", by)
                        .param("reason", reason)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    private List<SurgeryPlan> plans(String sql, Map<String, Object> params) {
        record Row(
                UUID id,
                UUID patientId,
                UUID centreId,
                String operation,
                LocalDate date,
                String kind,
                UUID productId,
                String unit,
                java.math.BigDecimal weight,
                java.math.BigDecimal recovery,
                String createdBy,
                OffsetDateTime createdAt,
                OffsetDateTime voidedAt,
                int version) {}
        List<Row> rows = jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class),
                        rs.getObject("centre_id", UUID.class),
                        rs.getString("operation"),
                        rs.getObject("operation_date", LocalDate.class),
                        rs.getString("kind"),
                        rs.getObject("product_id", UUID.class),
                        rs.getString("unit"),
                        rs.getBigDecimal("weight_kg"),
                        rs.getBigDecimal("recovery"),
                        rs.getString("created_by_name"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("voided_at", OffsetDateTime.class),
                        rs.getInt("version")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<SurgeryPlan.Phase>> phases = new HashMap<>();
        jdbc.sql(
                        """
                        select surgery_plan_id, from_day, to_day, low_iu_per_dl, high_iu_per_dl, dose
                        from supply.surgery_plan_phase where surgery_plan_id in (:ids) order by from_day
                        """)
                .param("ids", rows.stream().map(Row::id).toList())
                .query(rs -> {
                    phases.computeIfAbsent(rs.getObject("surgery_plan_id", UUID.class), k -> new ArrayList<>())
                            .add(new SurgeryPlan.Phase(
                                    rs.getInt("from_day"),
                                    rs.getInt("to_day"),
                                    rs.getInt("low_iu_per_dl"),
                                    rs.getInt("high_iu_per_dl"),
                                    rs.getBigDecimal("dose").intValue()));
                });
        return rows.stream()
                .map(r -> new SurgeryPlan(
                        r.id(),
                        r.patientId(),
                        r.centreId(),
                        r.operation(),
                        r.date(),
                        SurgeryKind.valueOf(r.kind()),
                        r.productId(),
                        DoseUnit.valueOf(r.unit()),
                        r.weight(),
                        r.recovery(),
                        phases.getOrDefault(r.id(), List.of()),
                        r.createdBy(),
                        r.createdAt().toInstant(),
                        r.voidedAt() == null ? null : r.voidedAt().toInstant(),
                        r.version()))
                .toList();
    }
}
