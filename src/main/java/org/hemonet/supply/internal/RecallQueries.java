package org.hemonet.supply.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hemonet.supply.RecallLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of batch recalls. */
@Repository
public class RecallQueries {

    /**
     * Every patient linked to the batches: delivered to their home (delivered deliveries only), or logged as infused,
     * voided entries included; with what is still at home (delivered minus living uses).
     */
    private static final String AFFECTED =
            """
            with delivered as (
                select d.patient_id, sum(i.vials) as vials
                from supply.delivery d join supply.delivery_item i on i.delivery_id = d.id
                where d.status = 'DELIVERED' and i.product_id = :product and i.batch_number in (:batches)
                group by d.patient_id),
            used as (
                select patient_id,
                       coalesce(sum(vials) filter (where voided_at is null), 0) as vials,
                       coalesce(sum(vials) filter (where voided_at is null and kind = 'INFUSED'), 0) as infused,
                       count(*) filter (where voided_at is not null and kind = 'INFUSED') as voided
                from supply.stock_use
                where product_id = :product and batch_number in (:batches)
                group by patient_id)
            select coalesce(delivered.patient_id, used.patient_id) as patient_id,
                   coalesce(delivered.vials, 0) as received,
                   coalesce(used.infused, 0) as infused,
                   coalesce(used.voided, 0) as voided,
                   greatest(coalesce(delivered.vials, 0) - coalesce(used.vials, 0), 0) as at_home
            from delivered full join used on used.patient_id = delivered.patient_id
            where coalesce(delivered.vials, 0) > 0 or coalesce(used.infused, 0) > 0 or coalesce(used.voided, 0) > 0
            """;

    public record Affected(UUID patientId, int received, int infused, int voided, int atHome) {}

    public record Header(
            UUID id,
            UUID productId,
            List<String> batchNumbers,
            String reason,
            RecallLevel level,
            String issuedBy,
            Instant issuedAt) {}

    /** A patient the recall reached, with the acknowledgement; the link counts are live ({@link #affected}). */
    public record Row(
            UUID patientId,
            UUID centreId,
            String pseudonym,
            Instant reachedAt,
            @Nullable Instant notifiedAt,
            @Nullable Instant acknowledgedAt,
            @Nullable String acknowledgedByName,
            @Nullable String acknowledgedByRole) {}

    /** A centre the recall reached, with its team's acknowledgement. */
    public record CentreRow(
            UUID centreId,
            Instant reachedAt,
            @Nullable Instant notifiedAt,
            @Nullable Instant acknowledgedAt,
            @Nullable String acknowledgedByName) {}

    private final JdbcClient jdbc;

    RecallQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Affected> affected(UUID productId, Collection<String> batchNumbers) {
        return jdbc.sql(AFFECTED)
                .param("product", productId)
                .param("batches", batchNumbers)
                .query((rs, n) -> new Affected(
                        rs.getObject("patient_id", UUID.class),
                        rs.getInt("received"),
                        rs.getInt("infused"),
                        rs.getInt("voided"),
                        rs.getInt("at_home")))
                .list();
    }

    public void insert(Header h, UUID issuedById) {
        jdbc.sql(
                        """
                        insert into supply.recall (id, product_id, batch_numbers, reason, level, issued_by,
                            issued_by_name, issued_at)
                        values (:id, :product, cast(:batches as text[]), :reason, :level, :by, :byName, :at)
                        """)
                .param("id", h.id())
                .param("product", h.productId())
                .param(
                        "batches",
                        h.batchNumbers().stream()
                                .map(b -> "\"" + b.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                                .collect(Collectors.joining(",", "{", "}")))
                .param("reason", h.reason())
                .param("level", h.level().name())
                .param("by", issuedById)
                .param("byName", h.issuedBy())
                .param("at", OffsetDateTime.ofInstant(h.issuedAt(), ZoneOffset.UTC))
                .update();
    }

    /** Records that the recall reached the patient; false when it had already (nothing changes then). */
    public boolean reach(UUID recallId, UUID patientId, UUID centreId, Affected a, String pseudonym, Instant at) {
        return jdbc.sql(
                                """
                        insert into supply.recall_patient (recall_id, patient_id, centre_id, vials_received,
                            vials_infused, voided_infusions, vials_at_home, pseudonym, reached_at)
                        values (:recall, :patient, :centre, :received, :infused, :voided, :home, :pseudonym, :at)
                        on conflict (recall_id, patient_id) do nothing
                        """)
                        .param("recall", recallId)
                        .param("patient", patientId)
                        .param("centre", centreId)
                        .param("received", a.received())
                        .param("infused", a.infused())
                        .param("voided", a.voided())
                        .param("home", a.atHome())
                        .param("pseudonym", pseudonym)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /** Records that the recall reached the centre (its first patient there); idempotent. */
    public void reachCentre(UUID recallId, UUID centreId, Instant at) {
        jdbc.sql(
                        """
                        insert into supply.recall_centre (recall_id, centre_id, reached_at) values (:recall, :centre, :at)
                        on conflict (recall_id, centre_id) do nothing
                        """)
                .param("recall", recallId)
                .param("centre", centreId)
                .param("at", utc(at))
                .update();
    }

    public List<CentreRow> centres(UUID recallId) {
        return jdbc.sql(
                        """
                        select centre_id, reached_at, notified_at, acknowledged_at, acknowledged_by_name
                        from supply.recall_centre where recall_id = :id order by reached_at, centre_id
                        """)
                .param("id", recallId)
                .query((rs, n) -> new CentreRow(
                        rs.getObject("centre_id", UUID.class),
                        instant(rs, "reached_at"),
                        instantOrNull(rs, "notified_at"),
                        instantOrNull(rs, "acknowledged_at"),
                        rs.getString("acknowledged_by_name")))
                .list();
    }

    public void markPatientNotified(UUID recallId, UUID patientId, Instant at) {
        jdbc.sql(
                        """
                        update supply.recall_patient set notified_at = :at
                        where recall_id = :recall and patient_id = :patient and notified_at is null
                        """)
                .param("at", utc(at))
                .param("recall", recallId)
                .param("patient", patientId)
                .update();
    }

    public void markCentreNotified(UUID recallId, UUID centreId, Instant at) {
        jdbc.sql(
                        """
                        update supply.recall_centre set notified_at = :at
                        where recall_id = :recall and centre_id = :centre and notified_at is null
                        """)
                .param("at", utc(at))
                .param("recall", recallId)
                .param("centre", centreId)
                .update();
    }

    /** Records the centre's acknowledgement; false when it was acknowledged already or the recall does not reach it. */
    public boolean acknowledgeCentre(UUID recallId, UUID centreId, UUID by, String name, Instant at) {
        return jdbc.sql(
                                """
                        update supply.recall_centre set acknowledged_at = :at, acknowledged_by = :by,
                            acknowledged_by_name = :name
                        where recall_id = :recall and centre_id = :centre and acknowledged_at is null
                        """)
                        .param("at", utc(at))
                        .param("by", by)
                        .param("name", name)
                        .param("recall", recallId)
                        .param("centre", centreId)
                        .update()
                == 1;
    }

    /** Recalls issued since {@code since}, oldest first: the ones kept live by the periodic refresh. */
    public List<UUID> issuedSince(Instant since) {
        return jdbc.sql("select id from supply.recall where issued_at >= :since order by issued_at")
                .param("since", utc(since))
                .query(UUID.class)
                .list();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public Optional<Header> find(UUID id) {
        return jdbc.sql(
                        """
                        select id, product_id, batch_numbers, reason, level, issued_by_name, issued_at
                        from supply.recall where id = :id
                        """)
                .param("id", id)
                .query(RecallQueries::header)
                .optional();
    }

    public List<Row> patients(UUID recallId) {
        return jdbc.sql(
                        """
                        select patient_id, centre_id, pseudonym, reached_at, notified_at, acknowledged_at,
                               acknowledged_by_name, acknowledged_by_role
                        from supply.recall_patient where recall_id = :id order by centre_id, reached_at, pseudonym
                        """)
                .param("id", recallId)
                .query((rs, n) -> new Row(
                        rs.getObject("patient_id", UUID.class),
                        rs.getObject("centre_id", UUID.class),
                        rs.getString("pseudonym"),
                        instant(rs, "reached_at"),
                        instantOrNull(rs, "notified_at"),
                        instantOrNull(rs, "acknowledged_at"),
                        rs.getString("acknowledged_by_name"),
                        rs.getString("acknowledged_by_role")))
                .list();
    }

    public boolean acknowledge(UUID recallId, UUID patientId, UUID by, String name, String role, Instant at) {
        return jdbc.sql(
                                """
                        update supply.recall_patient set acknowledged_at = :at, acknowledged_by = :by,
                            acknowledged_by_name = :name, acknowledged_by_role = :role
                        where recall_id = :recall and patient_id = :patient and acknowledged_at is null
                        """)
                        .param("at", utc(at))
                        .param("by", by)
                        .param("name", name)
                        .param("role", role)
                        .param("recall", recallId)
                        .param("patient", patientId)
                        .update()
                == 1;
    }

    public boolean isRecalled(UUID productId, String batchNumber) {
        return jdbc.sql(
                        """
                        select exists (select 1 from supply.recall
                                       where product_id = :product and :batch = any (batch_numbers))
                        """)
                .param("product", productId)
                .param("batch", batchNumber)
                .query(Boolean.class)
                .single();
    }

    /** Every recall, newest first. */
    public List<Header> all() {
        return jdbc.sql(
                        """
                        select id, product_id, batch_numbers, reason, level, issued_by_name, issued_at
                        from supply.recall order by issued_at desc
                        """)
                .query(RecallQueries::header)
                .list();
    }

    /** The recalls naming this batch of this product. */
    public List<UUID> naming(UUID productId, String batchNumber) {
        return jdbc.sql(
                        """
                        select id from supply.recall
                        where product_id = :product and :batch = any (batch_numbers) order by issued_at
                        """)
                .param("product", productId)
                .param("batch", batchNumber)
                .query(UUID.class)
                .list();
    }

    /** An infusion was logged from a recalled batch: alert the patient's centre (once per recall and infusion). */
    public void insertAlert(
            UUID recallId,
            UUID patientId,
            UUID centreId,
            UUID infusionId,
            String batchNumber,
            java.time.Instant administeredAt,
            java.time.Instant raisedAt) {
        jdbc.sql(
                        """
                        insert into supply.recall_alert
                            (id, recall_id, patient_id, centre_id, infusion_id, batch_number, administered_at, raised_at)
                        values (:id, :recall, :patient, :centre, :infusion, :batch, :administered, :raised)
                        on conflict (recall_id, infusion_id) do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("recall", recallId)
                .param("patient", patientId)
                .param("centre", centreId)
                .param("infusion", infusionId)
                .param("batch", batchNumber)
                .param("administered", OffsetDateTime.ofInstant(administeredAt, java.time.ZoneOffset.UTC))
                .param("raised", OffsetDateTime.ofInstant(raisedAt, java.time.ZoneOffset.UTC))
                .update();
    }

    public record Alert(
            UUID patientId,
            UUID centreId,
            UUID infusionId,
            String batchNumber,
            java.time.Instant administeredAt,
            java.time.Instant raisedAt) {}

    /** The alerts of a recall, newest first. */
    public List<Alert> alerts(UUID recallId) {
        return jdbc.sql(
                        """
                        select patient_id, centre_id, infusion_id, batch_number, administered_at, raised_at
                        from supply.recall_alert where recall_id = :recall order by raised_at desc
                        """)
                .param("recall", recallId)
                .query((rs, n) -> new Alert(
                        rs.getObject("patient_id", UUID.class),
                        rs.getObject("centre_id", UUID.class),
                        rs.getObject("infusion_id", UUID.class),
                        rs.getString("batch_number"),
                        rs.getObject("administered_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("raised_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static Header header(ResultSet rs, int n) throws SQLException {
        return new Header(
                rs.getObject("id", UUID.class),
                rs.getObject("product_id", UUID.class),
                Arrays.asList((String[]) rs.getArray("batch_numbers").getArray()),
                rs.getString("reason"),
                RecallLevel.valueOf(rs.getString("level")),
                rs.getString("issued_by_name"),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant());
    }
}
