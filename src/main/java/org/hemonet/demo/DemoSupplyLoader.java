package org.hemonet.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.hemonet.product.ProductCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo product catalogue and batches (and, once the supply module is there, demo treatment plans) after the
 * demo network, when the demo is enabled and the catalogue is empty. Deterministic: seeded like the network.
 *
 * <p>It runs on {@link ApplicationReadyEvent}, which Spring Boot publishes after every {@code ApplicationRunner} has
 * run: an {@code ApplicationRunner} with {@code @Order(LOWEST_PRECEDENCE)} ties with the unordered
 * {@code DemoDataLoader} and ran before it, when there were no patients yet to give plans to.
 */
@Component
class DemoSupplyLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoSupplyLoader.class);

    private final DemoProperties properties;
    private final org.hemonet.shared.database.DatabaseProperties database;
    private final ProductCatalogue catalogue;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoSupplyLoader(
            DemoProperties properties,
            org.hemonet.shared.database.DatabaseProperties database,
            ProductCatalogue catalogue,
            TransactionTemplate transaction,
            Clock clock) {
        this.properties = properties;
        this.database = database;
        this.catalogue = catalogue;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        boolean enabled = properties.enabled() != null
                ? properties.enabled()
                : database.db().url().isBlank();
        if (!enabled || !catalogue.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        transaction.executeWithoutResult(status -> {
            DemoCatalogue.products().forEach(catalogue::add);
            DemoCatalogue.batches(properties.seed(), today)
                    .forEach(b -> catalogue.receiveBatch(
                            b.productId(),
                            b.batchNumber(),
                            b.expiresOn(),
                            b.vials(),
                            b.unitsPerVial(),
                            b.receivedOn(),
                            null));
        });
        log.info("Demo catalogue loaded: {} products", DemoCatalogue.products().size());
    }
}
