package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;
import org.hemonet.product.DoseUnit;
import org.hemonet.product.NewProduct;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.product.ProductClass;
import org.hemonet.shared.Actor;
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.hemonet.supply.TreatmentPlans;
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
 * The regimen and age band filters of the centres compared (issue 18), read by the centre's own clinician (who sees
 * their centre's counts as computed) for 2015, a year no other test uses. The centre's six patients, with their age on
 * 31 December 2015 and the plan that applies that day (made with the test clock in May 2015):
 *
 * <pre>
 *   born 2008-03-01  7  0-11   prophylaxis
 *   born 2004-01-01 11  0-11   prophylaxis   (12 on 1 January 2016: the band's upper edge)
 *   born 2003-12-31 12  12-17  no plan       (12 on the last day itself: the next band's lower edge)
 *   born 2000-01-01 15  12-17  on demand
 *   born 1980-06-30 35  18-64  prophylaxis
 *   born 1940-01-01 75  65+    no plan
 * </pre>
 *
 * So: 0-11 → 2, 12-17 → 2, 18-64 → 1, 65+ → 1; prophylaxis → 3, on demand → 1, no plan → 2; prophylaxis and 0-11 → 2.
 */
class CentreComparisonFiltersTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static UUID centre;
    private static String clinician;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry patients;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    TreatmentPlans plans;

    @BeforeEach
    void sixPatientsOfKnownAgesAndRegimens() {
        if (centre != null) {
            return;
        }
        TestClock.get().set(Instant.parse("2015-06-01T09:00:00Z"));
        LocalDate today = LocalDate.of(2015, 6, 1);
        TestNetwork.Site site = TestNetwork.in(context).centre("Filters");
        UUID factor = catalogue.add(new NewProduct(
                UUID.randomUUID(),
                "zz filters-test factor VIII",
                "Filterate " + UUID.randomUUID().toString().substring(0, 6),
                "Test Pharma",
                ProductClass.FVIII_RECOMBINANT_STANDARD,
                DoseUnit.IU,
                List.of(1000),
                new BigDecimal("2.0"),
                null,
                null,
                null,
                new BigDecimal("0.60")));
        Actor prescriber = new Actor(UUID.randomUUID(), "filters.test", "CLINICIAN", Set.of(site.centreId()), Set.of());
        patient(site, prescriber, factor, LocalDate.of(2008, 3, 1), Regimen.PROPHYLAXIS, today);
        patient(site, prescriber, factor, LocalDate.of(2004, 1, 1), Regimen.PROPHYLAXIS, today);
        patient(site, prescriber, factor, LocalDate.of(2003, 12, 31), null, today);
        patient(site, prescriber, factor, LocalDate.of(2000, 1, 1), Regimen.ON_DEMAND, today);
        patient(site, prescriber, factor, LocalDate.of(1980, 6, 30), Regimen.PROPHYLAXIS, today);
        patient(site, prescriber, factor, LocalDate.of(1940, 1, 1), null, today);
        TestClock.get().reset();
        clinician = site.staff(Role.CLINICIAN).username();
        centre = site.centreId();
    }

    private void patient(
            TestNetwork.Site site, Actor prescriber, UUID product, LocalDate born, Regimen regimen, LocalDate today) {
        UUID id = patients.register(new NewPatient(
                UUID.randomUUID(),
                site.centreId(),
                "Fil" + born.getYear(),
                "Tered",
                born,
                Sex.MALE,
                null,
                null,
                null,
                DiagnosisType.HEMOPHILIA_A,
                null,
                false,
                new BigDecimal("0.5"),
                LocalDate.of(2015, 1, 5),
                new BigDecimal("40"),
                today.minusDays(10),
                List.of(),
                null));
        if (regimen == null) {
            return;
        }
        boolean prophylaxis = regimen == Regimen.PROPHYLAXIS;
        plans.prescribe(
                prescriber,
                id,
                new Prescription(
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
                        today.minusDays(10),
                        null,
                        null));
    }

    private String patientsOfCentre(String query) {
        HttpResponse<String> r = new ApiClient(port).signIn(clinician).get("/api/v1/reports/centres?year=2015" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode items = JSON.readTree(r.body()).path("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(i -> i.path("centreId").asString().equals(centre.toString()))
                .map(i -> i.path("patients").asString())
                .findFirst()
                .orElse("0"); // a centre with nobody in the cohort has no row
    }

    @Test
    void theAgeBandFilterCountsAgeOnTheLastDayOfTheYear() {
        assertThat(patientsOfCentre("")).isEqualTo("6");
        assertThat(patientsOfCentre("&ageBand=0-11")).isEqualTo("2");
        assertThat(patientsOfCentre("&ageBand=12-17")).isEqualTo("2");
        assertThat(patientsOfCentre("&ageBand=18-64")).isEqualTo("1");
        assertThat(patientsOfCentre("&ageBand=65%2B")).isEqualTo("1");
    }

    @Test
    void theRegimenFilterUsesThePlanThatAppliesOnTheLastDayOfTheYear() {
        assertThat(patientsOfCentre("&regimen=PROPHYLAXIS")).isEqualTo("3");
        assertThat(patientsOfCentre("&regimen=ON_DEMAND")).isEqualTo("1");
        assertThat(patientsOfCentre("&regimen=NO_PLAN")).isEqualTo("2");
        assertThat(patientsOfCentre("&regimen=NON_FACTOR")).isEqualTo("0");
        assertThat(patientsOfCentre("&regimen=PROPHYLAXIS&ageBand=0-11")).isEqualTo("2");
    }

    @Test
    void anUnknownAgeBandIsRefusedNamingTheFieldAndTheFilterIsEchoed() {
        var client = new ApiClient(port).signIn(clinician);
        HttpResponse<String> bad = client.get("/api/v1/reports/centres?year=2015&ageBand=teens");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("ageBand");
        JsonNode filter = JSON.readTree(client.get("/api/v1/reports/centres?year=2015&regimen=ON_DEMAND&ageBand=65%2B")
                        .body())
                .path("filter");
        assertThat(filter.path("regimen").asString()).isEqualTo("ON_DEMAND");
        assertThat(filter.path("ageBand").asString()).isEqualTo("AGE_65_PLUS");
        // the CSV and the page take the same filters
        assertThat(client.get("/api/v1/reports/centres.csv?year=2015&ageBand=0-11", "text/csv")
                        .statusCode())
                .isEqualTo(200);
        assertThat(client.getHtml("/reports/centres?year=2015&regimen=PROPHYLAXIS&ageBand=0-11")
                        .body())
                .contains("value=\"0-11\" selected")
                .contains("value=\"PROPHYLAXIS\" selected");
    }
}
