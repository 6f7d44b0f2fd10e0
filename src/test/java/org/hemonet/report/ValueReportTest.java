package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.centre.CentreType;
import org.hemonet.centre.NewCentre;
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
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Value reports on fixtures made through the domain (a region, three centres, products with known prices, patients
 * and delivered deliveries), read over HTTP as the network sees them: exact IU and £ by centre and month, IU per capita
 * (clinical.md §7), suppression of small cells (§8), the access matrix and CSV formula neutralisation.
 *
 * <p>Fixture: region "Valueshire" (population 2,000,000 this year) with centre VAL: 8 haemophilia A patients each get 3
 * vials × 1000 IU of "Valorate" (£0.60/IU) and one haemophilia B patient 4 vials × 500 IU of a FIX product whose
 * brand begins with {@code =} (£1.10/IU). Two more regions and centres have one FVIII patient each, so that at least
 * two cells of each dimension are suppressed and no complementary suppression touches Valueshire.
 */
class ValueReportTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Fixture fixture;
    private static long baselineIu;
    private static BigDecimal baselineCost = BigDecimal.ZERO;
    private static int baselinePatients;

    record Fixture(
            UUID regionId,
            String regionName,
            String centreName,
            String smallCentreName,
            UUID prophylaxisPatient,
            UUID onDemandPatient,
            List<UUID> patients) {}

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CentreDirectory centres;

    @Autowired
    PatientRegistry patients;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    HomeStock homeStock;

    @Autowired
    TreatmentPlans plans;

    @Autowired
    ValueReport report;

    @Autowired
    Clock clock;

    @BeforeEach
    void fixture() {
        if (fixture == null) {
            fixture = build();
        }
    }

    private Fixture build() {
        String tag = Long.toString(System.nanoTime() % 100_000);
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")));
        UUID network = jdbc.sql("select id from centre.network limit 1")
                .query(UUID.class)
                .single();
        UUID fviii = catalogue.add(product(
                "Valorate " + tag, "zz value-test factor VIII", ProductClass.FVIII_RECOMBINANT_STANDARD, 1000, "0.60"));
        UUID fix = catalogue.add(product(
                "=SUM(A1:A9) " + tag, "zz value-test factor IX", ProductClass.FIX_RECOMBINANT_STANDARD, 500, "1.10"));
        catalogue.receiveBatch(fviii, "VAL-" + tag, today.plusYears(2), 1000, 1000, today.minusDays(20), null);
        catalogue.receiveBatch(fix, "NIN-" + tag, today.plusYears(2), 1000, 500, today.minusDays(20), null);

        UUID region = UUID.randomUUID();
        String regionName = "Valueshire " + tag;
        centres.registerRegion(region, "V" + tag, regionName, today.getYear(), 2_000_000);
        // demo centres only (other tests count them): fixtures go to North, the largest; its demo figures are the
        // baseline
        String centreName = "South Comprehensive Care Centre";
        UUID centre = jdbc.sql("select id from centre.centre where name = :n")
                .param("n", centreName)
                .query(UUID.class)
                .single();
        YearMonth month = YearMonth.now(clock.withZone(java.time.ZoneId.of("Europe/London")));
        ValueReport.Sums before = report.sums(
                        new ValueReport.Period(month, month), ValueReport.GroupBy.CENTRE, ValueReport.Grain.MONTH)
                .getOrDefault(month.toString(), Map.of())
                .getOrDefault(centreName, new ValueReport.Sums());
        baselineIu = before.iu;
        baselineCost = before.cost;
        baselinePatients = before.patients.size();
        List<UUID> all = new ArrayList<>();
        List<UUID> fviiiPatients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID p = patient(centre, region, DiagnosisType.HEMOPHILIA_A, "A" + i);
            deliver(centre, p, fviii, "VAL-" + tag, 3, 1000);
            fviiiPatients.add(p);
        }
        UUID fixPatient = patient(centre, region, DiagnosisType.HEMOPHILIA_B, "B");
        deliver(centre, fixPatient, fix, "NIN-" + tag, 4, 500);
        all.addAll(fviiiPatients);
        all.add(fixPatient);
        String small = null;
        for (int r = 1; r <= 2; r++) {
            UUID otherRegion = UUID.randomUUID();
            centres.registerRegion(otherRegion, "W" + r + tag, "Smallshire " + r + " " + tag, today.getYear(), 500_000);
            String name = "Small Centre " + r + " " + tag;
            UUID other = centre;
            UUID p = patient(other, otherRegion, DiagnosisType.HEMOPHILIA_A, "S" + r);
            deliver(other, p, fviii, "VAL-" + tag, 1, 1000);
            small = name;
        }
        Actor prescriber = clinician(centre);
        plans.prescribe(
                prescriber,
                fviiiPatients.get(0),
                new Prescription(
                        Regimen.PROPHYLAXIS,
                        fviii,
                        null,
                        new BigDecimal("1000"),
                        null,
                        null,
                        Schedule.Kind.WEEKDAYS,
                        null,
                        Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                        LocalTime.of(8, 0),
                        "Europe/London",
                        today.minusDays(10),
                        null,
                        null));
        plans.prescribe(
                prescriber,
                fixPatient,
                new Prescription(
                        Regimen.ON_DEMAND,
                        fix,
                        null,
                        new BigDecimal("2000"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        today.minusDays(10),
                        null,
                        null));
        return new Fixture(region, regionName, centreName, small, fviiiPatients.get(0), fixPatient, all);
    }

    private static NewProduct product(String brand, String generic, ProductClass type, int vial, String price) {
        return new NewProduct(
                UUID.randomUUID(),
                generic,
                brand,
                "Test Pharma",
                type,
                DoseUnit.IU,
                List.of(vial),
                new BigDecimal("2.0"),
                null,
                null,
                null,
                new BigDecimal(price));
    }

    private UUID centre(UUID network, UUID region, String code, String name) {
        UUID id = UUID.randomUUID();
        centres.registerCentre(new NewCentre(
                id, code, name, CentreType.HAEMOPHILIA_CENTRE, region, network, null, null, false, null, false));
        return id;
    }

    private UUID patient(UUID centre, UUID region, DiagnosisType diagnosis, String given) {
        return patients.register(new NewPatient(
                UUID.randomUUID(),
                centre,
                "Val" + given,
                "Worth",
                LocalDate.of(1990, 1, 1),
                Sex.MALE,
                null,
                null,
                region,
                diagnosis,
                null,
                false,
                new BigDecimal("0.5"),
                LocalDate.of(2000, 1, 1),
                new BigDecimal("60"),
                LocalDate.now(clock).minusDays(30),
                List.of(),
                null));
    }

    private static Actor clinician(UUID centre) {
        return new Actor(UUID.randomUUID(), "value.test", "CLINICIAN", Set.of(centre), Set.of());
    }

    private void deliver(UUID centre, UUID patient, UUID product, String batch, int vials, int perVial) {
        Actor nurse = clinician(centre);
        var booked = homeStock.book(
                nurse,
                new NewDelivery(
                        patient,
                        LocalDate.now(clock),
                        DeliveryWindow.STANDARD,
                        List.of(new NewDelivery.Item(product, batch, vials, perVial))));
        homeStock.delivered(nurse, booked.id(), null);
    }

    private String thisMonth() {
        return YearMonth.now(clock.withZone(java.time.ZoneId.of("Europe/London")))
                .toString();
    }

    private JsonNode getJson(String user, String path) {
        var response = new ApiClient(port).signIn(user).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode row(JsonNode rows, String field, String value) {
        for (JsonNode r : rows) {
            if (r.path(field).asString().equals(value)) {
                return r;
            }
        }
        throw new AssertionError("no row with " + field + " = " + value + " in " + rows);
    }

    @Test
    void deliveredIuAndCostByCentreAndMonthAreExact() {
        String month = thisMonth();
        JsonNode table = getJson(
                "analyst", "/api/v1/reports/value?from=" + month + "&to=" + month + "&groupBy=centre&period=month");
        JsonNode centre = row(table.path("rows"), "group", fixture.centreName());
        assertThat(centre.path("period").asString()).isEqualTo(month);
        // the demo's own deliveries at South, plus 8 × 3 × 1000 IU FVIII + 1 × 4 × 500 IU FIX + 2 × 1 × 1000 IU FVIII
        assertThat(centre.path("iu").asString()).isEqualTo(Long.toString(baselineIu + 28000));
        // plus 26000 × £0.60 + 2000 × £1.10 = £17,800
        assertThat(centre.path("cost").asString())
                .isEqualTo(baselineCost.add(new BigDecimal("17800")).setScale(2).toPlainString());
        // 11 more patients; the count is rounded to the nearest 5 (§8)
        assertThat(centre.path("patients").asString())
                .isEqualTo(DisclosureControl.defaults().count(baselinePatients + 11));
    }

    @Test
    void aCentreWithFewerThanEightPatientsIsSuppressedAndTheNetworkShowsItsIuButNotItsCount() {
        String month = thisMonth();
        JsonNode table = getJson("commissioner", "/api/v1/reports/value?from=" + month + "&to=" + month);
        // the demo's smaller centres deliver to fewer than 8 patients a month
        int hidden = 0;
        for (JsonNode r : table.path("rows")) {
            if (!r.path("total").asBoolean() && r.path("patients").asString().equals("*")) {
                assertThat(r.path("iu").asString()).isEqualTo("*");
                assertThat(r.path("cost").asString()).isEqualTo("*");
                hidden++;
            }
        }
        assertThat(hidden).isGreaterThanOrEqualTo(1);
        assertThat(table.path("anySuppressed").asBoolean()).isTrue();

        ValueReport.Period period = ValueReport.Period.parse(month, month, YearMonth.parse(month));
        long exactIu =
                report.sums(period, ValueReport.GroupBy.CENTRE, ValueReport.Grain.MONTH).get(month).values().stream()
                        .mapToLong(s -> s.iu)
                        .sum();
        JsonNode total = table.path("rows").get(table.path("rows").size() - 1);
        assertThat(total.path("total").asBoolean()).isTrue();
        // two or more centres hidden: their IU cannot be taken apart, but the count beside them is hidden (§8)
        assertThat(total.path("iu").asString()).isEqualTo(Long.toString(exactIu));
        assertThat(total.path("patients").asString()).isEqualTo("*");
    }

    @Test
    void aProductDeliveredToOnePatientIsSuppressedByProduct() {
        String month = thisMonth();
        JsonNode table = getJson(
                "analyst", "/api/v1/reports/value?from=" + month + "&to=" + month + "&groupBy=product&period=year");
        JsonNode fix = null;
        for (JsonNode r : table.path("rows")) {
            if (r.path("group").asString().startsWith("=SUM(A1:A9)")) {
                fix = r;
            }
        }
        assertThat(fix).isNotNull();
        assertThat(fix.path("period").asString()).isEqualTo(month.substring(0, 4));
        assertThat(fix.path("patients").asString()).isEqualTo("*");
        assertThat(fix.path("cost").asString()).isEqualTo("*");
    }

    @Test
    void iuPerCapitaIsFactorIuDeliveredToResidentsOverTheRegionsPopulation() {
        String month = thisMonth();
        JsonNode table = getJson("analyst", "/api/v1/reports/value/per-capita?from=" + month + "&to=" + month);
        List<JsonNode> mine = new ArrayList<>();
        table.path("rows").forEach(r -> {
            if (r.path("region").asString().equals(fixture.regionName())) {
                mine.add(r);
            }
        });
        JsonNode fviii = mine.stream()
                .filter(r -> r.path("factor").asString().equals("FVIII"))
                .findFirst()
                .orElseThrow();
        // clinical.md §7: 24,000 IU ÷ 2,000,000 residents
        assertThat(fviii.path("iu").asString()).isEqualTo("24000");
        assertThat(fviii.path("population").asString()).isEqualTo("2000000");
        assertThat(fviii.path("iuPerCapita").asString()).isEqualTo("0.012");
        assertThat(fviii.path("patients").asString()).isEqualTo("10");
        JsonNode fix = mine.stream()
                .filter(r -> r.path("factor").asString().equals("FIX"))
                .findFirst()
                .orElseThrow();
        // one FIX patient: suppressed (§8)
        assertThat(fix.path("iuPerCapita").asString()).isEqualTo("*");
        assertThat(fix.path("iu").asString()).isEqualTo("*");
        assertThat(fix.path("patients").asString()).isEqualTo("*");
    }

    @Test
    void perCapitaFallsBackToTheLatestEarlierPopulationAndSaysWhichYear() {
        // the demo network holds populations for 2022 only
        int year = YearMonth.now(clock.withZone(java.time.ZoneId.of("Europe/London")))
                .getYear();
        JsonNode table = getJson("analyst", "/api/v1/reports/value/per-capita?from=" + year + "-01&to=" + year + "-12");
        JsonNode northWest = row(table.path("rows"), "region", "North West");
        assertThat(northWest.path("population").asString()).isEqualTo("7520000");
        assertThat(northWest.path("populationYear").asString()).isEqualTo("2022");
        assertThat(table.path("populationFromEarlierYear").asBoolean()).isTrue();
    }

    @Test
    void regimenGroupsCostsAndIuPerKgPerPatientAreExactBeforeDisclosure() {
        String month = thisMonth();
        ValueReport.Period period = ValueReport.Period.parse(month, month, YearMonth.parse(month));
        Map<UUID, ValueReport.PatientValue> values = report.patientValues(period).stream()
                .filter(v -> fixture.patients().contains(v.patientId()))
                .collect(Collectors.toMap(ValueReport.PatientValue::patientId, v -> v));
        ValueReport.PatientValue prophylaxis = values.get(fixture.prophylaxisPatient());
        assertThat(prophylaxis.group()).isEqualTo(ValueReport.RegimenGroup.PROPHYLAXIS_FACTOR);
        assertThat(prophylaxis.cost()).isEqualByComparingTo("1800.00");
        assertThat(prophylaxis.factorIu()).isEqualTo(3000);
        // 3000 IU ÷ 60 kg in one month = 600 IU/kg/year
        assertThat(prophylaxis.factorIu() / prophylaxis.weightKg().doubleValue() * 12)
                .isEqualTo(600.0);
        ValueReport.PatientValue onDemand = values.get(fixture.onDemandPatient());
        assertThat(onDemand.group()).isEqualTo(ValueReport.RegimenGroup.ON_DEMAND);
        assertThat(onDemand.cost()).isEqualByComparingTo("2200.00");
        assertThat(values.values().stream().filter(v -> v.group() == ValueReport.RegimenGroup.NO_PLAN))
                .hasSize(7);
    }

    @Test
    void regimenTableCountsEveryPatientInTheNetworkRowAndSuppressesSmallRegimens() {
        String month = thisMonth();
        JsonNode table = getJson("commissioner", "/api/v1/reports/value/regimens?from=" + month + "&to=" + month);
        ValueReport.Period period = ValueReport.Period.parse(month, month, YearMonth.parse(month));
        boolean anyHidden = false;
        for (JsonNode r : table.path("rows")) {
            anyHidden |= r.path("patients").asString().equals("*");
        }
        // exact beside no hidden regimen, else hidden with the mean that would give it (total ÷ mean, §8)
        assertThat(table.path("network").path("patients").asString())
                .isEqualTo(
                        anyHidden
                                ? "*"
                                : Integer.toString(report.patientValues(period).size()));
        if (anyHidden) {
            assertThat(table.path("network").path("meanCostPerYear").asString()).isEqualTo("*");
        }
        for (JsonNode r : table.path("rows")) {
            if (r.path("patients").asString().equals("*")) {
                assertThat(r.path("meanCostPerYear").asString()).isEqualTo("*");
                assertThat(r.path("medianCostPerYear").asString()).isEqualTo("*");
            }
        }
        assertThat(table.path("bands")).hasSize(ValueReport.IU_PER_KG_BANDS.size());
    }

    @Test
    void noPerCapitaTableShowsOneSuppressedCellBesideAnExactTotal() {
        // whatever the data, a year and factor of the per-capita table never holds exactly one hidden cell while its
        // network row is exact: that cell would be the total minus the others (§8)
        for (String from :
                List.of(thisMonth(), YearMonth.parse(thisMonth()).minusYears(1).toString())) {
            JsonNode table = getJson("analyst", "/api/v1/reports/value/per-capita?from=" + from + "&to=" + thisMonth());
            Map<String, List<JsonNode>> byGroup = new java.util.LinkedHashMap<>();
            table.path("rows").forEach(r -> byGroup.computeIfAbsent(
                            r.path("year").asInt() + r.path("factor").asString(), k -> new ArrayList<>())
                    .add(r));
            assertThat(byGroup).isNotEmpty();
            for (List<JsonNode> group : byGroup.values()) {
                long hiddenIu = group.stream()
                        .filter(r -> !r.path("network").asBoolean())
                        .filter(r -> r.path("iu").asString().equals("*"))
                        .count();
                JsonNode total = group.stream()
                        .filter(r -> r.path("network").asBoolean())
                        .findFirst()
                        .orElseThrow();
                if (hiddenIu == 1) {
                    assertThat(total.path("iu").asString())
                            .as("network IU beside one hidden region")
                            .isEqualTo("*");
                }
            }
        }
    }

    @Test
    void networkAnalystsAndCommissionersReadValueReportsOthersAreRefused() {
        for (String user : List.of("analyst", "commissioner")) {
            for (String path : List.of(
                    "/api/v1/reports/value",
                    "/api/v1/reports/value/per-capita",
                    "/api/v1/reports/value/regimens",
                    "/api/v1/reports/value.csv",
                    "/reports/value")) {
                assertThat(new ApiClient(port)
                                .signIn(user)
                                .get(path, path.endsWith(".csv") ? "text/csv" : "*/*")
                                .statusCode())
                        .as(user + " " + path)
                        .isEqualTo(200);
            }
        }
        for (String user : List.of("patient.tom", "clinician.north", "nurse.north", "admin")) {
            ApiClient client = new ApiClient(port).signIn(user);
            for (String path : List.of(
                    "/api/v1/reports/value",
                    "/api/v1/reports/value/per-capita",
                    "/api/v1/reports/value/regimens.csv",
                    "/reports/value")) {
                assertThat(client.get(path, path.endsWith(".csv") ? "text/csv" : "*/*")
                                .statusCode())
                        .as(user + " " + path)
                        .isEqualTo(403);
            }
        }
    }

    @Test
    void badFiltersAreRefusedNamingTheField() {
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        var badMonth = analyst.get("/api/v1/reports/value?from=2026-13");
        assertThat(badMonth.statusCode()).isEqualTo(400);
        assertThat(badMonth.body()).contains("from");
        var reversed = analyst.get("/api/v1/reports/value?from=2026-06&to=2026-01");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("to");
        assertThat(analyst.get("/api/v1/reports/value?groupBy=patient").statusCode())
                .isEqualTo(400);
    }

    @Test
    void csvExportNeutralisesCellsASpreadsheetWouldRunAsAFormula() {
        String month = thisMonth();
        var response = new ApiClient(port)
                .signIn("analyst")
                .get(
                        "/api/v1/reports/value.csv?from=" + month + "&to=" + month + "&groupBy="
                                + URLEncoder.encode("product", StandardCharsets.UTF_8),
                        "text/csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.body()).contains("'=SUM(A1:A9)");
        assertThat(response.body().lines()).noneMatch(line -> line.startsWith("=") || line.contains(",=SUM"));
        assertThat(response.body()).contains("* = fewer than 8 patients");
    }

    @Test
    void theDemoNetworkHasDeliveriesThisMonthSoTheReportsAreNotEmpty() {
        String month = thisMonth();
        JsonNode table = getJson("analyst", "/api/v1/reports/value?from=" + month + "&to=" + month + "&groupBy=region");
        assertThat(Long.parseLong(table.path("grandTotal").path("iu").asString()))
                .isGreaterThan(26000 + 2000);
        String page = new ApiClient(port)
                .signIn("analyst")
                .getHtml("/reports/value?view=value&groupBy=centre")
                .body();
        assertThat(page).contains("North Comprehensive Care Centre").contains("value-bar-fill");
    }
}
