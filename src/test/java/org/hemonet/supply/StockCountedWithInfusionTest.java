package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.hemonet.diary.InfusionRecorded;
import org.hemonet.support.ApiClient;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An infusion synced from a phone and its home-stock movement are committed together (bench/resilience.sh, issue 14):
 * what a crash right after the sync's commit would leave must not be an infusion without its stock movement. Before
 * the fix the stock was counted in a separate transaction after the commit, so a kill -9 in between lost the count for
 * good (the retry was answered from the idempotency key, or as ALREADY_STORED, and counted nothing).
 */
class StockCountedWithInfusionTest extends IntegrationTest {

    /** What was committed for each infusion at the first moment after its commit, seen from another connection. */
    static final Map<UUID, Long> stockRowsRightAfterCommit = new ConcurrentHashMap<>();

    @TestConfiguration
    static class CommittedStateProbe {
        @Bean
        Probe committedStateProbe(DataSource dataSource) {
            return new Probe(dataSource);
        }
    }

    static class Probe {
        private final DataSource dataSource;

        Probe(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** Runs first after the commit: the state a crash at this instant would leave behind. */
        @TransactionalEventListener
        @Order(Ordered.HIGHEST_PRECEDENCE)
        public void on(InfusionRecorded infusion) throws Exception {
            try (Connection c = dataSource.getConnection();
                    var st = c.prepareStatement(
                            "select count(*) from supply.stock_use where source_id = ? and kind = 'INFUSED'")) {
                st.setObject(1, infusion.infusionId());
                try (var rs = st.executeQuery()) {
                    rs.next();
                    stockRowsRightAfterCommit.put(infusion.infusionId(), rs.getLong(1));
                }
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStockMovementIsCommittedWithTheSyncedInfusion() {
        UUID tom = jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
        DemoProducts product = DemoProducts.factorConcentrate(jdbc);
        ApiClient api = new ApiClient(port).signIn("patient.tom");
        UUID infusion = UUID.randomUUID();
        String body =
                """
                {"entries": [{"id": "%s", "type": "INFUSION", "patientId": "%s",
                  "infusion": {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": 1500,
                               "reason": "PROPHYLAXIS"}}]}"""
                        .formatted(
                                infusion,
                                tom,
                                Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                                product.productId(),
                                product.batchNumber());
        HttpResponse<String> response = api.postJson(
                "/api/v1/diary/sync",
                body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        assertThat(stockRowsRightAfterCommit)
                .as("stock movements committed together with the infusion, before any after-commit work")
                .containsEntry(infusion, 1L);
        assertThat(jdbc.sql("select count(*) from supply.stock_use where source_id = :id")
                        .param("id", infusion)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }
}
