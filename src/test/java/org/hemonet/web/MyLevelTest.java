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
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "My factor level" over real HTTP: estimate from a logged infusion, explanation, access (issue 7). */
class MyLevelTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

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
    void aPatientSeesTheirEstimatedLevelAfterLoggingAnInfusion() {
        // a patient of the test's own (70 kg, FVIII 1 IU/dL), so that no other test's changes to demo rows count
        PatientAccounts.Created own = TestNetwork.in(context).centre("My level").patient("Lev", "Ell");
        UUID tom = own.patientId();
        jdbc.sql("insert into patient.weight (id, patient_id, measured_on, weight_kg) values (:id, :p, :on, 70)")
                .param("id", UUID.randomUUID())
                .param("p", tom)
                .param("on", java.time.LocalDate.now().minusDays(30))
                .update();
        jdbc.sql(
                        """
                        insert into patient.factor_level (id, patient_id, factor, level_iu_per_dl, measured_on)
                        values (:id, :p, 'FVIII', 1, date '2020-01-01')""")
                .param("id", UUID.randomUUID())
                .param("p", tom)
                .update();
        ApiClient api = new ApiClient(port).signIn(own.username());
        // an octocog alfa concentrate whose catalogue model (Allard 2020) was fitted on it (issue 20: the page uses
        // the model of the product infused; the first IU product of the catalogue is a bypassing agent, not FVIII)
        DemoProducts product = DemoProducts.ofMolecule(jdbc, "octocog alfa");
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
        Matcher level = Pattern.compile("about ([\\d,]+) IU/dL").matcher(html);
        assertThat(level.find()).as(html).isTrue();
        // 2000 IU two hours ago in 70 kg: a peak near 57 IU/dL (2 IU/dL per IU/kg), a little lower now
        assertThat(Long.parseLong(level.group(1).replace(",", ""))).isBetween(20L, 80L);
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
