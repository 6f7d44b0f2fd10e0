package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The value reports' read models (issue 14): a confirmed delivery is in the delivered units in the network's month as
 * soon as it is committed (summed per product); a patient's living plans are mirrored as they are after each change;
 * the report reads both, and a rebuild from supply gives the same rows.
 */
class ReportReadModelsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    HomeStock homeStock;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    TreatmentPlans plans;

    @Autowired
    ReportReadModels model;

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
        UUID product = product("Delivrate " + tag, List.of(1000, 500));
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

        // other tests may write deliveries straight into supply's tables: only this patient's cells compare
        Map<YearMonth, Long> before = cells(patient);
        assertThat(model.rebuild()).isPositive();
        assertThat(cells(patient)).isEqualTo(before);
        assertThat(queries.readModelZone(ReportReadModels.NAME)).contains("Europe/London");
    }

    @Test
    void aPatientsPlansAreMirroredAsTheyAreNowAndARebuildAgrees() {
        var site = TestNetwork.in(context).centre("Plans");
        UUID patient = site.patient("Plan", "Period").patientId();
        UUID product = product("Planrate " + UUID.randomUUID().toString().substring(0, 6), List.of(1000));
        Actor nurse = new Actor(UUID.randomUUID(), "plans.test", "CLINICIAN", Set.of(site.centreId()), Set.of());
        LocalDate today = LocalDate.now(clock);
        var first = plans.prescribe(nurse, patient, prescription(Regimen.ON_DEMAND, product, today.minusDays(60)));
        assertThat(planRows(patient)).containsExactly(List.of(first.id(), "ON_DEMAND", today.minusDays(60), "open"));

        // a new prescription from 10 days ago ends the first the day before
        var second = plans.prescribe(nurse, patient, prescription(Regimen.PROPHYLAXIS, product, today.minusDays(10)));
        assertThat(planRows(patient))
                .containsExactlyInAnyOrder(
                        List.of(
                                first.id(),
                                "ON_DEMAND",
                                today.minusDays(60),
                                today.minusDays(11).toString()),
                        List.of(second.id(), "PROPHYLAXIS", today.minusDays(10), "open"));
        assertThat(queries.plans(today.minusDays(5), today).stream()
                        .filter(p -> p.patientId().equals(patient))
                        .map(ReportQueries.PlanInPeriod::regimen))
                .containsExactly("PROPHYLAXIS");

        // voiding it reopens the first
        plans.voidPlan(nurse, patient, second.id(), "Entered for the wrong patient", null);
        assertThat(planRows(patient)).containsExactly(List.of(first.id(), "ON_DEMAND", today.minusDays(60), "open"));

        // other tests write plans straight into supply's table, behind the events: only this patient's rows compare
        List<List<Object>> plansBefore = allPlans(patient);
        model.rebuildPlans();
        assertThat(allPlans(patient))
                .containsExactlyInAnyOrderElementsOf(plansBefore)
                .hasSize(1);
    }

    /** A factor VIII product of the test's own, £0.50/IU. */
    private UUID product(String brand, List<Integer> vials) {
        return catalogue.add(new NewProduct(
                UUID.randomUUID(),
                "zz read-model-test factor VIII",
                brand,
                "Test Pharma",
                ProductClass.FVIII_RECOMBINANT_STANDARD,
                DoseUnit.IU,
                vials,
                new BigDecimal("2.0"),
                null,
                null,
                null,
                new BigDecimal("0.50")));
    }

    private static Prescription prescription(Regimen regimen, UUID product, LocalDate from) {
        boolean prophylaxis = regimen == Regimen.PROPHYLAXIS;
        return new Prescription(
                regimen,
                product,
                null,
                new BigDecimal("1000"),
                null,
                null,
                prophylaxis ? Schedule.Kind.WEEKDAYS : null,
                null,
                prophylaxis ? Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY) : null,
                prophylaxis ? LocalTime.of(8, 0) : null,
                prophylaxis ? "Europe/London" : null,
                from,
                null,
                null);
    }

    private List<List<Object>> planRows(UUID patient) {
        return jdbc.sql("select plan_id, regimen, valid_from, valid_to from report.plan_period where patient_id = :p")
                .param("p", patient)
                .query((rs, n) -> List.<Object>of(
                        rs.getObject("plan_id", UUID.class),
                        rs.getString("regimen"),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to") == null ? "open" : rs.getString("valid_to")))
                .list();
    }

    private List<List<Object>> allPlans(UUID patient) {
        return jdbc.sql("select plan_id, patient_id, regimen, product_id, valid_from, coalesce(valid_to::text, ''),"
                        + " created_at from report.plan_period where patient_id = :p")
                .param("p", patient)
                .query((rs, n) -> List.<Object>of(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6),
                        rs.getObject(7, java.time.OffsetDateTime.class).toInstant()))
                .list();
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
}
