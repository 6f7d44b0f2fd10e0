package org.hemonet.supply.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.supply.Delivery;
import org.hemonet.supply.DeliveryStatus;
import org.hemonet.supply.DeliveryWindow;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of deliveries and home stock. */
@Repository
public class HomeStockQueries {

    private static final String DELIVERY =
            """
            select id, patient_id, centre_id, status, scheduled_for, delivery_window, created_at, delivered_at,
                   failure_reason, version, recipient_name, address
            from supply.delivery
            """;

    /** Per batch and vial size: vials delivered minus vials used (voided uses do not count). */
    private static final String STOCK =
            """
            with delivered as (
                select i.product_id, i.batch_number, i.units_per_vial, sum(i.vials) as vials
                from supply.delivery d join supply.delivery_item i on i.delivery_id = d.id
                where d.patient_id = :p and d.status = 'DELIVERED'
                group by i.product_id, i.batch_number, i.units_per_vial),
            used as (
                select product_id, batch_number, units_per_vial, sum(vials) as vials
                from supply.stock_use
                where patient_id = :p and voided_at is null
                group by product_id, batch_number, units_per_vial)
            select product_id, batch_number, units_per_vial,
                   coalesce(delivered.vials, 0) - coalesce(used.vials, 0) as vials
            from delivered full join used using (product_id, batch_number, units_per_vial)
            order by product_id, batch_number
            """;

    public record StockRow(UUID productId, String batchNumber, int unitsPerVial, int vials) {}

    private final JdbcClient jdbc;

    HomeStockQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Delivery d, UUID orderedBy) {
        jdbc.sql(
                        """
                        insert into supply.delivery (id, patient_id, centre_id, status, scheduled_for,
                            delivery_window, ordered_by, created_at, recipient_name, address, scheduled_at,
                            scheduled_by)
                        values (:id, :p, :c, :status, :on, :window, :by, :at, :name, :address,
                            case when :status = 'SCHEDULED' then cast(:at as timestamptz) end,
                            case when :status = 'SCHEDULED' then cast(:by as uuid) end)
                        """)
                .param("id", d.id())
                .param("p", d.patientId())
                .param("c", d.centreId())
                .param("status", d.status().name())
                .param("on", d.scheduledFor())
                .param("window", d.window().name())
                .param("by", orderedBy)
                .param("at", OffsetDateTime.ofInstant(d.createdAt(), ZoneOffset.UTC))
                .param("name", d.recipientName())
                .param("address", d.address())
                .update();
        for (Delivery.Item item : d.items()) {
            jdbc.sql(
                            """
                            insert into supply.delivery_item (id, delivery_id, product_id, batch_number, vials,
                                units_per_vial)
                            values (:id, :d, :product, :batch, :vials, :units)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("d", d.id())
                    .param("product", item.productId())
                    .param("batch", item.batchNumber())
                    .param("vials", item.vials())
                    .param("units", item.iuPerVial())
                    .update();
        }
    }

    /** Delivered units summed per month of {@code zone}, product, centre and patient (report read model rebuild). */
    public void deliveredByMonth(
            String zone, java.util.function.Consumer<org.hemonet.supply.DeliveredUnits.Monthly> each) {
        jdbc.sql(
                        """
                        select to_char(d.delivered_at at time zone :zone, 'YYYY-MM') as month, i.product_id,
                               d.centre_id, d.patient_id, sum(i.vials::bigint * i.units_per_vial) as units
                        from supply.delivery d
                        join supply.delivery_item i on i.delivery_id = d.id
                        where d.status = 'DELIVERED'
                        group by 1, 2, 3, 4
                        """)
                .param("zone", zone)
                .query(rs -> {
                    each.accept(new org.hemonet.supply.DeliveredUnits.Monthly(
                            java.time.YearMonth.parse(rs.getString("month")),
                            rs.getObject("product_id", UUID.class),
                            rs.getObject("centre_id", UUID.class),
                            rs.getObject("patient_id", UUID.class),
                            rs.getLong("units")));
                });
    }

    /** Moves an open delivery on; false when it was not open at {@code version} any more. */
    public boolean close(
            UUID id, int version, DeliveryStatus status, Instant at, UUID by, @Nullable String failureReason) {
        return jdbc.sql(
                                """
                        update supply.delivery
                        set status = :status, delivered_at = case when :status = 'DELIVERED' then :at end,
                            confirmed_by = :by, failure_reason = :reason, version = version + 1
                        where id = :id and version = :version and status in ('ORDERED', 'SCHEDULED')
                        """)
                        .param("status", status.name())
                        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .param("by", by)
                        .param("reason", failureReason)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Fixes the date and window of an open delivery at {@code version}; false when it moved on meanwhile. */
    public boolean schedule(
            UUID id, int version, LocalDate on, DeliveryWindow window, @Nullable String address, Instant at, UUID by) {
        return jdbc.sql(
                                """
                        update supply.delivery
                        set status = 'SCHEDULED', scheduled_for = :on, delivery_window = :window,
                            address = coalesce(:address, address), scheduled_at = :at, scheduled_by = :by,
                            version = version + 1
                        where id = :id and version = :version and status in ('ORDERED', 'SCHEDULED')
                        """)
                        .param("on", on)
                        .param("window", window.name())
                        .param("address", address)
                        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .param("by", by)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /**
     * The deliveries of patients registered at {@code centreIds}, from {@code from} to {@code to} (inclusive), of the
     * given statuses (all when empty), by date.
     */
    public List<Delivery> ofCentres(
            java.util.Collection<UUID> centreIds, LocalDate from, LocalDate to, java.util.Collection<String> statuses) {
        if (centreIds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("c", centreIds);
        params.put("from", from);
        params.put("to", to);
        String statusFilter = "";
        if (!statuses.isEmpty()) {
            params.put("s", statuses);
            statusFilter = " and status in (:s)";
        }
        return deliveries(
                DELIVERY + " where centre_id in (:c) and scheduled_for between :from and :to" + statusFilter
                        + " order by scheduled_for, delivery_window, created_at",
                params);
    }

    public Optional<Delivery> find(UUID id) {
        List<Delivery> found = deliveries(DELIVERY + " where id = :id", Map.of("id", id));
        return found.stream().findFirst();
    }

    public List<Delivery> ofPatient(UUID patientId) {
        return deliveries(
                DELIVERY + " where patient_id = :p order by scheduled_for desc, created_at desc",
                Map.of("p", patientId));
    }

    public List<StockRow> stock(UUID patientId) {
        return jdbc.sql(STOCK)
                .param("p", patientId)
                .query((rs, n) -> new StockRow(
                        rs.getObject("product_id", UUID.class),
                        rs.getString("batch_number"),
                        rs.getInt("units_per_vial"),
                        rs.getInt("vials")))
                .list();
    }

    /** {@link #insertUse} of {@code INFUSED} vials for many infusions in one statement, each only once. */
    public void insertInfusedUses(List<org.hemonet.supply.HomeStock.Infused> uses) {
        if (uses.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        insert into supply.stock_use (id, patient_id, product_id, batch_number, kind, vials,
                            units_per_vial, occurred_at, source_id)
                        select gen_random_uuid(), u.patient_id, u.product_id, u.batch_number, 'INFUSED', u.vials,
                            u.units, u.at, u.source_id
                        from unnest(cast(:patients as uuid[]), cast(:products as uuid[]), cast(:batches as text[]),
                            cast(:vials as int[]), cast(:units as int[]), cast(:ats as timestamptz[]),
                            cast(:sources as uuid[])) with ordinality
                            as u(patient_id, product_id, batch_number, vials, units, at, source_id, n)
                        order by u.n
                        on conflict (source_id) where source_id is not null do nothing
                        """)
                .param(
                        "patients",
                        uses.stream().map(u -> u.patientId().toString()).toArray(String[]::new))
                .param(
                        "products",
                        uses.stream().map(u -> u.productId().toString()).toArray(String[]::new))
                .param("batches", uses.stream().map(u -> u.batchNumber()).toArray(String[]::new))
                .param(
                        "vials",
                        uses.stream().map(u -> Integer.toString(u.vials())).toArray(String[]::new))
                .param(
                        "units",
                        uses.stream()
                                .map(u -> Integer.toString(u.unitsPerVial()))
                                .toArray(String[]::new))
                .param("ats", uses.stream().map(u -> u.at().toString()).toArray(String[]::new))
                .param(
                        "sources",
                        uses.stream().map(u -> u.infusionId().toString()).toArray(String[]::new))
                .update();
    }

    /** Records vials leaving stock; with a source id, only once (the diary may report an infusion twice). */
    public boolean insertUse(
            UUID patientId,
            UUID productId,
            String batchNumber,
            String kind,
            int vials,
            int unitsPerVial,
            Instant at,
            @Nullable UUID sourceId,
            @Nullable UUID recordedBy) {
        return jdbc.sql(
                                """
                        insert into supply.stock_use (id, patient_id, product_id, batch_number, kind, vials,
                            units_per_vial, occurred_at, source_id, recorded_by)
                        values (:id, :p, :product, :batch, :kind, :vials, :units, :at, :source, :by)
                        on conflict (source_id) where source_id is not null do nothing
                        """)
                        .param("id", UUID.randomUUID())
                        .param("p", patientId)
                        .param("product", productId)
                        .param("batch", batchNumber)
                        .param("kind", kind)
                        .param("vials", vials)
                        .param("units", unitsPerVial)
                        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .param("source", sourceId)
                        .param("by", recordedBy)
                        .update()
                == 1;
    }

    /**
     * Sets the vials an infusion took from home stock to its corrected batch and dose: the one row keyed by the infusion
     * id is updated (or inserted, or brought back when a correction had taken the batch away), so the stock counts the
     * corrected infusion exactly once.
     */
    public void upsertInfused(
            UUID sourceId,
            UUID patientId,
            UUID productId,
            String batchNumber,
            int vials,
            int unitsPerVial,
            Instant at) {
        jdbc.sql(
                        """
                        insert into supply.stock_use (id, patient_id, product_id, batch_number, kind, vials,
                            units_per_vial, occurred_at, source_id)
                        values (:id, :p, :product, :batch, 'INFUSED', :vials, :units, :at, :source)
                        on conflict (source_id) where source_id is not null do update set
                            product_id = excluded.product_id, batch_number = excluded.batch_number,
                            vials = excluded.vials, units_per_vial = excluded.units_per_vial,
                            occurred_at = excluded.occurred_at, voided_at = null, void_reason = null
                        """)
                .param("id", UUID.randomUUID())
                .param("p", patientId)
                .param("product", productId)
                .param("batch", batchNumber)
                .param("vials", vials)
                .param("units", unitsPerVial)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("source", sourceId)
                .update();
    }

    /** The batch of a product in the patient's latest completed delivery, if any. */
    public java.util.Optional<String> lastDeliveredBatch(UUID patientId, UUID productId) {
        return jdbc.sql(
                        """
                        select i.batch_number from supply.delivery d join supply.delivery_item i on i.delivery_id = d.id
                        where d.patient_id = :p and d.status = 'DELIVERED' and i.product_id = :product
                        order by d.delivered_at desc nulls last, d.scheduled_for desc, i.vials desc, i.batch_number
                        limit 1
                        """)
                .param("p", patientId)
                .param("product", productId)
                .query(String.class)
                .optional();
    }

    public int voidUse(UUID sourceId, String reason) {
        return jdbc.sql(
                        """
                        update supply.stock_use set voided_at = now(), void_reason = :reason
                        where source_id = :source and voided_at is null
                        """)
                .param("reason", reason)
                .param("source", sourceId)
                .update();
    }

    private List<Delivery> deliveries(String sql, Map<String, Object> params) {
        List<Delivery> result = new ArrayList<>();
        List<Object[]> rows =
                jdbc.sql(sql).params(params).query(HomeStockQueries::header).list();
        if (rows.isEmpty()) {
            return result;
        }
        Map<UUID, List<Delivery.Item>> items = new HashMap<>();
        jdbc.sql(
                        """
                        select delivery_id, product_id, batch_number, vials, units_per_vial from supply.delivery_item
                        where delivery_id in (:ids) order by batch_number
                        """)
                .param("ids", rows.stream().map(r -> (UUID) r[0]).toList())
                .query(rs -> {
                    items.computeIfAbsent(rs.getObject("delivery_id", UUID.class), k -> new ArrayList<>())
                            .add(new Delivery.Item(
                                    rs.getObject("product_id", UUID.class),
                                    rs.getString("batch_number"),
                                    rs.getInt("vials"),
                                    rs.getInt("units_per_vial")));
                });
        for (Object[] r : rows) {
            result.add(new Delivery(
                    (UUID) r[0],
                    (UUID) r[1],
                    (UUID) r[2],
                    DeliveryStatus.valueOf((String) r[3]),
                    (LocalDate) r[4],
                    DeliveryWindow.valueOf((String) r[5]),
                    items.getOrDefault((UUID) r[0], List.of()),
                    (Instant) r[6],
                    (Instant) r[7],
                    (String) r[8],
                    (Integer) r[9],
                    (String) r[10],
                    (String) r[11]));
        }
        return result;
    }

    private static Object[] header(ResultSet rs, int n) throws SQLException {
        OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
        return new Object[] {
            rs.getObject("id", UUID.class),
            rs.getObject("patient_id", UUID.class),
            rs.getObject("centre_id", UUID.class),
            rs.getString("status"),
            rs.getObject("scheduled_for", LocalDate.class),
            rs.getString("delivery_window"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            delivered == null ? null : delivered.toInstant(),
            rs.getString("failure_reason"),
            rs.getInt("version"),
            rs.getString("recipient_name"),
            rs.getString("address")
        };
    }

    /** Units delivered to the patient's home from {@code from} up to, not including, {@code to} (by delivery time). */
    public long deliveredUnits(UUID patientId, Instant from, Instant to) {
        return jdbc.sql(
                        """
                        select coalesce(sum(i.vials::bigint * i.units_per_vial), 0)
                        from supply.delivery d join supply.delivery_item i on i.delivery_id = d.id
                        where d.patient_id = :p and d.status = 'DELIVERED'
                          and d.delivered_at >= :from and d.delivered_at < :to
                        """)
                .param("p", patientId)
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /** Units logged as infused (living entries) from {@code from} up to, not including, {@code to}. */
    public long infusedUnits(UUID patientId, Instant from, Instant to) {
        return jdbc.sql(
                        """
                        select coalesce(sum(vials::bigint * units_per_vial), 0) from supply.stock_use
                        where patient_id = :p and kind = 'INFUSED' and voided_at is null
                          and occurred_at >= :from and occurred_at < :to
                        """)
                .param("p", patientId)
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }
}
