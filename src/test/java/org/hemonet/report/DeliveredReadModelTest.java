package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hemonet.product.DoseUnit;
import org.hemonet.product.NewProduct;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.shared.Actor;
import org.hemonet.supply.DeliveryWindow;
import org.hemonet.supply.HomeStock;
import org.hemonet.supply.NewDelivery;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The value reports' read model of delivered units (issue 14): a confirmed delivery is in it in the network's month
 * as soon as it is committed (summed per product), the report reads it, and a rebuild from supply gives the same cells.
 */
class DeliveredReadModelTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    HomeStock homeStock;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    DeliveredReadModel model;

    @Autowired
    ReportQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aConfirmedDeliveryIsInTheNetworksMonthAtOnceAndARebuildAgrees() {
        var site = TestNetwork.in(context).centre("Delivered");
        UUID patient = site.patient("Della", "Ivery").patientId();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID product = catalogue.add(new NewProduct(
                UUID.randomUUID(),
                "zz delivered-test factor VIII",
                "Delivrate " + tag,
                "Test Pharma",
                ProductClass.FVIII_RECOMBINANT_STANDARD,
                DoseUnit.IU,
                List.of(1000, 500),
                new BigDecimal("2.0"),
                null,
                null,
                null,
                new BigDecimal("0.50")));
        LocalDate today = LocalDate.now(clock);
        catalogue.receiveBatch(product, "DLV-" + tag, today.plusYears(2), 1000, 1000, today.minusDays(40), null);
        catalogue.receiveBatch(product, "DLW-" + tag, today.plusYears(2), 1000, 500, today.minusDays(40), null);
        Actor nurse = new Actor(UUID.randomUUID(), "delivered.test", "CLINICIAN", Set.of(site.centreId()), Set.of());

        // confirmed at 23:30 UTC on the last day of a summer month: already the next month in London (BST, UTC+1)
        LocalDate lastDay = YearMonth.from(today.minusMonths(2)).withMonth(7).atEndOfMonth();
        if (lastDay.isAfter(today)) {
            lastDay = lastDay.minusYears(1);
        }
        TestClock.get().set(Instant.parse(lastDay + "T23:30:00Z"));
        var booked = homeStock.book(
                nurse,
                new NewDelivery(
                        patient,
                        lastDay,
                        DeliveryWindow.STANDARD,
                        List.of(
                                new NewDelivery.Item(product, "DLV-" + tag, 3, 1000),
                                new NewDelivery.Item(product, "DLW-" + tag, 2, 500))));
        homeStock.delivered(nurse, booked.id(), null);
        TestClock.get().reset();

        YearMonth august = YearMonth.from(lastDay).plusMonths(1);
        assertThat(cells(patient)).isEqualTo(Map.of(august, 4000L));
        assertThat(queries.delivered(august, august).stream()
                        .filter(l -> l.patientId().equals(patient))
                        .map(ReportQueries.DeliveredLine::quantity)
                        .toList())
                .containsExactly(4000L);
        assertThat(queries.delivered(YearMonth.from(lastDay), YearMonth.from(lastDay)).stream()
                        .filter(l -> l.patientId().equals(patient)))
                .isEmpty();

        // a delivery still open is not in it
        homeStock.book(
                nurse,
                new NewDelivery(
                        patient,
                        today.plusDays(3),
                        DeliveryWindow.STANDARD,
                        List.of(new NewDelivery.Item(product, "DLV-" + tag, 1, 1000))));
        assertThat(cells(patient)).isEqualTo(Map.of(august, 4000L));

        Map<List<Object>, Long> before = everything();
        assertThat(model.rebuild()).isEqualTo(before.size());
        assertThat(everything()).isEqualTo(before);
        assertThat(queries.readModelZone(DeliveredReadModel.NAME)).contains("Europe/London");
    }

    private Map<YearMonth, Long> cells(UUID patient) {
        return jdbc
                .sql("select month, units from report.delivered_month where patient_id = :p")
                .param("p", patient)
                .query((rs, n) ->
                        Map.entry(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("units")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<List<Object>, Long> everything() {
        return jdbc
                .sql("select month, product_id, centre_id, patient_id, units from report.delivered_month")
                .query((rs, n) -> Map.entry(
                        List.<Object>of(
                                rs.getObject("month", LocalDate.class),
                                rs.getObject("product_id", UUID.class),
                                rs.getObject("centre_id", UUID.class),
                                rs.getObject("patient_id", UUID.class)),
                        rs.getLong("units")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
