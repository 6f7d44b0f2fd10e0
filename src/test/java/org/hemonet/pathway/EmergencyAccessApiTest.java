package org.hemonet.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17's emergency card and time-limited emergency view through the API (the contract): the link opens without a
 * session while valid, answers 410 Gone after expiry (test clock) or revocation, every opening is in the patient's
 * access log, other centres' staff get 404 and aggregate roles 403; the wallet card PDF is checked by its text.
 */
class EmergencyAccessApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient anonymous = HttpClient.newHttpClient();

    TestNetwork.Site site;
    PatientAccounts.Created patient;
    Product octavia;

    @BeforeEach
    void aPatientOnProphylaxisWithAWeight() {
        site = TestNetwork.in(context).centre("Emergency");
        patient = site.patient("Ada", "Emery");
        registry.recordWeight(patient.patientId(), LocalDate.now().minusDays(3), new BigDecimal("70"));
        octavia = catalogue.products().stream()
                .filter(p -> p.brandName().equals("Octavia"))
                .findFirst()
                .orElseThrow();
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        var plan = nurse.postJson(
                "/api/v1/patients/" + patient.patientId() + "/treatment-plans",
                """
                {"regimen":"PROPHYLAXIS","productId":"%s","dose":2000,"schedule":"EVERY_N_DAYS",
                 "scheduleInterval":2,"validFrom":"%s"}
                """
                        .formatted(octavia.id(), LocalDate.now().minusDays(1)));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
    }

    private HttpResponse<String> openWithoutSession(String url) throws Exception {
        return anonymous.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLinkOpensWithoutASessionUntilItExpiresAndEveryOpeningIsInTheAccessLog() throws Exception {
        ApiClient phone = new ApiClient(port).signIn(patient.username());
        var created = phone.postJson("/api/v1/patients/" + patient.patientId() + "/emergency-access", "{}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode grant = json.readTree(created.body());
        String url = grant.get("url").asString();
        assertThat(url).startsWith("http://localhost:" + port + "/emergency/");
        // the default validity is 12 hours from now
        java.time.Instant expires =
                java.time.Instant.parse(grant.get("expiresAt").asString());
        assertThat(Duration.between(TestClock.get().instant(), expires))
                .isBetween(Duration.ofHours(12).minusMinutes(1), Duration.ofHours(12));

        HttpResponse<String> view = openWithoutSession(url);
        assertThat(view.statusCode()).isEqualTo(200);
        // what an A&E clinician needs: who, what, the dose for a major bleed (WFH 2020: 80-100 IU/dL at first)
        BigDecimal exact =
                new BigDecimal("70").multiply(new BigDecimal("80")).divide(octavia.recovery(), 0, RoundingMode.CEILING);
        int smallestVial = octavia.vialSizes().stream().min(Integer::compare).orElseThrow();
        String body = view.body();
        assertThat(body).contains("Ada Emery", "Haemophilia A", "Octavia", "aiming for 80–100 IU/dL", "for 70 kg");
        // written as people read it, with a thousands separator (2,800 IU)
        int given = Integer.parseInt(
                body.replaceAll("(?s).*give ([\\d,]+) IU at once.*", "$1").replace(",", ""));
        assertThat(given).isBetween(exact.intValue(), exact.intValue() + smallestVial);
        assertThat(view.headers().firstValue("Cache-Control")).hasValue("no-store");

        // the patient sees the opening in their access log
        String log = phone.getHtml("/access-log?patient=" + patient.patientId()).body();
        assertThat(log).contains("Emergency view (no sign-in)", "emergency information");

        TestClock.get().advance(Duration.ofHours(12).plusMinutes(1));
        HttpResponse<String> late = openWithoutSession(url);
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("This emergency link has expired.").doesNotContain("Ada Emery");
    }

    @Test
    void aRevokedLinkIsGoneAndAWrongSecretIsUnknown() throws Exception {
        ApiClient clinician =
                new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        JsonNode grant = json.readTree(clinician
                .postJson("/api/v1/patients/" + patient.patientId() + "/emergency-access", "{}")
                .body());
        String url = grant.get("url").asString();
        assertThat(openWithoutSession(url).statusCode()).isEqualTo(200);

        var revoked = clinician.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/emergency-access/" + grant.get("id").asString()))
                .header("X-XSRF-TOKEN", clinician.cookie("XSRF-TOKEN"))
                .DELETE());
        assertThat(revoked.statusCode()).isEqualTo(204);
        HttpResponse<String> gone = openWithoutSession(url);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("revoked");

        assertThat(openWithoutSession(url.substring(0, url.length() - 2) + "xx").statusCode())
                .isEqualTo(404);
        long denied = jdbc.sql(
                        """
                        select count(*) from audit.event where patient_id = :p and resource_type = 'EmergencyView'
                          and outcome = 'DENIED'""")
                .param("p", patient.patientId())
                .query(Long.class)
                .single();
        assertThat(denied).isEqualTo(1);
    }

    @Test
    void anotherCentresStaffGet404AndAggregateRoles403() {
        TestNetwork.Site other = TestNetwork.in(context).centre("Elsewhere");
        ApiClient stranger =
                new ApiClient(port).signIn(other.staff(Role.CLINICIAN).username());
        assertThat(stranger.postJson("/api/v1/patients/" + patient.patientId() + "/emergency-access", "{}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(stranger.getBytes("/api/v1/patients/" + patient.patientId() + "/emergency-card.pdf")
                        .statusCode())
                .isEqualTo(404);
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        assertThat(analyst.postJson("/api/v1/patients/" + patient.patientId() + "/emergency-access", "{}")
                        .statusCode())
                .isEqualTo(403);
        // only the view itself opens without signing in
        assertThat(new ApiClient(port)
                        .getBytes("/api/v1/patients/" + patient.patientId() + "/emergency-card.pdf")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theWalletCardIsACreditCardSizedPdfWithTheDoseAndTheCentresNumber() throws Exception {
        ApiClient phone = new ApiClient(port).signIn(patient.username());
        HttpResponse<byte[]> pdf = phone.getBytes("/api/v1/patients/" + patient.patientId() + "/emergency-card.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        PdfReader reader = new PdfReader(pdf.body());
        assertThat(reader.getNumberOfPages()).isEqualTo(2);
        // ID-1: 85.60 x 53.98 mm
        assertThat(reader.getPageSize(1).getWidth()).isCloseTo(242.65f, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(reader.getPageSize(1).getHeight()).isCloseTo(153.01f, org.assertj.core.data.Offset.offset(0.5f));
        PdfTextExtractor text = new PdfTextExtractor(reader);
        String front = text.getTextFromPage(1).replaceAll("\\s+", " ");
        String back = text.getTextFromPage(2).replaceAll("\\s+", " ");
        assertThat(front).contains("Ada Emery", "Haemophilia A", "Octavia", "80–100 IU/dL");
        String phone24h = jdbc.sql("select phone_24h from centre.centre where id = :id")
                .param("id", site.centreId())
                .query(String.class)
                .single();
        assertThat(back).contains(site.name(), phone24h, "call 999");
    }
}
