package org.hemonet.supply;

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
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of batch recalls. */
@Repository
class RecallQueries {

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

    record Affected(UUID patientId, int received, int infused, int voided, int atHome) {}

    record Header(
            UUID id,
            UUID productId,
            List<String> batchNumbers,
            String reason,
            RecallLevel level,
            String issuedBy,
            Instant issuedAt) {}

    record Row(
            UUID patientId,
            UUID centreId,
            int received,
            int infused,
            int voided,
            int atHome,
            @Nullable Instant acknowledgedAt) {}

    private final JdbcClient jdbc;

    RecallQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Affected> affected(UUID productId, Collection<String> batchNumbers) {
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

    void insert(Header h, UUID issuedById) {
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

    void insertPatient(UUID recallId, UUID centreId, Affected a) {
        jdbc.sql(
                        """
                        insert into supply.recall_patient (recall_id, patient_id, centre_id, vials_received,
                            vials_infused, voided_infusions, vials_at_home)
                        values (:recall, :patient, :centre, :received, :infused, :voided, :home)
                        """)
                .param("recall", recallId)
                .param("patient", a.patientId())
                .param("centre", centreId)
                .param("received", a.received())
                .param("infused", a.infused())
                .param("voided", a.voided())
                .param("home", a.atHome())
                .update();
    }

    Optional<Header> find(UUID id) {
        return jdbc.sql(
                        """
                        select id, product_id, batch_numbers, reason, level, issued_by_name, issued_at
                        from supply.recall where id = :id
                        """)
                .param("id", id)
                .query(RecallQueries::header)
                .optional();
    }

    List<Row> patients(UUID recallId) {
        return jdbc.sql(
                        """
                        select patient_id, centre_id, vials_received, vials_infused, voided_infusions, vials_at_home,
                               acknowledged_at
                        from supply.recall_patient where recall_id = :id order by centre_id, patient_id
                        """)
                .param("id", recallId)
                .query((rs, n) -> {
                    OffsetDateTime ack = rs.getObject("acknowledged_at", OffsetDateTime.class);
                    return new Row(
                            rs.getObject("patient_id", UUID.class),
                            rs.getObject("centre_id", UUID.class),
                            rs.getInt("vials_received"),
                            rs.getInt("vials_infused"),
                            rs.getInt("voided_infusions"),
                            rs.getInt("vials_at_home"),
                            ack == null ? null : ack.toInstant());
                })
                .list();
    }

    boolean acknowledge(UUID recallId, UUID patientId, UUID by, Instant at) {
        return jdbc.sql(
                                """
                        update supply.recall_patient set acknowledged_at = :at, acknowledged_by = :by
                        where recall_id = :recall and patient_id = :patient and acknowledged_at is null
                        """)
                        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .param("by", by)
                        .param("recall", recallId)
                        .param("patient", patientId)
                        .update()
                == 1;
    }

    boolean isRecalled(UUID productId, String batchNumber) {
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
    List<Header> all() {
        return jdbc.sql(
                        """
                        select id, product_id, batch_numbers, reason, level, issued_by_name, issued_at
                        from supply.recall order by issued_at desc
                        """)
                .query(RecallQueries::header)
                .list();
    }

    /** The recalls naming this batch of this product. */
    List<UUID> naming(UUID productId, String batchNumber) {
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
    void insertAlert(
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

    record Alert(
            UUID patientId,
            UUID centreId,
            UUID infusionId,
            String batchNumber,
            java.time.Instant administeredAt,
            java.time.Instant raisedAt) {}

    /** The alerts of a recall, newest first. */
    List<Alert> alerts(UUID recallId) {
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
