package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5: an infusion logged from a recalled batch is stored, the patient is warned, and their centre is alerted on
 * the recall page, which shows names only to the patient's own centre.
 */
class RecalledInfusionTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductCatalogue catalogue;

    SupplyFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SupplyFixtures(jdbc);
    }

    private String freshBatch(UUID product) {
        String batch = "RCI-" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.receiveBatch(product, batch, LocalDate.now().plusYears(2), 500, 1000, LocalDate.now(), null);
        return batch;
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private long alerts(UUID patient, String batch) {
        return jdbc.sql("select count(*) from supply.recall_alert where patient_id = :p and batch_number = :b")
                .param("p", patient)
                .param("b", batch)
                .query(Long.class)
                .single();
    }

    @Test
    void infusionFromARecalledBatchIsStoredWarnsAndAlertsTheCentreOnTheRecallPage() {
        UUID octavia = fixtures.product("Octavia");
        String batch = freshBatch(octavia);
        UUID tom = fixtures.tom();

        // a clinician raises the recall on the page
        ApiClient clinician = new ApiClient(port).signIn("clinician.north");
        HttpResponse<String> raised = clinician.postForm(
                "/recalls",
                form(
                        "productId",
                        octavia.toString(),
                        "batchNumbers",
                        " " + batch + " ,",
                        "reason",
                        "Particles seen in vials",
                        "level",
                        "PATIENT"));
        assertThat(raised.statusCode()).isEqualTo(302);
        String location = raised.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/recalls/");
        String recallPath = location.substring(location.indexOf("/recalls/")).replaceFirst("\\?.*$", "");

        // Tom logs an infusion from the recalled batch: stored, with a warning
        ApiClient patient = new ApiClient(port).signIn("patient.tom");
        String at = Instant.now()
                .minus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        HttpResponse<String> infusion = patient.postJson(
                "/api/v1/patients/" + tom + "/infusions",
                """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": 2000, "reason": "PROPHYLAXIS"}
                """
                        .formatted(at, octavia, batch));
        assertThat(infusion.statusCode()).isEqualTo(201);
        assertThat(infusion.body())
                .contains(
                        "\"batchNumber\":\"" + batch + "\"", "\"warnings\":[\"This batch has been recalled: Particles");
        assertThat(patient.get("/api/v1/patients/" + tom + "/infusions").body()).contains(batch);
        assertThat(alerts(tom, batch)).isEqualTo(1);

        // the centre sees the alert and Tom on the recall page; the list shows the recall
        assertThat(clinician.getHtml("/recalls").body()).contains(batch, "Particles seen in vials");
        String page = clinician.getHtml(recallPath).body();
        assertThat(page).contains("Tom Bradley", "logged an infusion from batch " + batch, "/patients/" + tom);

        // another centre's clinician sees counts only
        String south = new ApiClient(port)
                .signIn("clinician.south")
                .getHtml(recallPath)
                .body();
        assertThat(south)
                .contains(batch, "One infusion from these batches logged at other centres")
                .doesNotContain("Tom Bradley");
        // an analyst too
        String analyst =
                new ApiClient(port).signIn("analyst").getHtml(recallPath).body();
        assertThat(analyst).contains(batch, "One infusion from these batches").doesNotContain("Tom Bradley");
    }

    @Test
    void diaryPageWarnsWhenTheBatchIsRecalledAndOnlyThen() {
        UUID octavia = fixtures.product("Octavia");
        String recalled = freshBatch(octavia);
        String fine = freshBatch(octavia);
        UUID tom = fixtures.tom();
        assertThat(new ApiClient(port)
                        .signIn("nurse.north")
                        .postJson(
                                "/api/v1/recalls",
                                """
                                {"productId":"%s","batchNumbers":["%s"],"reason":"Low potency","level":"PATIENT"}
                                """
                                        .formatted(octavia, recalled))
                        .statusCode())
                .isEqualTo(201);

        ApiClient patient = new ApiClient(port).signIn("patient.tom");
        String at = LocalDateTime.now()
                .minusHours(2)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        HttpResponse<String> logged = patient.postForm(
                "/diary/infusion",
                form(
                        "patient",
                        tom.toString(),
                        "administeredAt",
                        at,
                        "productId",
                        octavia.toString(),
                        "batchNumber",
                        recalled,
                        "doseIu",
                        "2000",
                        "reason",
                        "PROPHYLAXIS"));
        assertThat(logged.statusCode()).isEqualTo(302);
        String location = logged.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("saved=infusion", "recalled");
        String diary =
                patient.getHtml(location.substring(location.indexOf("/diary"))).body();
        assertThat(diary).contains("has been recalled");
        assertThat(alerts(tom, recalled)).isEqualTo(1);

        HttpResponse<String> other = patient.postForm(
                "/diary/infusion",
                form(
                        "patient",
                        tom.toString(),
                        "administeredAt",
                        at,
                        "productId",
                        octavia.toString(),
                        "batchNumber",
                        fine,
                        "doseIu",
                        "2000",
                        "reason",
                        "PROPHYLAXIS"));
        assertThat(other.statusCode()).isEqualTo(302);
        assertThat(other.headers().firstValue("Location").orElseThrow()).doesNotContain("recalled");
        assertThat(alerts(tom, fine)).isZero();
    }

    @Test
    void recallFormRejectsABadBatchAndIsForCliniciansNursesAndNetworkAnalysts() {
        ApiClient clinician = new ApiClient(port).signIn("clinician.north");
        HttpResponse<String> bad = clinician.postForm(
                "/recalls",
                form(
                        "productId", fixtures.product("Octavia").toString(),
                        "batchNumbers", "NO-SUCH-BATCH",
                        "reason", "x",
                        "level", "PATIENT"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Name 1 to 50 batches of this product");
        assertThat(clinician.getHtml("/").body()).contains("href=\"/recalls\"");

        ApiClient analyst = new ApiClient(port).signIn("analyst");
        assertThat(analyst.getHtml("/recalls").statusCode()).isEqualTo(200);
        // issue 5: a network analyst issues recalls too
        assertThat(analyst.getHtml("/recalls").body()).contains("Raise recall");
        assertThat(new ApiClient(port)
                        .signIn("physio.north")
                        .getHtml("/recalls")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new ApiClient(port).signIn("patient.tom").getHtml("/recalls").statusCode())
                .isEqualTo(403);
    }
}
