package org.hemonet.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A real factor concentrate (dosed in IU) of the demo catalogue and one of its batches, for diary tests. */
public record DemoProducts(UUID productId, String batchNumber) {

    public static DemoProducts factorConcentrate(JdbcClient jdbc) {
        return jdbc.sql(
                        """
                        select p.id, b.batch_number from product.product p
                        join product.batch b on b.product_id = p.id
                        where p.unit = 'IU' order by p.generic_name, p.id, b.batch_number limit 1
                        """)
                .query((rs, n) -> new DemoProducts(rs.getObject("id", UUID.class), rs.getString("batch_number")))
                .single();
    }

    /**
     * A concentrate of the demo catalogue of one molecule (its {@code genericName}) that names a PK model, and one of
     * its batches: "my factor level" and the PK study count only infusions of the product whose model is used (issue
     * 20), and the first IU product of the catalogue is not a FVIII concentrate.
     */
    public static DemoProducts ofMolecule(JdbcClient jdbc, String genericName) {
        return jdbc.sql(
                        """
                        select p.id, b.batch_number from product.product p
                        join product.batch b on b.product_id = p.id
                        where p.unit = 'IU' and p.generic_name = :g and p.pk_model_id is not null
                        order by p.brand_name, p.id, b.batch_number limit 1
                        """)
                .param("g", genericName)
                .query((rs, n) -> new DemoProducts(rs.getObject("id", UUID.class), rs.getString("batch_number")))
                .single();
    }
}
