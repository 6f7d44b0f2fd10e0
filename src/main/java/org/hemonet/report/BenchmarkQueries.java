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
 * compared and the service measures read other modules' tables here (ARCHITECTURE: cross-module joins only in read
 * models of {@code report}). The safety and pathway modules depend on {@code report} themselves (safety through
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
}
