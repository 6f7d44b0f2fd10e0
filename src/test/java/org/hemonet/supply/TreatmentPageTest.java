package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The treatment page: staff see and set the plan, patients see theirs, other centres get the 404 page. */
class TreatmentPageTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TreatmentPlans plans;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    org.hemonet.patient.PatientRegistry registry;

    SupplyFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SupplyFixtures(jdbc);
    }

    @Test
    void clinicianSeesPlanStockBleedPlanAndTheForm() {
        var page = new ApiClient(port).signIn("clinician.north").getHtml("/patients/" + fixtures.tom() + "/treatment");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Treatment of Tom Bradley", "Octavia", "(octocog alfa)", "Prophylaxis")
                .contains("Home stock", "days of stock left", "Bleed and surgery plan", "Intracranial")
                .contains("Prescribe a regimen");
    }

    @Test
    void staffListLinksToTheTreatmentPage() {
        var home = new ApiClient(port).signIn("nurse.north").getHtml("/");
        assertThat(home.body()).contains("/patients/" + fixtures.tom() + "/treatment");
    }

    @Test
    void patientSeesTheirPlanWithoutThePrescribingForm() {
        ApiClient tom = new ApiClient(port).signIn("patient.tom");
        var redirect = tom.getHtml("/treatment");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElse(""))
                .endsWith("/patients/" + fixtures.tom() + "/treatment");
        var page = tom.getHtml("/patients/" + fixtures.tom() + "/treatment");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Octavia", "Next doses", "Home stock").doesNotContain("Prescribe a regimen");
        assertThat(tom.getHtml("/patients/" + fixtures.leo() + "/treatment").statusCode())
                .isEqualTo(404);
    }

    @Test
    void otherCentreGetsTheNotFoundPage() {
        var page = new ApiClient(port).signIn("clinician.south").getHtml("/patients/" + fixtures.tom() + "/treatment");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Tom Bradley", "Octavia");
    }

    @Test
    void nursePrescribesThroughTheForm() {
        UUID patient = fixtures.otherNorthPatient(4);
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        nurse.getHtml("/patients/" + patient + "/treatment");
        String body = "regimen=PROPHYLAXIS&productId=" + fixtures.product("Elora")
                + "&dosePerKg=50&dose=&schedule=EVERY_N_DAYS&scheduleInterval=4&doseTime=08:00&validFrom="
                + LocalDate.now() + "&notes=";
        var saved = nurse.postForm("/patients/" + patient + "/treatment", body);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).contains("saved");
        assertThat(plans.activePlan(patient, LocalDate.now()).orElseThrow().productId())
                .isEqualTo(fixtures.product("Elora"));

        var invalid = nurse.postForm(
                "/patients/" + patient + "/treatment",
                "regimen=PROPHYLAXIS&productId=" + fixtures.product("Elora")
                        + "&dosePerKg=&dose=&schedule=EVERY_N_DAYS&scheduleInterval=4&validFrom=" + LocalDate.now());
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("Give either a dose per kg or a fixed dose");
    }

    /**
     * Emicizumab with aPCC for breakthrough bleeds, prescribed through the page (issue 13): the plan keeps the bleed
     * product and the page warns of thrombotic microangiopathy.
     */
    @Test
    void aBleedProductBesideEmicizumabIsPrescribedThroughTheFormAndAPccIsWarnedAbout() {
        org.hemonet.support.TestNetwork.Site site =
                org.hemonet.support.TestNetwork.in(context).centre("BleedProduct");
        UUID patient = site.patient("Rae", "Bleeds").patientId();
        registry.recordWeight(patient, LocalDate.now().minusDays(2), new java.math.BigDecimal("30"));
        ApiClient nurse = new ApiClient(port)
                .signIn(site.staff(org.hemonet.identity.Role.NURSE).username());
        var form = nurse.getHtml("/patients/" + patient + "/treatment");
        assertThat(form.body()).contains("id=\"bleedProductId\"", "For breakthrough bleeds");
        String body = "regimen=PROPHYLAXIS&productId=" + fixtures.product("Emivia 30") + "&bleedProductId="
                + fixtures.product("Bypara") + "&dosePerKg=1.5&dose=&schedule=EVERY_N_WEEKS&scheduleInterval=1"
                + "&doseTime=08:00&validFrom=" + LocalDate.now() + "&notes=";
        var saved = nurse.postForm("/patients/" + patient + "/treatment", body);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).contains("saved", "apcc");
        assertThat(plans.activePlan(patient, LocalDate.now()).orElseThrow().bleedProductId())
                .isEqualTo(fixtures.product("Bypara"));
    }
}
