package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.centre.Region;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;
import org.hemonet.product.DoseUnit;
import org.hemonet.product.NewProduct;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.shared.Actor;
import org.hemonet.supply.DeliveryWindow;
import org.hemonet.supply.HomeStock;
import org.hemonet.supply.NewDelivery;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The leak of clinical.md §8 (found 2026-12-04), rebuilt on PostgreSQL and read through the API as a commissioner reads
 * it: in a year only this test uses (2009: the test clock is set there while the data are built), four haemophilia B
 * patients resident in North West receive FIX and nobody else in the network receives any factor. FIX patients per
 * region are then North West {@code *} and 0 everywhere else; the network's row must not give the 4 back, neither as
 * its count nor as IU that would be North West's, in any table of the value report.
 */
class ValueReportDisclosureTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String YEAR = "2009";
    private static final String PERIOD = "?from=2009-01&to=2009-12";
    private static boolean built;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    CentreDirectory centres;

    @Autowired
    PatientRegistry patients;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    HomeStock homeStock;

    @BeforeEach
    void fourFixPatientsInNorthWestAndNobodyElse() {
        if (built) {
            return;
        }
        TestClock.get().set(Instant.parse("2009-06-15T10:00:00Z"));
        LocalDate today = LocalDate.of(2009, 6, 15);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID northWest = centres.regions().stream()
                .filter(r -> r.name().equals("North West"))
                .map(Region::id)
                .findFirst()
                .orElseThrow();
        TestNetwork.Site site = TestNetwork.in(context).centre("Disclosure");
        UUID fix = catalogue.add(new NewProduct(
                UUID.randomUUID(),
                "zz disclosure-test factor IX",
                "Ninefold " + tag,
                "Test Pharma",
                ProductClass.FIX_RECOMBINANT_STANDARD,
                DoseUnit.IU,
                List.of(1000),
                new BigDecimal("1.0"),
                null,
                null,
                null,
                new BigDecimal("1.10")));
        String batch = "NW-" + tag;
        catalogue.receiveBatch(fix, batch, today.plusYears(2), 1000, 1000, today.minusDays(20), null);
        Actor nurse = new Actor(UUID.randomUUID(), "disclosure.test", "CLINICIAN", Set.of(site.centreId()), Set.of());
        for (int i = 0; i < 4; i++) {
            UUID patient = patients.register(new NewPatient(
                    UUID.randomUUID(),
                    site.centreId(),
                    "Nina" + i,
                    "Disclosure " + tag,
                    LocalDate.of(1990, 1, 1),
                    Sex.MALE,
                    null,
                    null,
                    northWest,
                    DiagnosisType.HEMOPHILIA_B,
                    null,
                    false,
                    new BigDecimal("0.5"),
                    LocalDate.of(2000, 1, 1),
                    new BigDecimal("70"),
                    today.minusDays(30),
                    List.of(),
                    null));
            var booked = homeStock.book(
                    nurse,
                    new NewDelivery(
                            patient,
                            today,
                            DeliveryWindow.STANDARD,
                            List.of(new NewDelivery.Item(fix, batch, 2 + i, 1000))));
            homeStock.delivered(nurse, booked.id(), null);
        }
        TestClock.get().reset();
        built = true;
    }

    private JsonNode get(String path) {
        var response = new ApiClient(port).signIn("commissioner").get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void perCapitaFixPatientsOfNorthWestBesideZerosAreNotGivenAwayByTheNetworkRow() {
        JsonNode rows = get("/api/v1/reports/value/per-capita" + PERIOD).path("rows");
        List<JsonNode> fix = new ArrayList<>();
        rows.forEach(r -> {
            if (r.path("year").asInt() == 2009 && r.path("factor").asString().equals("FIX")) {
                fix.add(r);
            }
        });
        JsonNode northWest = fix.stream()
                .filter(r -> r.path("region").asString().equals("North West"))
                .findFirst()
                .orElseThrow();
        assertThat(northWest.path("patients").asString()).isEqualTo("*");
        assertThat(northWest.path("iu").asString()).isEqualTo("*");
        assertThat(northWest.path("iuPerCapita").asString()).isEqualTo("*");
        // the other regions are exact zeros, as §8 has it
        assertThat(fix.stream()
                        .filter(r -> !r.path("network").asBoolean())
                        .filter(r -> !r.path("region").asString().equals("North West"))
                        .map(r -> r.path("patients").asString()))
                .isNotEmpty()
                .containsOnly("0");
        JsonNode network = fix.stream()
                .filter(r -> r.path("network").asBoolean())
                .findFirst()
                .orElseThrow();
        // before: network 4 → North West is 4; and its IU (14000) would be North West's
        assertThat(network.path("patients").asString()).isEqualTo("*");
        assertThat(network.path("iu").asString()).isEqualTo("*");
        // no population is held for 2009, so no rate either way
        assertThat(network.path("iuPerCapita").asString()).isIn("*", "—");
    }

    @Test
    void theValueTableByRegionHidesTheNetworkCountAndSumsAndTheChartBar() {
        JsonNode table = get("/api/v1/reports/value" + PERIOD + "&groupBy=region&period=year");
        JsonNode northWest = null;
        JsonNode network = null;
        for (JsonNode r : table.path("rows")) {
            if (r.path("period").asString().equals(YEAR) && r.path("total").asBoolean()) {
                network = r;
            } else if (r.path("group").asString().equals("North West")) {
                northWest = r;
            }
        }
        assertThat(northWest).isNotNull();
        assertThat(network).isNotNull();
        assertThat(List.of(
                        northWest.path("patients").asString(),
                        northWest.path("iu").asString()))
                .containsOnly("*");
        assertThat(List.of(
                        network.path("patients").asString(),
                        network.path("iu").asString(),
                        network.path("cost").asString()))
                .containsOnly("*");
        JsonNode grand = table.path("grandTotal");
        assertThat(List.of(grand.path("patients").asString(), grand.path("iu").asString()))
                .containsOnly("*");
        for (JsonNode bar : table.path("costChart")) {
            assertThat(bar.path("shown").asString()).as("chart bar " + bar).isEqualTo("*");
        }
        assertThat(table.path("anySuppressed").asBoolean()).isTrue();
    }

    @Test
    void theRegimenTableHidesTheNetworkCountBesideItsOnlyGroup() {
        // the four have no treatment plan: one group of 4 and an empty network beside it
        JsonNode table = get("/api/v1/reports/value/regimens" + PERIOD);
        assertThat(table.path("rows")).hasSize(1);
        JsonNode group = table.path("rows").get(0);
        assertThat(group.path("regimen").asString()).isEqualTo("NO_PLAN");
        assertThat(group.path("patients").asString()).isEqualTo("*");
        JsonNode network = table.path("network");
        assertThat(List.of(
                        network.path("patients").asString(),
                        network.path("totalCost").asString(),
                        network.path("meanCostPerYear").asString(),
                        network.path("medianCostPerYear").asString()))
                .containsOnly("*");
    }

    @Test
    void theCsvExportsShowNoCountOfOneToSeven() {
        var client = new ApiClient(port).signIn("commissioner");
        for (String path : List.of(
                "/api/v1/reports/value/per-capita.csv" + PERIOD,
                "/api/v1/reports/value.csv" + PERIOD + "&groupBy=region&period=year",
                "/api/v1/reports/value/regimens.csv" + PERIOD)) {
            var response = client.get(path, "text/csv");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain(",4,").doesNotContain("14000");
        }
    }
}
