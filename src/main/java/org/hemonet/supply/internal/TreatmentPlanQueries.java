package org.hemonet.supply.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hemonet.product.DoseUnit;
import org.hemonet.supply.PlanRevision;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.hemonet.supply.TreatmentPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of treatment plans. */
@Repository
public class TreatmentPlanQueries {

    private static final String PLAN =
            """
            select id, patient_id, centre_id, regimen, product_id, bleed_product_id, unit, dose, dose_per_kg,
                   weight_kg, schedule_kind, schedule_interval, weekdays, dose_time, time_zone, valid_from, valid_to,
                   prescriber_id, prescriber_name, notes, version, created_at, voided_at, loading_doses,
                   loading_per_kg, loading_dose, supersedes, superseded_by, changed_at, changed_by_name, change_reason,
                   voided_by_name, void_reason
            from supply.treatment_plan
            """;

    private final JdbcClient jdbc;

    TreatmentPlanQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The living plans of a patient, newest first. */
    public List<TreatmentPlan> ofPatient(UUID patientId) {
        return jdbc.sql(PLAN + " where patient_id = :p and voided_at is null order by valid_from desc, created_at desc")
                .param("p", patientId)
                .query(TreatmentPlanQueries::plan)
                .list();
    }

    /** Every living (not voided) plan of every patient, streamed (read model rebuilds, issue 14). */
    public void forEachLiving(java.util.function.Consumer<TreatmentPlan> each) {
        jdbc.sql(PLAN + " where voided_at is null").query(rs -> {
            each.accept(plan(rs, 0));
        });
    }

    /** The living plans of several patients, newest first per patient (one query, for read models over a centre). */
    public List<TreatmentPlan> ofPatients(java.util.Collection<UUID> patientIds) {
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

    /**
     * A digest of each patient's living plans (issue 14: what the attention list compares on every view): the md5 of
     * every column of every living plan, in id order, so that any new, changed, superseded or voided plan, by any
     * writer, gives another value; one short string a patient instead of the plans themselves. Patients without a
     * living plan are absent.
     */
    public java.util.Map<UUID, String> livingPlanDigests(java.util.Collection<UUID> patientIds) {
        java.util.Map<UUID, String> digests = new java.util.HashMap<>();
        if (patientIds.isEmpty()) {
            return digests;
        }
        jdbc.sql(
                        """
                        select t.patient_id, md5(string_agg(t::text, ',' order by t.id)) from supply.treatment_plan t
                        where t.patient_id = any(:ids) and t.voided_at is null group by t.patient_id""")
                .param("ids", patientIds.toArray(UUID[]::new))
                .query(rs -> {
                    digests.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return digests;
    }

    /** Every plan of a patient, voided and superseded ones too, newest first, with who changed or voided it. */
    public List<PlanRevision> historyOf(UUID patientId) {
        return jdbc.sql(PLAN + " where patient_id = :p order by valid_from desc, created_at desc")
                .param("p", patientId)
                .query((rs, n) -> {
                    OffsetDateTime changed = rs.getObject("changed_at", OffsetDateTime.class);
                    return new PlanRevision(
                            plan(rs, n),
                            rs.getObject("superseded_by", UUID.class),
                            changed == null ? null : changed.toInstant(),
                            rs.getString("changed_by_name"),
                            rs.getString("change_reason"),
                            rs.getString("voided_by_name"),
                            rs.getString("void_reason"));
                })
                .list();
    }

    /** A plan by its id alone, voided or not (FHIR reads name no patient). */
    public Optional<TreatmentPlan> find(UUID planId) {
        return jdbc.sql(PLAN + " where id = :id")
                .param("id", planId)
                .query(TreatmentPlanQueries::plan)
                .optional();
    }

    public Optional<TreatmentPlan> find(UUID patientId, UUID planId) {
        return jdbc.sql(PLAN + " where id = :id and patient_id = :p")
                .param("id", planId)
                .param("p", patientId)
                .query(TreatmentPlanQueries::plan)
                .optional();
    }

    /** Voids a living plan at {@code version}; false when it changed or was voided meanwhile. */
    public boolean voidPlan(UUID planId, int version, UUID by, String byName, String reason) {
        return jdbc.sql(
                                """
                        update supply.treatment_plan
                        set voided_at = now(), voided_by = :by, voided_by_name = :name, void_reason = :reason,
                            version = version + 1
                        where id = :id and version = :version and voided_at is null
                        """)
                        .param("by", by)
                        .param("name", byName)
                        .param("reason", reason)
                        .param("id", planId)
                        .param("version", version)
                        .update()
                == 1;
    }

    /**
     * A voided plan had ended the plans it superseded: they run again until their former end (the void is the record of
     * what happened).
     */
    public void reopenSupersededBy(UUID voidedPlan) {
        jdbc.sql(
                        """
                        update supply.treatment_plan
                        set valid_to = valid_to_before_change, valid_to_before_change = null, superseded_by = null,
                            changed_at = null, changed_by = null, changed_by_name = null, change_reason = null,
                            version = version + 1
                        where superseded_by = :id and voided_at is null
                        """)
                .param("id", voidedPlan)
                .update();
    }

    public long count() {
        return jdbc.sql("select count(*) from supply.treatment_plan")
                .query(Long.class)
                .single();
    }

    /**
     * Ends the plans running on {@code from} the day before, and voids those that would start on or after it, noting
     * who did it, why, and the plan that takes over (nothing is deleted).
     */
    public void makeRoomFor(UUID patientId, LocalDate from, UUID by, String byName, String reason, UUID newPlan) {
        jdbc.sql(
                        """
                        update supply.treatment_plan
                        set valid_to_before_change = valid_to, valid_to = :before, superseded_by = :next,
                            changed_at = now(), changed_by = :by,
                            changed_by_name = :name, change_reason = :reason, version = version + 1
                        where patient_id = :p and voided_at is null and valid_from < :from
                          and (valid_to is null or valid_to >= :from)
                        """)
                .param("before", from.minusDays(1))
                .param("next", newPlan)
                .param("by", by)
                .param("name", byName)
                .param("reason", reason)
                .param("p", patientId)
                .param("from", from)
                .update();
        jdbc.sql(
                        """
                        update supply.treatment_plan
                        set voided_at = now(), voided_by = :by, voided_by_name = :name, void_reason = :reason,
                            superseded_by = :next, version = version + 1
                        where patient_id = :p and voided_at is null and valid_from >= :from
                        """)
                .param("by", by)
                .param("name", byName)
                .param("reason", reason)
                .param("next", newPlan)
                .param("p", patientId)
                .param("from", from)
                .update();
    }

    public void insert(TreatmentPlan plan) {
        Schedule s = plan.schedule();
        jdbc.sql(
                        """
                        insert into supply.treatment_plan (id, patient_id, centre_id, regimen, product_id,
                            bleed_product_id, unit, dose, dose_per_kg, weight_kg, schedule_kind, schedule_interval,
                            weekdays, dose_time, time_zone, valid_from, valid_to, prescriber_id, prescriber_name,
                            notes, created_at, loading_doses, loading_per_kg, loading_dose, supersedes)
                        values (:id, :patient, :centre, :regimen, :product, :bleedProduct, :unit, :dose, :perKg, :kg,
                            :kind, :interval, cast(:weekdays as text[]), :time, :zone, :from, :to, :prescriber,
                            :prescriberName, :notes, :createdAt, :loadingDoses, :loadingPerKg, :loadingDose,
                            :supersedes)
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
                .param(
                        "loadingDoses",
                        plan.loading() == null ? null : plan.loading().doses())
                .param(
                        "loadingPerKg",
                        plan.loading() == null ? null : plan.loading().perKg())
                .param(
                        "loadingDose",
                        plan.loading() == null ? null : plan.loading().dose())
                .param("supersedes", plan.supersedes())
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
                voided == null ? null : voided.toInstant(),
                rs.getObject("loading_doses") == null
                        ? null
                        : new TreatmentPlan.Loading(
                                rs.getInt("loading_doses"),
                                rs.getBigDecimal("loading_per_kg"),
                                rs.getBigDecimal("loading_dose")),
                rs.getObject("supersedes", UUID.class));
    }
}
