package org.hemonet.safety.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.safety.AdverseEvent;
import org.hemonet.safety.AdverseEventCategory;
import org.hemonet.safety.AdverseEventOutcome;
import org.hemonet.safety.AdverseEventSource;
import org.hemonet.safety.AdverseEventStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The safety module's SQL (CONVENTIONS rule 3). Adverse events are inserted, updated and voided, never deleted. */
@Repository
public class SafetyQueries {

    private final JdbcClient jdbc;

    SafetyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AdverseEvent e) {
        jdbc.sql(
                        """
                        insert into safety.adverse_event (id, patient_id, centre_id, category, onset_on, product_id,
                            batch_number, infusion_id, serious, outcome, narrative, status, source, reporter,
                            reporter_role, version, created_at, updated_at, updated_by)
                        values (:id, :patient, :centre, :category, :onset, :product, :batch, :infusion, :serious,
                            :outcome, :narrative, :status, :source, :reporter, :role, 1, :at, :at, :reporter)""")
                .param("id", e.id())
                .param("patient", e.patientId())
                .param("centre", e.centreId())
                .param("category", e.category().name())
                .param("onset", Date.valueOf(e.onsetOn()))
                .param("product", e.productId())
                .param("batch", e.batchNumber())
                .param("infusion", e.infusionId())
                .param("serious", e.serious())
                .param("outcome", e.outcome().name())
                .param("narrative", e.narrative())
                .param("status", e.status().name())
                .param("source", e.source().name())
                .param("reporter", e.reporter())
                .param("role", e.reporterRole())
                .param("at", Timestamp.from(e.createdAt()))
                .update();
    }

    /**
     * Writes the changed fields of {@code e} if the stored row is still at {@code expectedVersion}; false when it is
     * not (stale, nothing changed).
     */
    public boolean update(AdverseEvent e, int expectedVersion, Instant at, String by) {
        return jdbc.sql(
                                """
                        update safety.adverse_event set category = :category, onset_on = :onset,
                            product_id = :product, batch_number = :batch, serious = :serious, outcome = :outcome,
                            narrative = :narrative, status = :status, voided_at = :voidedAt, voided_by = :voidedBy,
                            void_reason = :voidReason, version = version + 1, updated_at = :at, updated_by = :by
                        where id = :id and version = :version and status <> 'VOIDED'""")
                        .param("id", e.id())
                        .param("version", expectedVersion)
                        .param("category", e.category().name())
                        .param("onset", Date.valueOf(e.onsetOn()))
                        .param("product", e.productId())
                        .param("batch", e.batchNumber())
                        .param("serious", e.serious())
                        .param("outcome", e.outcome().name())
                        .param("narrative", e.narrative())
                        .param("status", e.status().name())
                        .param("voidedAt", e.voidedAt() == null ? null : Timestamp.from(e.voidedAt()))
                        .param("voidedBy", e.voidedBy())
                        .param("voidReason", e.voidReason())
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    public void insertFollowUp(UUID eventId, AdverseEvent.FollowUp f) {
        jdbc.sql(
                        """
                        insert into safety.follow_up (id, event_id, written_at, written_by, text)
                        values (:id, :event, :at, :by, :text)""")
                .param("id", f.id())
                .param("event", eventId)
                .param("at", Timestamp.from(f.writtenAt()))
                .param("by", f.writtenBy())
                .param("text", f.text())
                .update();
    }

    public Optional<AdverseEvent> find(UUID id) {
        return withFollowUps(jdbc.sql("select * from safety.adverse_event where id = :id")
                        .param("id", id)
                        .query(SafetyQueries::event)
                        .list())
                .stream()
                .findFirst();
    }

    /** The events of one patient, newest onset first; {@code status} null for all. */
    public List<AdverseEvent> ofPatient(UUID patientId, @Nullable AdverseEventStatus status) {
        return withFollowUps(jdbc.sql(
                        """
                        select * from safety.adverse_event where patient_id = :p
                          and (cast(:status as text) is null or status = :status)
                        order by onset_on desc, created_at desc""")
                .param("p", patientId)
                .param("status", status == null ? null : status.name())
                .query(SafetyQueries::event)
                .list());
    }

    /** The events reported for patients of the given centres, newest onset first, at most {@code limit}. */
    public List<AdverseEvent> ofCentres(Collection<UUID> centreIds, @Nullable AdverseEventStatus status, int limit) {
        if (centreIds.isEmpty()) {
            return List.of();
        }
        return withFollowUps(jdbc.sql(
                        """
                        select * from safety.adverse_event where centre_id in (:c)
                          and (cast(:status as text) is null or status = :status)
                        order by onset_on desc, created_at desc limit :limit""")
                .param("c", centreIds)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .query(SafetyQueries::event)
                .list());
    }

    /** Is there a living (not voided) event of the category for the patient raised by the given source? */
    public boolean hasLiving(UUID patientId, AdverseEventCategory category, AdverseEventSource source) {
        return jdbc.sql(
                                """
                        select count(*) from safety.adverse_event where patient_id = :p and category = :c
                          and source = :s and status <> 'VOIDED'""")
                        .param("p", patientId)
                        .param("c", category.name())
                        .param("s", source.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A counted event (reported or closed) for the rates: no narrative, no patient identifier beyond the id. */
    public record CountedEvent(UUID patientId, @Nullable UUID productId, AdverseEventCategory category, int year) {}

    /** Reported and closed events with onset in the calendar years {@code fromYear}–{@code toYear} (clinical.md §9). */
    public List<CountedEvent> countedEvents(int fromYear, int toYear) {
        return jdbc.sql(
                        """
                        select patient_id, product_id, category, extract(year from onset_on)::int as year
                        from safety.adverse_event
                        where status in ('REPORTED', 'CLOSED') and onset_on >= :from and onset_on < :to""")
                .param("from", Date.valueOf(LocalDate.of(fromYear, 1, 1)))
                .param("to", Date.valueOf(LocalDate.of(toYear + 1, 1, 1)))
                .query((rs, n) -> new CountedEvent(
                        rs.getObject("patient_id", UUID.class),
                        rs.getObject("product_id", UUID.class),
                        AdverseEventCategory.valueOf(rs.getString("category")),
                        rs.getInt("year")))
                .list();
    }

    /** Flags a patient for the clinician, once per infusion or plan (emicizumab with aPCC, issue 13). */
    public void insertFlag(
            UUID patientId,
            UUID centreId,
            String kind,
            UUID sourceId,
            Instant occursAt,
            java.math.@Nullable BigDecimal unitsPerKg,
            Instant raisedAt,
            String raisedBy) {
        jdbc.sql(
                        """
                        insert into safety.patient_flag (id, patient_id, centre_id, kind, source_id, occurs_at,
                            units_per_kg, raised_at, raised_by)
                        values (:id, :patient, :centre, :kind, :source, :at, :perKg, :raised, :by)
                        on conflict (source_id) do nothing""")
                .param("id", UUID.randomUUID())
                .param("patient", patientId)
                .param("centre", centreId)
                .param("kind", kind)
                .param("source", sourceId)
                .param("at", Timestamp.from(occursAt))
                .param("perKg", unitsPerKg)
                .param("raised", Timestamp.from(raisedAt))
                .param("by", raisedBy)
                .update();
    }

    /**
     * A flag on a patient: on emicizumab, {@code APCC_INFUSED} more than 100 U/kg of aPCC in 24 h, or {@code
     * APCC_PRESCRIBED} a single dose over 100 U/kg (units null: weight not known).
     */
    public record Flag(
            UUID patientId, UUID centreId, String kind, Instant occursAt, java.math.@Nullable BigDecimal unitsPerKg) {}

    /** Flags raised since {@code since} for patients of the given centres, newest first. */
    public List<Flag> flags(Collection<UUID> centreIds, Instant since) {
        if (centreIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select patient_id, centre_id, kind, occurs_at, units_per_kg from safety.patient_flag
                        where centre_id in (:c) and occurs_at >= :since order by occurs_at desc limit 200""")
                .param("c", centreIds)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new Flag(
                        rs.getObject("patient_id", UUID.class),
                        rs.getObject("centre_id", UUID.class),
                        rs.getString("kind"),
                        rs.getTimestamp("occurs_at").toInstant(),
                        rs.getBigDecimal("units_per_kg")))
                .list();
    }

    /** Has the patient a flag of aPCC with emicizumab since {@code since}? */
    public boolean hasFlag(UUID patientId, Instant since) {
        return jdbc.sql("select count(*) from safety.patient_flag where patient_id = :p and occurs_at >= :since")
                        .param("p", patientId)
                        .param("since", Timestamp.from(since))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A counted event of a quarterly return: the reporting centre, product and category only. */
    public record ReturnedEvent(UUID centreId, @Nullable UUID productId, AdverseEventCategory category) {}

    /** Reported and closed events with onset from {@code from} to {@code to}, both included (a quarter's return). */
    public List<ReturnedEvent> countedEventsBetween(LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                        select centre_id, product_id, category from safety.adverse_event
                        where status in ('REPORTED', 'CLOSED') and onset_on between :from and :to""")
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, n) -> new ReturnedEvent(
                        rs.getObject("centre_id", UUID.class),
                        rs.getObject("product_id", UUID.class),
                        AdverseEventCategory.valueOf(rs.getString("category"))))
                .list();
    }

    /** Patients with a reported or closed death (category {@code DEATH}) with onset from {@code from} to {@code to}. */
    public List<UUID> deathsBetween(LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                        select distinct patient_id from safety.adverse_event
                        where status in ('REPORTED', 'CLOSED') and category = 'DEATH'
                          and onset_on between :from and :to""")
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query(UUID.class)
                .list();
    }

    private List<AdverseEvent> withFollowUps(List<AdverseEvent> events) {
        if (events.isEmpty()) {
            return events;
        }
        Map<UUID, List<AdverseEvent.FollowUp>> notes = new HashMap<>();
        jdbc.sql("select * from safety.follow_up where event_id in (:ids) order by written_at, id")
                .param("ids", events.stream().map(AdverseEvent::id).toList())
                .query((rs, n) -> {
                    notes.computeIfAbsent(rs.getObject("event_id", UUID.class), k -> new ArrayList<>())
                            .add(new AdverseEvent.FollowUp(
                                    rs.getObject("id", UUID.class),
                                    rs.getTimestamp("written_at").toInstant(),
                                    rs.getString("written_by"),
                                    rs.getString("text")));
                    return 0;
                })
                .list();
        return events.stream()
                .map(e -> e.withFollowUps(notes.getOrDefault(e.id(), List.of())))
                .toList();
    }

    private static AdverseEvent event(ResultSet rs, int n) throws SQLException {
        Timestamp voided = rs.getTimestamp("voided_at");
        return new AdverseEvent(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("centre_id", UUID.class),
                AdverseEventCategory.valueOf(rs.getString("category")),
                rs.getDate("onset_on").toLocalDate(),
                rs.getObject("product_id", UUID.class),
                rs.getString("batch_number"),
                rs.getObject("infusion_id", UUID.class),
                rs.getBoolean("serious"),
                AdverseEventOutcome.valueOf(rs.getString("outcome")),
                rs.getString("narrative"),
                AdverseEventStatus.valueOf(rs.getString("status")),
                AdverseEventSource.valueOf(rs.getString("source")),
                rs.getString("reporter"),
                rs.getString("reporter_role"),
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"),
                voided == null ? null : voided.toInstant(),
                rs.getString("voided_by"),
                rs.getString("void_reason"),
                List.of());
    }
}
