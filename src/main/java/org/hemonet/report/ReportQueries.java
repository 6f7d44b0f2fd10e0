package org.hemonet.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The report module's read models: the only SQL of the module. Reports may read other modules' schemas here
 * (ARCHITECTURE: cross-module joins only in read models of {@code report}); they never write.
 */
@Component
class ReportQueries {

    /** Units (IU or mg) delivered to one patient of one product in one month (the network's time zone), by the delivering centre. */
    record DeliveredLine(
            YearMonth month, UUID productId, UUID centreId, UUID patientId, @Nullable UUID regionId, long quantity) {}

    /** The catalogue as the value reports need it: class, unit and list price per unit. */
    record ProductPrice(
            UUID id, String genericName, String brandName, String productClass, String unit, BigDecimal pricePerUnit) {}

    /** The plan that applied last in a period: its regimen and the class of its product. */
    record PlanInPeriod(UUID patientId, String regimen, String productClass, @Nullable BigDecimal weightKg) {}

    private final JdbcClient jdbc;

    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    ReportQueries(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * Delivered units in [from, to] months, per month, product, centre and patient, from the module's read model
     * {@code report.delivered_month} (issue 14), with the patient's region of residence as it is now.
     */
    List<DeliveredLine> delivered(YearMonth from, YearMonth to) {
        return jdbc.sql(
                        """
                        select m.month, m.product_id, m.centre_id, m.patient_id, p.region_id, m.units
                        from report.delivered_month m
                        left join patient.patient p on p.id = m.patient_id
                        where m.month >= :from and m.month <= :to
                        """)
                .param("from", from.atDay(1))
                .param("to", to.atDay(1))
                .query((rs, n) -> new DeliveredLine(
                        YearMonth.from(rs.getObject("month", LocalDate.class)),
                        rs.getObject("product_id", UUID.class),
                        rs.getObject("centre_id", UUID.class),
                        rs.getObject("patient_id", UUID.class),
                        rs.getObject("region_id", UUID.class),
                        rs.getLong("units")))
                .list();
    }

    /** Adds units to one cell of the delivered read model. */
    void addDelivered(YearMonth month, UUID productId, UUID centreId, UUID patientId, long units) {
        jdbc.sql(
                        """
                        insert into report.delivered_month (month, product_id, centre_id, patient_id, units)
                        values (:month, :product, :centre, :patient, :units)
                        on conflict (month, product_id, centre_id, patient_id)
                        do update set units = report.delivered_month.units + excluded.units
                        """)
                .param("month", month.atDay(1))
                .param("product", productId)
                .param("centre", centreId)
                .param("patient", patientId)
                .param("units", units)
                .update();
    }

    /**
     * Empties the delivered read model, holding it locked until the transaction ends (so that a delivery confirmed
     * meanwhile waits and is added after the rebuild rather than lost in it).
     */
    void clearDelivered() {
        jdbc.sql("lock table report.delivered_month in exclusive mode").update();
        jdbc.sql("delete from report.delivered_month").update();
    }

    /** Inserts rebuilt cells in JDBC batches. */
    void insertDelivered(List<DeliveredLine> lines) {
        jdbcTemplate.batchUpdate(
                """
                insert into report.delivered_month (month, product_id, centre_id, patient_id, units)
                values (?, ?, ?, ?, ?)
                """,
                lines,
                1000,
                (ps, line) -> {
                    ps.setObject(1, line.month().atDay(1));
                    ps.setObject(2, line.productId());
                    ps.setObject(3, line.centreId());
                    ps.setObject(4, line.patientId());
                    ps.setLong(5, line.quantity());
                });
    }

    /** The time zone a read model's months were built in; empty when it was never built. */
    java.util.Optional<String> readModelZone(String name) {
        return jdbc.sql("select zone from report.read_model where name = :name")
                .param("name", name)
                .query(String.class)
                .optional();
    }

    void readModelBuilt(String name, String zone) {
        jdbc.sql(
                        """
                        insert into report.read_model (name, zone, built_at) values (:name, :zone, now())
                        on conflict (name) do update set zone = excluded.zone, built_at = excluded.built_at
                        """)
                .param("name", name)
                .param("zone", zone)
                .update();
    }

    List<ProductPrice> products() {
        return jdbc.sql(
                        """
                        select id, generic_name, brand_name, product_class, unit, list_price_per_unit
                        from product.product order by generic_name, brand_name
                        """)
                .query((rs, n) -> new ProductPrice(
                        rs.getObject("id", UUID.class),
                        rs.getString("generic_name"),
                        rs.getString("brand_name"),
                        rs.getString("product_class"),
                        rs.getString("unit"),
                        rs.getBigDecimal("list_price_per_unit")))
                .list();
    }

    /**
     * Per patient, the non-voided plan valid last within [first, last] (latest valid from), with the patient's latest
     * recorded weight on or before {@code last} (else the weight the plan was dosed for).
     */
    List<PlanInPeriod> plans(LocalDate first, LocalDate last) {
        return jdbc.sql(
                        """
                        select distinct on (t.patient_id) t.patient_id, t.regimen, pr.product_class,
                               coalesce((select w.weight_kg from patient.weight w
                                         where w.patient_id = t.patient_id and w.voided_at is null
                                           and w.measured_on <= :last
                                         order by w.measured_on desc, w.recorded_at desc limit 1),
                                        t.weight_kg) as weight_kg
                        from report.plan_period t
                        join product.product pr on pr.id = t.product_id
                        where t.valid_from <= :last
                          and (t.valid_to is null or t.valid_to >= :first)
                        order by t.patient_id, t.valid_from desc, t.created_at desc
                        """)
                .param("first", first)
                .param("last", last)
                .query((rs, n) -> new PlanInPeriod(
                        rs.getObject("patient_id", UUID.class),
                        rs.getString("regimen"),
                        rs.getString("product_class"),
                        rs.getBigDecimal("weight_kg")))
                .list();
    }

    /** Replaces one patient's rows of the plan read model with their living plans now. */
    void replacePlansOf(UUID patientId, List<org.hemonet.supply.TreatmentPlan> living) {
        jdbc.sql("delete from report.plan_period where patient_id = :p")
                .param("p", patientId)
                .update();
        insertPlans(living);
    }

    /** Empties the plan read model, locked until the transaction ends (as {@link #clearDelivered}). */
    void clearPlans() {
        jdbc.sql("lock table report.plan_period in exclusive mode").update();
        jdbc.sql("delete from report.plan_period").update();
    }

    void insertPlans(List<org.hemonet.supply.TreatmentPlan> plans) {
        jdbcTemplate.batchUpdate(
                """
                insert into report.plan_period (plan_id, patient_id, regimen, product_id, weight_kg, valid_from,
                    valid_to, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                plans,
                1000,
                (ps, plan) -> {
                    ps.setObject(1, plan.id());
                    ps.setObject(2, plan.patientId());
                    ps.setString(3, plan.regimen().name());
                    ps.setObject(4, plan.productId());
                    ps.setBigDecimal(5, plan.weightKg());
                    ps.setObject(6, plan.validFrom());
                    ps.setObject(7, plan.validTo());
                    ps.setObject(8, OffsetDateTime.ofInstant(plan.createdAt(), ZoneOffset.UTC));
                });
    }

    /** A patient who may be in a research extract, with the region the extract publishes. */
    record ResearchSubject(UUID patientId, @Nullable String regionName) {}

    /**
     * Patients (not voided) whose latest research consent recorded on or before {@code asOf} was given and is not
     * withdrawn on {@code asOf} (research extracts, issue 18), each with the region of residence, else the region of
     * the centre they are registered at.
     */
    List<ResearchSubject> researchSubjects(LocalDate asOf) {
        return jdbc.sql(
                        """
                        select p.id, r.name as region
                        from patient.patient p
                        join lateral (select c.given, c.withdrawn_on from patient.consent c
                                      where c.patient_id = p.id and c.kind = 'RESEARCH' and c.recorded_on <= :asOf
                                      order by c.recorded_on desc, c.recorded_at desc limit 1) c on true
                        left join centre.centre ce on ce.id = p.centre_id
                        left join centre.region r on r.id = coalesce(p.region_id, ce.region_id)
                        where p.voided_at is null and c.given
                          and (c.withdrawn_on is null or c.withdrawn_on > :asOf)
                        """)
                .param("asOf", asOf)
                .query((rs, n) -> new ResearchSubject(rs.getObject("id", UUID.class), rs.getString("region")))
                .list();
    }

    /** One patient's latest HJHS total in a period; {@code total} is null when no item was evaluable. */
    record LatestHjhs(UUID patientId, @Nullable Integer total) {}

    /**
     * Per patient, the total of the latest current (neither voided nor replaced) HJHS assessment made in [first, last]:
     * the sum of the evaluable items, as {@code outcome.HjhsTotals} counts it (not-evaluable items are not 0).
     */
    List<LatestHjhs> latestHjhs(LocalDate first, LocalDate last) {
        return jdbc.sql(
                        """
                        select distinct on (s.patient_id) s.patient_id,
                               (select sum(i.value)::int from outcome.joint_score_item i where i.score_id = s.id) as total
                        from outcome.joint_score s
                        where s.voided_at is null and s.superseded_at is null
                          and s.assessed_on >= :first and s.assessed_on <= :last
                        order by s.patient_id, s.assessed_on desc, s.recorded_at desc
                        """)
                .param("first", first)
                .param("last", last)
                .query((rs, n) ->
                        new LatestHjhs(rs.getObject("patient_id", UUID.class), rs.getObject("total", Integer.class)))
                .list();
    }
}
