package org.hemonet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hemonet.support.ApiClient;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "My factor level" over real HTTP: estimate from a logged infusion, explanation, access (issue 7). */
class MyLevelTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID tom() {
        return jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
    }

    long audited(UUID patient, String resourceType) {
        return jdbc.sql("select count(*) from audit.event where patient_id = :p and resource_type = :r")
                .param("p", patient)
                .param("r", resourceType)
                .query(Long.class)
                .single();
    }

    @Test
    void tomSeesHisEstimatedLevelAfterLoggingAnInfusion() {
        ApiClient api = new ApiClient(port).signIn("patient.tom");
        UUID tom = tom();
        DemoProducts product = DemoProducts.factorConcentrate(jdbc);
        String at = Instant.now()
                .minus(2, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        HttpResponse<String> logged = api.postJson(
                "/api/v1/patients/" + tom + "/infusions",
                """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": 2000, "reason": "PROPHYLAXIS"}"""
                        .formatted(at, product.productId(), product.batchNumber()));
        assertThat(logged.statusCode()).isEqualTo(201);
        long auditedBefore = audited(tom, "EstimatedLevel");

        assertThat(api.getHtml("/").body()).contains("/my-level?patient=" + tom);
        HttpResponse<String> page = api.getHtml("/my-level");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        Matcher level = Pattern.compile("about (\\d+) IU/dL").matcher(html);
        assertThat(level.find()).as(html).isTrue();
        assertThat(Long.parseLong(level.group(1))).isPositive();
        assertThat(html)
                .contains(
                        "Estimated level now",
                        "not a blood test",
                        "the average for people of your weight and age",
                        "Last logged infusion",
                        "data-curve=\"[[0.00,")
                .doesNotContain("<script>");
        assertThat(audited(tom, "EstimatedLevel")).isEqualTo(auditedBefore + 1);

        assertThat(api.getHtml("/my-level?patient=" + tom).statusCode()).isEqualTo(200);
    }

    @Test
    void aParentCannotOpenTomsPage() {
        ApiClient api = new ApiClient(port).signIn("parent.sara");
        HttpResponse<String> page = api.getHtml("/my-level?patient=" + tom());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Bradley");
    }

    @Test
    void clinicianOfTheCentreCanOpenItAndAnotherCentreCannot() {
        assertThat(new ApiClient(port)
                        .signIn("clinician.north")
                        .getHtml("/my-level?patient=" + tom())
                        .statusCode())
                .isEqualTo(200);
        assertThat(new ApiClient(port)
                        .signIn("clinician.south")
                        .getHtml("/my-level?patient=" + tom())
                        .statusCode())
                .isEqualTo(404);
    }
}
