package org.hemonet.supply;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hemonet.product.DoseUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of treatment plans. */
@Repository
class TreatmentPlanQueries {

    private static final String PLAN =
            """
            select id, patient_id, centre_id, regimen, product_id, bleed_product_id, unit, dose, dose_per_kg,
                   weight_kg, schedule_kind, schedule_interval, weekdays, dose_time, time_zone, valid_from, valid_to,
                   prescriber_id, prescriber_name, notes, version, created_at, voided_at
            from supply.treatment_plan
            """;

    private final JdbcClient jdbc;

    TreatmentPlanQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The living plans of a patient, newest first. */
    List<TreatmentPlan> ofPatient(UUID patientId) {
        return jdbc.sql(PLAN + " where patient_id = :p and voided_at is null order by valid_from desc, created_at desc")
                .param("p", patientId)
                .query(TreatmentPlanQueries::plan)
                .list();
    }

    /** The living plans of many patients in one query, newest first per patient. */
    List<TreatmentPlan> ofPatients(java.util.Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(PLAN
                        + " where patient_id in (:ids) and voided_at is null"
                        + " order by patient_id, valid_from desc, created_at desc")
                .param("ids", List.copyOf(patientIds))
                .query(TreatmentPlanQueries::plan)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from supply.treatment_plan")
                .query(Long.class)
                .single();
    }

    /** Ends the plans running on {@code from} the day before, and voids those that would start on or after it. */
    void makeRoomFor(UUID patientId, LocalDate from, UUID by, UUID newPlan) {
        jdbc.sql(
                        """
                        update supply.treatment_plan set valid_to = :before, version = version + 1
                        where patient_id = :p and voided_at is null and valid_from < :from
                          and (valid_to is null or valid_to >= :from)
                        """)
                .param("before", from.minusDays(1))
                .param("p", patientId)
                .param("from", from)
                .update();
        jdbc.sql(
                        """
                        update supply.treatment_plan
                        set voided_at = now(), voided_by = :by, void_reason = :reason, version = version + 1
                        where patient_id = :p and voided_at is null and valid_from >= :from
                        """)
                .param("by", by)
                .param("reason", "Replaced by plan " + newPlan)
                .param("p", patientId)
                .param("from", from)
                .update();
    }

    void insert(TreatmentPlan plan) {
        Schedule s = plan.schedule();
        jdbc.sql(
                        """
                        insert into supply.treatment_plan (id, patient_id, centre_id, regimen, product_id,
                            bleed_product_id, unit, dose, dose_per_kg, weight_kg, schedule_kind, schedule_interval,
                            weekdays, dose_time, time_zone, valid_from, valid_to, prescriber_id, prescriber_name,
                            notes, created_at)
                        values (:id, :patient, :centre, :regimen, :product, :bleedProduct, :unit, :dose, :perKg, :kg,
                            :kind, :interval, cast(:weekdays as text[]), :time, :zone, :from, :to, :prescriber,
                            :prescriberName, :notes, :createdAt)
                        """)
                .param("id", plan.id())
                .param("patient", plan.patientId())
                .param("centre", plan.centreId())
                .param("regimen", plan.regimen().name())
                .param("product", plan.productId())
                .param("bleedProduct", plan.bleedProductId())
                .param("unit", plan.unit().name())
                .param("dose", plan.dose())
                .param("perKg", plan.dosePerKg())
                .param("kg", plan.weightKg())
                .param("kind", s == null ? null : s.kind().name())
                .param("interval", s == null ? null : s.interval())
                .param(
                        "weekdays",
                        s == null
                                ? null
                                : s.weekdays().stream()
                                        .sorted()
                                        .map(DayOfWeek::name)
                                        .collect(Collectors.joining(",", "{", "}")))
                .param("time", s == null ? LocalTime.of(8, 0) : s.doseTime())
                .param("zone", s == null ? "Europe/London" : s.zone().getId())
                .param("from", plan.validFrom())
                .param("to", plan.validTo())
                .param("prescriber", plan.prescriberId())
                .param("prescriberName", plan.prescriberName())
                .param("notes", plan.notes())
                .param("createdAt", OffsetDateTime.ofInstant(plan.createdAt(), java.time.ZoneOffset.UTC))
                .update();
    }

    private static TreatmentPlan plan(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("schedule_kind");
        Schedule schedule = null;
        if (kind != null) {
            java.sql.Array days = rs.getArray("weekdays");
            Set<DayOfWeek> weekdays = days == null
                    ? Set.of()
                    : Arrays.stream((String[]) days.getArray())
                            .map(DayOfWeek::valueOf)
                            .collect(Collectors.toSet());
            schedule = new Schedule(
                    Schedule.Kind.valueOf(kind),
                    rs.getInt("schedule_interval"),
                    weekdays,
                    rs.getObject("dose_time", LocalTime.class),
                    ZoneId.of(rs.getString("time_zone")));
        }
        OffsetDateTime voided = rs.getObject("voided_at", OffsetDateTime.class);
        return new TreatmentPlan(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("centre_id", UUID.class),
                Regimen.valueOf(rs.getString("regimen")),
                rs.getObject("product_id", UUID.class),
                rs.getObject("bleed_product_id", UUID.class),
                DoseUnit.valueOf(rs.getString("unit")),
                rs.getBigDecimal("dose"),
                rs.getBigDecimal("dose_per_kg"),
                rs.getBigDecimal("weight_kg"),
                schedule,
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getObject("prescriber_id", UUID.class),
                rs.getString("prescriber_name"),
                rs.getString("notes"),
                rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                voided == null ? null : voided.toInstant());
    }
}
