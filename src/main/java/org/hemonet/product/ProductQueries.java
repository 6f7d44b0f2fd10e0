package org.hemonet.product;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the product module. */
@Repository
class ProductQueries {

    private static final String PRODUCT =
            """
            select id, generic_name, brand_name, manufacturer, product_class, unit, vial_sizes, recovery,
                   recovery_under_12, pk_model_id, concentration_mg_per_ml, list_price_per_unit, currency, status,
                   withdrawn_at, withdrawal_reason
            from product.product
            """;

    private static final String BATCH =
            """
            select id, product_id, batch_number, expires_on, vials_received, units_per_vial, received_on
            from product.batch
            """;

    private final JdbcClient jdbc;

    ProductQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Product> all() {
        return jdbc.sql(PRODUCT + " order by product_class, generic_name, brand_name")
                .query(ProductQueries::product)
                .list();
    }

    Optional<Product> find(UUID id) {
        return jdbc.sql(PRODUCT + " where id = :id")
                .param("id", id)
                .query(ProductQueries::product)
                .optional();
    }

    long count() {
        return jdbc.sql("select count(*) from product.product")
                .query(Long.class)
                .single();
    }

    void insert(NewProduct p) {
        jdbc.sql(
                        """
                        insert into product.product (id, generic_name, brand_name, manufacturer, product_class, unit,
                            vial_sizes, recovery, recovery_under_12, pk_model_id, concentration_mg_per_ml,
                            list_price_per_unit, status)
                        values (:id, :generic, :brand, :manufacturer, :class, :unit, cast(:sizes as integer[]),
                            :recovery, :recoveryUnder12, :pk, :concentration, :price, 'ACTIVE')
                        """)
                .param("id", p.id())
                .param("generic", p.genericName().strip())
                .param("brand", p.brandName().strip())
                .param("manufacturer", p.manufacturer().strip())
                .param("class", p.productClass().name())
                .param("unit", p.unit().name())
                .param("sizes", p.vialSizes().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .param("recovery", p.recovery())
                .param("recoveryUnder12", p.recoveryUnder12())
                .param("pk", p.pkModelId())
                .param("concentration", p.concentrationMgPerMl())
                .param("price", p.listPricePerUnit())
                .update();
    }

    boolean brandTaken(String brandName) {
        return jdbc.sql("select count(*) from product.product where lower(brand_name) = lower(:brand)")
                        .param("brand", brandName)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Marks the product withdrawn unless it already is; false when it was. */
    boolean withdraw(UUID id, String reason, String by, java.time.Instant at) {
        return jdbc.sql(
                                """
                        update product.product set status = 'WITHDRAWN', withdrawn_at = :at, withdrawn_by = :by,
                            withdrawal_reason = :reason, version = version + 1, updated_at = :at
                        where id = :id and status <> 'WITHDRAWN'""")
                        .param("id", id)
                        .param("at", java.sql.Timestamp.from(at))
                        .param("by", by)
                        .param("reason", reason)
                        .update()
                == 1;
    }

    List<Batch> batches(UUID productId) {
        return jdbc.sql(BATCH + " where product_id = :product order by expires_on, batch_number")
                .param("product", productId)
                .query(ProductQueries::batch)
                .list();
    }

    Optional<Batch> batch(UUID productId, String batchNumber) {
        return jdbc.sql(BATCH + " where product_id = :product and batch_number = :number")
                .param("product", productId)
                .param("number", batchNumber)
                .query(ProductQueries::batch)
                .optional();
    }

    List<Batch> batchesNumbered(String batchNumber) {
        return jdbc.sql(BATCH + " where batch_number = :number")
                .param("number", batchNumber)
                .query(ProductQueries::batch)
                .list();
    }

    void insertBatch(Batch b, @Nullable UUID createdBy) {
        jdbc.sql(
                        """
                        insert into product.batch (id, product_id, batch_number, expires_on, vials_received,
                            units_per_vial, received_on, created_by)
                        values (:id, :product, :number, :expires, :vials, :units, :received, :by)
                        """)
                .param("id", b.id())
                .param("product", b.productId())
                .param("number", b.batchNumber())
                .param("expires", b.expiresOn())
                .param("vials", b.vialsReceived())
                .param("units", b.unitsPerVial())
                .param("received", b.receivedOn())
                .param("by", createdBy)
                .update();
    }

    private static Product product(ResultSet rs, int n) throws SQLException {
        Array sizes = rs.getArray("vial_sizes");
        List<Integer> vialSizes = Arrays.stream((Integer[]) sizes.getArray()).toList();
        return new Product(
                rs.getObject("id", UUID.class),
                rs.getString("generic_name"),
                rs.getString("brand_name"),
                rs.getString("manufacturer"),
                ProductClass.valueOf(rs.getString("product_class")),
                DoseUnit.valueOf(rs.getString("unit")),
                vialSizes,
                rs.getBigDecimal("recovery"),
                rs.getBigDecimal("recovery_under_12"),
                rs.getString("pk_model_id"),
                rs.getBigDecimal("concentration_mg_per_ml"),
                rs.getBigDecimal("list_price_per_unit"),
                rs.getString("currency"),
                ProductStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("withdrawn_at") == null
                        ? null
                        : rs.getTimestamp("withdrawn_at").toInstant(),
                rs.getString("withdrawal_reason"));
    }

    private static Batch batch(ResultSet rs, int n) throws SQLException {
        return new Batch(
                rs.getObject("id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getString("batch_number"),
                rs.getObject("expires_on", LocalDate.class),
                rs.getInt("vials_received"),
                rs.getInt("units_per_vial"),
                rs.getObject("received_on", LocalDate.class));
    }
}
