package org.hemonet.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The diary's correction form for an infusion logged in mg (emicizumab): it shows and takes the dose in mg, with
 * decimals as the API allows (at most 2), and offers the products dosed in mg, not the IU concentrates.
 */
class InfusionMgCorrectionPageTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientRegistry patients;

    @Autowired
    AccountAdministration accounts;

    PatientAccounts.Created patient;
    UUID mgProduct;
    String mgBatch;
    String mgBrand;
    ApiClient phone;
    String infusion;

    @BeforeEach
    void anInfusionLoggedInMg() {
        // East: no test counts its patients; this patient has no plan, so no attention rule fires for them
        UUID east = org.hemonet.support.CentrePatients.centreOf(jdbc, "clinician.east");
        patient = new PatientAccounts(patients, accounts).create(east, "Emil", "Mgcorrect");
        var product = jdbc.sql(
                        """
                        select p.id, p.brand_name, b.batch_number from product.product p
                        join product.batch b on b.product_id = p.id
                        where p.unit = 'MG' order by p.generic_name, p.id, b.batch_number limit 1
                        """)
                .query((rs, n) ->
                        new String[] {rs.getString("id"), rs.getString("brand_name"), rs.getString("batch_number")})
                .single();
        mgProduct = UUID.fromString(product[0]);
        mgBrand = product[1];
        mgBatch = product[2];
        phone = new ApiClient(port).signIn(patient.username());
        HttpResponse<String> logged = phone.postJson(
                "/api/v1/patients/" + patient.patientId() + "/infusions",
                """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseMg": 105.5,
                 "reason": "PROPHYLAXIS"}"""
                        .formatted(
                                Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                                mgProduct,
                                mgBatch));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        infusion = logged.body().replaceAll("(?s)^\\{\"id\":\"([0-9a-f-]+)\".*", "$1");
    }

    private String editPath() {
        return "/diary/infusion/" + infusion + "/edit?patient=" + patient.patientId();
    }

    private String form(String doseMg, String reason) {
        String time = LocalDateTime.now(ZoneId.of("Europe/London"))
                .minusHours(2)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        return "patient=%s&version=0&administeredAt=%s&reason=PROPHYLAXIS&bleedId=&productId=%s&doseMg=%s&batchNumber=%s&givenBy=&correctionReason=%s"
                .formatted(
                        patient.patientId(),
                        URLEncoder.encode(time, StandardCharsets.UTF_8),
                        mgProduct,
                        doseMg,
                        URLEncoder.encode(mgBatch, StandardCharsets.UTF_8),
                        URLEncoder.encode(reason, StandardCharsets.UTF_8));
    }

    @Test
    void theCorrectionFormShowsTheDoseInMgAndOffersTheMgProduct() {
        HttpResponse<String> page = phone.getHtml(editPath());

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("Dose (mg)").doesNotContain("name=\"doseIu\"");
        assertThat(html).containsPattern("name=\"doseMg\"[^>]*step=\"0.01\"[^>]*value=\"105.5\"");
        assertThat(html).containsPattern("<option value=\"" + mgProduct + "\"[^>]*selected");
        assertThat(html).contains(mgBrand);
    }

    @Test
    void aPatientCorrectsAnMgDoseWithDecimalsAndSeesTheCorrectedDose() {
        HttpResponse<String> saved =
                phone.postForm("/diary/infusion/" + infusion + "/edit", form("97.25", "two syringes, not three"));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("saved=corrected"));
        var stored = jdbc.sql("select dose, unit, version from diary.infusion where id = :id")
                .param("id", UUID.fromString(infusion))
                .query((rs, n) -> rs.getBigDecimal("dose").stripTrailingZeros().toPlainString() + " "
                        + rs.getString("unit") + " v" + rs.getInt("version"))
                .single();
        assertThat(stored).isEqualTo("97.25 MG v1");
        String diary = phone.getHtml("/diary?patient=" + patient.patientId()).body();
        assertThat(diary).contains("97.25 mg").doesNotContain("105.5 mg");
        assertThat(phone.getHtml(editPath()).body()).containsPattern("name=\"doseMg\"[^>]*value=\"97.25\"");
    }

    @Test
    void anMgDoseWithThreeDecimalsIsRefusedNamingTheDoseAndNothingChanges() {
        HttpResponse<String> refused = phone.postForm("/diary/infusion/" + infusion + "/edit", form("97.125", "typo"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("role=\"alert\"").contains("Check the dose");
        // what was typed stays in the form, so only the dose needs fixing
        assertThat(refused.body())
                .containsPattern("name=\"doseMg\"[^>]*value=\"97.125\"")
                .containsPattern("name=\"correctionReason\"[^>]*value=\"typo\"");
        assertThat(jdbc.sql("select dose from diary.infusion where id = :id")
                        .param("id", UUID.fromString(infusion))
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("105.5");
    }
}
