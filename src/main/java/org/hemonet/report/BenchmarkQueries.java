package org.hemonet.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read models of network benchmarking (issue 18) beside {@link ReportQueries}: the further columns of the centres
 * compared and the service measures read other modules' tables here — outcome, safety, supply, pathway and patient —
 * (ARCHITECTURE: cross-module joins only in read models of {@code report}). The safety and pathway modules depend on {@code report} themselves (safety through
 * {@link DisclosureControl}; pathway through genetherapy), so their public APIs cannot be called from here without a
 * cycle: their tables are read instead, by the rules their own code states (cited at each query). Never writes.
 */
@Component
class BenchmarkQueries {

    private final JdbcClient jdbc;

    BenchmarkQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A patient's latest current HJHS total assessed in the period and the total of the current assessment before it
     * (null when there is none, or when no item was evaluable).
     */
    record HjhsScores(UUID patientId, @Nullable Integer latest, @Nullable Integer previous) {}

    /**
     * Per patient with a current (neither voided nor replaced) HJHS assessment in [first, last]: the latest one's total
     * and the one before it, whenever it was made. Totals are the sums of the evaluable items, as {@code
     * outcome.HjhsTotals} counts them (not-evaluable items are not 0; clinical.md §4).
     */
    List<HjhsScores> hjhs(LocalDate first, LocalDate last) {
        return jdbc.sql(
                        """
                        with ranked as (
                            select s.patient_id, s.assessed_on,
                                   (select sum(i.value)::int from outcome.joint_score_item i
                                    where i.score_id = s.id) as total,
                                   row_number() over (partition by s.patient_id
                                                      order by s.assessed_on desc, s.recorded_at desc) as rn
                            from outcome.joint_score s
                            where s.voided_at is null and s.superseded_at is null and s.assessed_on <= :last)
                        select l.patient_id, l.total, p.total as previous
                        from ranked l left join ranked p on p.patient_id = l.patient_id and p.rn = 2
                        where l.rn = 1 and l.assessed_on >= :first
                        """)
                .param("first", first)
                .param("last", last)
                .query((rs, n) -> new HjhsScores(
                        rs.getObject("patient_id", UUID.class),
                        rs.getObject("total", Integer.class),
                        rs.getObject("previous", Integer.class)))
                .list();
    }

    /**
     * Adverse events per patient with onset in [first, last] that count in rates: reported or closed, never drafts or
     * voided reports ({@code safety.AdverseEventStatus#counts}, clinical.md §9).
     */
    Map<UUID, Long> adverseEvents(LocalDate first, LocalDate last) {
        Map<UUID, Long> events = new HashMap<>();
        jdbc.sql(
                        """
                        select patient_id, count(*) as events from safety.adverse_event
                        where status in ('REPORTED', 'CLOSED') and onset_on >= :first and onset_on <= :last
                        group by patient_id
                        """)
                .param("first", first)
                .param("last", last)
                .query((rs, n) -> events.put(rs.getObject("patient_id", UUID.class), rs.getLong("events")))
                .list();
        return events;
    }

    /**
     * The patients on a prophylaxis plan (neither voided nor ended) on {@code asOf}, each with whether a delivery to
     * their home was delivered in the 12 months up to it (supply module's tables: every delivery is a home delivery).
     */
    Map<UUID, Boolean> prophylaxisHomeDelivery(LocalDate asOf) {
        Map<UUID, Boolean> delivered = new HashMap<>();
        jdbc.sql(
                        """
                        select distinct t.patient_id,
                               exists (select 1 from supply.delivery d
                                       where d.patient_id = t.patient_id and d.status = 'DELIVERED'
                                         and d.scheduled_for > :asOf - interval '12 months'
                                         and d.scheduled_for <= :asOf) as home
                        from supply.treatment_plan t
                        where t.voided_at is null and t.regimen = 'PROPHYLAXIS'
                          and t.valid_from <= :asOf and (t.valid_to is null or t.valid_to >= :asOf)
                        """)
                .param("asOf", asOf)
                .query((rs, n) -> delivered.merge(
                        rs.getObject("patient_id", UUID.class), rs.getBoolean("home"), Boolean::logicalOr))
                .list();
        return delivered;
    }

    /**
     * The patients whose annual review was completed (held) in the 12 months up to {@code asOf} (pathway module's
     * table; the day it was held, {@code completed_on}, clinical.md §10).
     */
    java.util.Set<UUID> reviewedWithinYear(LocalDate asOf) {
        return new java.util.HashSet<>(jdbc.sql(
                        """
                        select distinct patient_id from pathway.annual_review
                        where status = 'COMPLETED' and completed_on > :asOf - interval '12 months'
                          and completed_on <= :asOf
                        """)
                .param("asOf", asOf)
                .query(UUID.class)
                .list());
    }

    /** The patients handed over to adult care before {@code end} (pathway module's hand-overs). */
    java.util.Set<UUID> handedOver(java.time.Instant end) {
        return new java.util.HashSet<>(
                jdbc.sql("select distinct patient_id from pathway.handover where handed_over_at < :end")
                        .param("end", java.sql.Timestamp.from(end))
                        .query(UUID.class)
                        .list());
    }

    /** How many of the four transition readiness items each patient has done (patient module's checklist, §10). */
    Map<UUID, Integer> transitionChecklist() {
        Map<UUID, Integer> done = new HashMap<>();
        jdbc.sql(
                        """
                        select id, knows_diagnosis_and_product::int + self_infuses::int + orders_supplies::int
                                   + knows_emergency_plan::int as done
                        from patient.patient
                        """)
                .query((rs, n) -> done.put(rs.getObject("id", UUID.class), rs.getInt("done")))
                .list();
        return done;
    }
}
