package org.hemonet.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Single diary entries over real HTTP on PostgreSQL: storage, validation (security.md §20), access and audit (§2, §6, §13). */
class DiaryApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID patient(String given, String family) {
        return jdbc.sql("select id from patient.patient where given_name = :g and family_name = :f")
                .param("g", given)
                .param("f", family)
                .query(UUID.class)
                .single();
    }

    UUID tom() {
        return patient("Tom", "Bradley");
    }

    static String ago(long hours) {
        return Instant.now()
                .minus(hours, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    static String bleedJson(String startedAt) {
        return """
                {"startedAt": "%s", "site": "LEFT_KNEE", "cause": "SPONTANEOUS", "pain": 6,
                 "jointImmobilising": true, "daysLostSchool": 0, "daysLostWork": 1}"""
                .formatted(startedAt);
    }

    /** A real product and batch of the demo catalogue: the diary checks both (security.md §20). */
    static org.hemonet.support.DemoProducts product;

    @org.junit.jupiter.api.BeforeEach
    void findProduct() {
        product = org.hemonet.support.DemoProducts.factorConcentrate(jdbc);
    }

    static String infusionJson(String at, String dose, String reason, String bleedId) {
        return """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": %s, "reason": "%s"%s}"""
                .formatted(
                        at,
                        product.productId(),
                        product.batchNumber(),
                        dose,
                        reason,
                        bleedId == null ? "" : ", \"bleedId\": \"" + bleedId + "\"");
    }

    long audited(UUID patient, String action, String outcome) {
        return jdbc.sql("select count(*) from audit.event where patient_id = :p and action = :a and outcome = :o")
                .param("p", patient)
                .param("a", action)
                .param("o", outcome)
                .query(Long.class)
                .single();
    }

    @Test
    void patientLogsABleedAndItsTreatmentAndSeesThemListed() {
        ApiClient api = new ApiClient(port).signIn("patient.tom");
        UUID tom = tom();
        long createdBefore = audited(tom, "CREATE", "SUCCESS");
        HttpResponse<String> bleed = api.postJson("/api/v1/patients/" + tom + "/bleeds", bleedJson(ago(5)));
        assertThat(bleed.statusCode()).isEqualTo(201);
        assertThat(bleed.body()).contains("\"site\":\"LEFT_KNEE\"", "\"pain\":6", "\"jointImmobilising\":true");
        assertThat(bleed.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        String bleedId = bleed.body().replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");
        HttpResponse<String> infusion =
                api.postJson("/api/v1/patients/" + tom + "/infusions", infusionJson(ago(4), "2000", "BLEED", bleedId));
        assertThat(infusion.statusCode()).isEqualTo(201);
        assertThat(infusion.body())
                .contains(
                        "\"bleedId\":\"" + bleedId + "\"",
                        "\"unit\":\"IU\"",
                        "\"batchNumber\":\"" + product.batchNumber() + "\"");
        assertThat(audited(tom, "CREATE", "SUCCESS")).isEqualTo(createdBefore + 2);

        HttpResponse<String> list = api.get("/api/v1/patients/" + tom + "/bleeds");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(bleedId);
    }

    @Test
    void voidingKeepsTheEntryWithWhoWhenAndWhy() {
        ApiClient api = new ApiClient(port).signIn("patient.tom");
        UUID tom = tom();
        String body = api.postJson("/api/v1/patients/" + tom + "/bleeds", bleedJson(ago(30)))
                .body();
        String id = body.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");
        assertThat(api.postJson("/api/v1/patients/" + tom + "/bleeds/" + id + "/void", "{}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> voided =
                api.postJson("/api/v1/patients/" + tom + "/bleeds/" + id + "/void", "{\"reason\": \"entered twice\"}");
        assertThat(voided.statusCode()).isEqualTo(200);
        assertThat(voided.body()).contains("\"voidReason\":\"entered twice\"", "\"voidedBy\":\"patient.tom\"");
        assertThat(api.postJson("/api/v1/patients/" + tom + "/bleeds/" + id + "/void", "{\"reason\": \"again\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from diary.bleed where id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        ApiClient api = new ApiClient(port).signIn("patient.tom");
        String base = "/api/v1/patients/" + tom();
        String future = Instant.now().plus(2, ChronoUnit.HOURS).toString();
        assertField(api.postJson(base + "/bleeds", bleedJson(future)), "startedAt");
        assertField(api.postJson(base + "/bleeds", "{\"startedAt\": \"" + ago(1) + "\", \"pain\": 3}"), "site");
        assertField(
                api.postJson(
                        base + "/bleeds", "{\"startedAt\": \"" + ago(1) + "\", \"site\": \"LEFT_KNEE\", \"pain\": 11}"),
                "pain");
        assertField(
                api.postJson(base + "/bleeds", "{\"startedAt\": \"" + ago(1) + "\", \"site\": \"LEFT_NOSE\"}"), "site");
        assertField(api.postJson(base + "/infusions", infusionJson(ago(1), "0", "PROPHYLAXIS", null)), "doseIu");
        assertField(api.postJson(base + "/infusions", infusionJson(ago(1), "-5", "PROPHYLAXIS", null)), "doseIu");
        assertField(api.postJson(base + "/infusions", infusionJson(ago(1), "50001", "PROPHYLAXIS", null)), "doseIu");
        assertField(
                api.postJson(base + "/infusions", infusionJson(future, "1000", "PROPHYLAXIS", null)), "administeredAt");
        assertField(
                api.postJson(
                        base + "/infusions",
                        infusionJson(ago(1), "1000", "BLEED", UUID.randomUUID().toString())),
                "bleedId");
        assertThat(api.postJson(base + "/infusions", infusionJson(ago(1), "50000", "PROPHYLAXIS", null))
                        .statusCode())
                .isEqualTo(201);
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    @Test
    void anotherFamilysPatientLooksUnknownAndTheAttemptIsAudited() {
        ApiClient sara = new ApiClient(port).signIn("parent.sara");
        UUID tom = tom();
        long denied = audited(tom, "CREATE", "DENIED");
        HttpResponse<String> refused = sara.postJson("/api/v1/patients/" + tom + "/bleeds", bleedJson(ago(1)));
        HttpResponse<String> unknown =
                sara.postJson("/api/v1/patients/" + UUID.randomUUID() + "/bleeds", bleedJson(ago(1)));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(withoutInstance(refused.body())).isEqualTo(withoutInstance(unknown.body()));
        assertThat(audited(tom, "CREATE", "DENIED")).isEqualTo(denied + 1);
        assertThat(sara.get("/api/v1/patients/" + tom + "/infusions").statusCode())
                .isEqualTo(404);
    }

    private static String withoutInstance(String body) {
        return body.replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    @Test
    void parentLogsForAChildAndTheChildsClinicianSeesIt() {
        UUID leo = patient("Leo", "Okafor");
        ApiClient sara = new ApiClient(port).signIn("parent.sara");
        assertThat(sara.postJson("/api/v1/patients/" + leo + "/bleeds", bleedJson(ago(2)))
                        .statusCode())
                .isEqualTo(201);
        ApiClient south = new ApiClient(port).signIn("clinician.south");
        assertThat(south.get("/api/v1/patients/" + leo + "/bleeds").body()).contains("LEFT_KNEE");
        ApiClient north = new ApiClient(port).signIn("clinician.north");
        assertThat(north.get("/api/v1/patients/" + leo + "/bleeds").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aggregateRolesAreForbidden() {
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        assertThat(analyst.get("/api/v1/patients/" + tom() + "/bleeds").statusCode())
                .isEqualTo(403);
        assertThat(analyst.get("/api/v1/patients/" + tom() + "/outcomes").statusCode())
                .isEqualTo(403);
        assertThat(analyst.postJson(
                                "/api/v1/diary/sync", "{\"entries\": []}", java.util.Map.of("Idempotency-Key", "k1"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void outcomesHaveExactlyTheFieldsOfTheIssue() {
        ApiClient api = new ApiClient(port).signIn("patient.tom");
        UUID tom = tom();
        api.postJson("/api/v1/patients/" + tom + "/bleeds", bleedJson(ago(48)));
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
        String from = java.time.LocalDate.parse(today).minusDays(29).toString();
        HttpResponse<String> response = api.get("/api/v1/patients/" + tom + "/outcomes?from=" + from + "&to=" + today);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "\"observationDays\":",
                        "\"bleedEpisodes\":{\"total\":",
                        "\"treated\":",
                        "\"spontaneous\":",
                        "\"traumatic\":",
                        "\"joint\":",
                        "\"breakthrough\":",
                        "\"abr\":",
                        "\"ajbr\":",
                        "\"spontaneousAbr\":",
                        "\"jointImmobilisingBleeds\":",
                        "\"targetJoints\":[",
                        "\"meanPain\":",
                        "\"daysLostSchool\":",
                        "\"daysLostWork\":",
                        "\"prophylaxisAdherencePercent\":",
                        "\"factorUseIuPerKgPerYear\":",
                        "\"exposureDays\":");
        assertThat(api.get("/api/v1/patients/" + tom + "/outcomes?from=2026-02-01&to=2026-01-01")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/patients/" + tom + "/outcomes?from=yesterday")
                        .statusCode())
                .isEqualTo(400);
    }
}
