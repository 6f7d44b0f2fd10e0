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
}
