package org.hemonet.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Emicizumab with aPCC (issue 13, clinical.md §9; HAVEN 1): logging aPCC for a patient on emicizumab warns when the aPCC
 * in 24 hours exceeds 100 U/kg, in the API's {@code warnings} (status 201 all the same) and on the diary page, and
 * flags the patient on the centre's safety events page. Hand-worked for a 20 kg child given emicizumab 3 days ago:
 * 1000 U of Bypara → 50 U/kg, no warning; 1500 U eight hours later → 2500 U in 24 h = 125.0 U/kg, warning. The same
 * 3000 U for a patient not on emicizumab: no warning. On emicizumab with no weight recorded: warned (cannot be judged).
 * Prescribing: aPCC 3000 U on demand for the 20 kg child on emicizumab = 150.0 U/kg in one dose, warned and flagged; the
 * same plan for the patient not on emicizumab, no warning.
 */
class EmicizumabApccWarningTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientRegistry registry;

    UUID product(String brand) {
        return jdbc.sql("select id from product.product where brand_name = :b")
                .param("b", brand)
                .query(UUID.class)
                .single();
    }

    static HttpResponse<String> infuse(ApiClient api, UUID patient, UUID product, Instant at, String dose) {
        HttpResponse<String> r = api.postJson(
                "/api/v1/patients/" + patient + "/infusions",
                "{\"administeredAt\": \"%s\", \"productId\": \"%s\", %s, \"reason\": \"BLEED\"}"
                        .formatted(at, product, dose));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r;
    }

    @Test
    void aPccOver100UnitsPerKgIn24HoursOnEmicizumabWarnsAndFlagsThePatient() {
        UUID bypara = product("Bypara");
        UUID emicizumab = product("Emivia 30");
        TestNetwork.Site site = TestNetwork.in(context).centre("Apcc");
        UUID child = site.patient("Wyn", "Apcc").patientId();
        UUID other = site.patient("Xan", "Apcc").patientId();
        UUID unweighed = site.patient("Yul", "Apcc").patientId();
        registry.recordWeight(child, LocalDate.now().minusDays(10), new BigDecimal("20"));
        registry.recordWeight(other, LocalDate.now().minusDays(10), new BigDecimal("20"));
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

        infuse(nurse, child, emicizumab, now.minus(Duration.ofDays(3)), "\"doseMg\": 30");
        HttpResponse<String> first = infuse(nurse, child, bypara, now.minus(Duration.ofHours(10)), "\"doseIu\": 1000");
        assertThat(first.body()).contains("\"warnings\":[]");
        HttpResponse<String> second = infuse(nurse, child, bypara, now.minus(Duration.ofHours(2)), "\"doseIu\": 1500");
        assertThat(second.body()).contains("thrombotic microangiopathy", "125.0 U/kg of aPCC within 24 hours");

        HttpResponse<String> notOnEmicizumab =
                infuse(nurse, other, bypara, now.minus(Duration.ofHours(1)), "\"doseIu\": 3000");
        assertThat(notOnEmicizumab.body()).contains("\"warnings\":[]");

        infuse(nurse, unweighed, emicizumab, now.minus(Duration.ofDays(20)), "\"doseMg\": 30");
        assertThat(infuse(nurse, unweighed, bypara, now.minus(Duration.ofHours(1)), "\"doseIu\": 500")
                        .body())
                .contains("no weight is recorded");

        // the web form: the diary page says it, the same way
        String local = LocalDateTimeText.of(now.minus(Duration.ofMinutes(30)));
        HttpResponse<String> form = nurse.postForm(
                "/diary/infusion",
                "patient=" + child + "&administeredAt=" + local + "&productId=" + bypara
                        + "&doseIu=500&reason=PROPHYLAXIS");
        String where = form.headers().firstValue("Location").orElse("") + form.body();
        assertThat(where).as("redirect or page after logging").containsAnyOf("apcc", "apcc-warning");

        String plan =
                """
                {"regimen": "ON_DEMAND", "productId": "%s", "dose": 3000, "validFrom": "%s"}"""
                        .formatted(bypara, LocalDate.now());
        HttpResponse<String> prescribed = nurse.postJson("/api/v1/patients/" + child + "/treatment-plans", plan);
        assertThat(prescribed.statusCode()).as(prescribed.body()).isEqualTo(201);
        assertThat(prescribed.body())
                .contains("\"productId\":\"" + bypara + "\"", "thrombotic microangiopathy", "150.0 U/kg in one dose");
        HttpResponse<String> notOn = nurse.postJson("/api/v1/patients/" + other + "/treatment-plans", plan);
        assertThat(notOn.statusCode()).as(notOn.body()).isEqualTo(201);
        assertThat(notOn.body()).contains("\"warnings\":[]");

        HttpResponse<String> list = nurse.getHtml("/safety/adverse-events");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("id=\"apcc-flags\"", "Apcc, Wyn", "Apcc, Yul")
                .doesNotContain("Apcc, Xan");
        assertThat(new ApiClient(port)
                        .signIn(TestNetwork.in(context)
                                .centre("ApccOther")
                                .staff(Role.NURSE)
                                .username())
                        .getHtml("/safety/adverse-events")
                        .body())
                .doesNotContain("Apcc, Wyn");
    }

    /**
     * Entries made offline reach the server in a sync batch: the aPCC warning comes back with the entry that crosses
     * 100 U/kg in 24 h (hand-worked as above: 1000 U then 1500 U for the 20 kg child on emicizumab → 125.0 U/kg), and the
     * child is flagged, as for an infusion logged online. A replayed batch warns no more.
     */
    @Test
    void anOfflineSyncWarnsAndFlagsLikeAnInfusionLoggedOnline() {
        UUID bypara = product("Bypara");
        UUID emicizumab = product("Emivia 30");
        TestNetwork.Site site = TestNetwork.in(context).centre("ApccSync");
        UUID child = site.patient("Zed", "Synced").patientId();
        registry.recordWeight(child, LocalDate.now().minusDays(10), new BigDecimal("20"));
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        infuse(nurse, child, emicizumab, now.minus(Duration.ofDays(3)), "\"doseMg\": 30");

        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String entry =
                """
                {"id": "%s", "type": "INFUSION", "patientId": "%s",
                 "infusion": {"administeredAt": "%s", "productId": "%s", "doseIu": %d, "reason": "BLEED"}}""";
        String batch = "{\"entries\": [" + entry.formatted(first, child, now.minus(Duration.ofHours(10)), bypara, 1000)
                + "," + entry.formatted(second, child, now.minus(Duration.ofHours(2)), bypara, 1500) + "]}";
        String key = UUID.randomUUID().toString();
        HttpResponse<String> synced =
                nurse.postJson("/api/v1/diary/sync", batch, java.util.Map.of("Idempotency-Key", key));
        assertThat(synced.statusCode()).as(synced.body()).isEqualTo(200);
        String body = synced.body();
        String firstEntry = body.substring(body.indexOf(first.toString()), body.indexOf(second.toString()));
        assertThat(firstEntry).contains("\"warnings\":[]");
        assertThat(body.substring(body.indexOf(second.toString())))
                .contains("thrombotic microangiopathy", "125.0 U/kg of aPCC within 24 hours");
        assertThat(nurse.getHtml("/safety/adverse-events").body()).contains("id=\"apcc-flags\"", "Synced, Zed");

        HttpResponse<String> replay = nurse.postJson(
                "/api/v1/diary/sync",
                batch.replace("\n", " "),
                java.util.Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(replay.body()).contains("ALREADY_STORED").doesNotContain("thrombotic");
    }

    /** The diary form's local date-time, in the network's zone. */
    static final class LocalDateTimeText {
        static String of(Instant at) {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(at.atZone(ZoneId.of("Europe/London")));
        }
    }
}
