package org.hemonet.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Corrections with history, photos of bleeds, clinicians' annotations and the one-tap dose's prefill over real HTTP:
 * own centre succeeds and is audited, another centre looks like an unknown id (audited as denied), aggregate roles get
 * 403, bad input names its field (security.md §2, §6, §13, §18–§20).
 */
class DiaryEntryApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    DemoProducts product;

    @BeforeEach
    void findProduct() {
        product = DemoProducts.factorConcentrate(jdbc);
    }

    UUID tom() {
        return jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
    }

    static String ago(long hours) {
        return Instant.now()
                .minus(hours, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    long audited(UUID patient, String resource, String action, String outcome) {
        return jdbc.sql(
                        """
                        select count(*) from audit.event where patient_id = :p and resource_type = :r and action = :a
                          and outcome = :o""")
                .param("p", patient)
                .param("r", resource)
                .param("a", action)
                .param("o", outcome)
                .query(Long.class)
                .single();
    }

    static String id(String json) {
        return json.replaceAll("(?s)^\\{\"id\":\"([0-9a-f-]+)\".*", "$1");
    }

    /** A bleed of Tom's, dated in the test (well outside the demo diary's days), as the patient logs it. */
    String bleedOfTom(ApiClient api) {
        HttpResponse<String> bleed = api.postJson(
                "/api/v1/patients/" + tom() + "/bleeds",
                """
                {"startedAt": "%s", "site": "LEFT_KNEE", "cause": "TRAUMATIC", "pain": 4}"""
                        .formatted(ago(3)));
        assertThat(bleed.statusCode()).as(bleed.body()).isEqualTo(201);
        return id(bleed.body());
    }

    String infusionOfTom(ApiClient api) {
        HttpResponse<String> infusion = api.postJson(
                "/api/v1/patients/" + tom() + "/infusions",
                """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": 1000,
                 "reason": "PROPHYLAXIS"}"""
                        .formatted(ago(2), product.productId(), product.batchNumber()));
        assertThat(infusion.statusCode()).as(infusion.body()).isEqualTo(201);
        return id(infusion.body());
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    @Test
    void aCorrectedBleedKeepsItsEarlierVersionWithWhoWhenAndWhy() {
        ApiClient tomsPhone = new ApiClient(port).signIn("patient.tom");
        String bleed = bleedOfTom(tomsPhone);
        String path = "/api/v1/patients/" + tom() + "/bleeds/" + bleed + "/corrections";
        long updates = audited(tom(), "Bleed", "UPDATE", "SUCCESS");

        HttpResponse<String> corrected = tomsPhone.postJson(
                path, "{\"version\": 0, \"reason\": \"it was the ankle\", \"site\": \"RIGHT_ANKLE\", \"pain\": 7}");

        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(corrected.body())
                .contains("\"site\":\"RIGHT_ANKLE\"", "\"pain\":7", "\"cause\":\"TRAUMATIC\"", "\"version\":1")
                .contains("\"corrections\":[{\"version\":0,\"previous\":{")
                .contains("\"site\":\"LEFT_KNEE\"", "\"pain\":4")
                .contains("\"correctedBy\":\"patient.tom\"", "\"reason\":\"it was the ankle\"");
        assertThat(audited(tom(), "Bleed", "UPDATE", "SUCCESS")).isEqualTo(updates + 1);
        // outcomes and lists read the current version: one row, the corrected site
        assertThat(jdbc.sql("select site from diary.bleed where id = :id")
                        .param("id", UUID.fromString(bleed))
                        .query(String.class)
                        .single())
                .isEqualTo("RIGHT_ANKLE");

        HttpResponse<String> stale = tomsPhone.postJson(path, "{\"version\": 0, \"reason\": \"again\", \"pain\": 2}");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(tomsPhone
                        .postJson(
                                path, "{\"reason\": \"by header\", \"pain\": 5}", java.util.Map.of("If-Match", "\"1\""))
                        .statusCode())
                .isEqualTo(201);
        assertField(tomsPhone.postJson(path, "{\"reason\": \"no version\", \"pain\": 2}"), "version");
        assertField(tomsPhone.postJson(path, "{\"version\": 2, \"pain\": 2}"), "reason");
        assertField(tomsPhone.postJson(path, "{\"version\": 2, \"reason\": \"x\", \"pain\": 12}"), "pain");
        String future = Instant.now().plus(3, ChronoUnit.HOURS).toString();
        assertField(
                tomsPhone.postJson(path, "{\"version\": 2, \"reason\": \"x\", \"startedAt\": \"" + future + "\"}"),
                "startedAt");
        assertThat(jdbc.sql("select count(*) from diary.bleed_version where id = :id")
                        .param("id", UUID.fromString(bleed))
                        .query(Long.class)
                        .single())
                .as("two corrections, two earlier versions; refused ones store nothing")
                .isEqualTo(2);

        tomsPhone.postJson(
                "/api/v1/patients/" + tom() + "/bleeds/" + bleed + "/void", "{\"reason\": \"entered twice\"}");
        assertThat(tomsPhone
                        .postJson(path, "{\"version\": 2, \"reason\": \"after void\", \"pain\": 1}")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void aCorrectedInfusionNeedsTheRightVersionAndNamesBadFields() {
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        String infusion = infusionOfTom(nurse);
        String path = "/api/v1/patients/" + tom() + "/infusions/" + infusion + "/corrections";
        long updates = audited(tom(), "Infusion", "UPDATE", "SUCCESS");

        HttpResponse<String> corrected =
                nurse.postJson(path, "{\"version\": 0, \"reason\": \"typed 1000, gave 1500\", \"doseIu\": 1500}");

        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.body())
                .contains("\"dose\":1500", "\"version\":1", "\"correctedBy\":\"nurse.north\"", "\"dose\":1000");
        assertThat(audited(tom(), "Infusion", "UPDATE", "SUCCESS")).isEqualTo(updates + 1);
        assertField(nurse.postJson(path, "{\"version\": 1, \"reason\": \"x\", \"doseIu\": 0}"), "doseIu");
        assertField(nurse.postJson(path, "{\"version\": 1, \"reason\": \"x\", \"doseIu\": 50001}"), "doseIu");
        assertField(
                nurse.postJson(
                        path, "{\"version\": 1, \"reason\": \"x\", \"productId\": \"" + UUID.randomUUID() + "\"}"),
                "productId");
        assertField(
                nurse.postJson(path, "{\"version\": 1, \"reason\": \"x\", \"batchNumber\": \"NO-SUCH\"}"),
                "batchNumber");
        assertField(
                nurse.postJson(
                        path,
                        "{\"version\": 1, \"reason\": \"x\", \"infusionReason\": \"BLEED\", \"bleedId\": \""
                                + UUID.randomUUID() + "\"}"),
                "bleedId");
        assertThat(nurse.postJson(path, "{\"version\": 0, \"reason\": \"stale\", \"doseIu\": 900}")
                        .statusCode())
                .isEqualTo(412);
    }

    @Test
    void anotherCentreCannotCorrectAnnotateOrSeePhotosAndTheAttemptsAreAudited() {
        ApiClient tomsPhone = new ApiClient(port).signIn("patient.tom");
        String bleed = bleedOfTom(tomsPhone);
        String infusion = infusionOfTom(tomsPhone);
        String base = "/api/v1/patients/" + tom();
        ApiClient south = new ApiClient(port).signIn("clinician.south");
        long deniedUpdates = audited(tom(), "Bleed", "UPDATE", "DENIED");
        long deniedCreates = audited(tom(), "Bleed", "CREATE", "DENIED");
        long deniedPhotos = audited(tom(), "BleedPhoto", "READ", "DENIED");
        long deniedDose = audited(tom(), "ScheduledDose", "READ", "DENIED");

        HttpResponse<String> correction =
                south.postJson(base + "/bleeds/" + bleed + "/corrections", "{\"version\": 0, \"reason\": \"x\"}");
        HttpResponse<String> unknown = south.postJson(
                "/api/v1/patients/" + UUID.randomUUID() + "/bleeds/" + bleed + "/corrections",
                "{\"version\": 0, \"reason\": \"x\"}");
        assertThat(correction.statusCode()).isEqualTo(404);
        assertThat(correction.body().replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(unknown.body().replaceAll("\"instance\":\"[^\"]*\"", ""));
        assertThat(south.postJson(base + "/bleeds/" + bleed + "/annotations", "{\"text\": \"seen\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(south.get(base + "/bleeds/" + bleed + "/photo").statusCode()).isEqualTo(404);
        assertThat(south.get(base + "/diary/scheduled-dose").statusCode()).isEqualTo(404);
        assertThat(south.postJson(
                                base + "/infusions/" + infusion + "/corrections", "{\"version\": 0, \"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(404);

        assertThat(audited(tom(), "Bleed", "UPDATE", "DENIED")).isEqualTo(deniedUpdates + 1);
        assertThat(audited(tom(), "Bleed", "CREATE", "DENIED")).isEqualTo(deniedCreates + 1);
        assertThat(audited(tom(), "BleedPhoto", "READ", "DENIED")).isEqualTo(deniedPhotos + 1);
        assertThat(audited(tom(), "ScheduledDose", "READ", "DENIED")).isEqualTo(deniedDose + 1);
    }

    @Test
    void aggregateRolesAreForbiddenOnEveryNewEndpoint() {
        ApiClient tomsPhone = new ApiClient(port).signIn("patient.tom");
        String bleed = bleedOfTom(tomsPhone);
        String infusion = infusionOfTom(tomsPhone);
        String base = "/api/v1/patients/" + tom();
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        assertThat(analyst.postJson(base + "/bleeds/" + bleed + "/corrections", "{\"version\": 0, \"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(analyst.postJson(
                                base + "/infusions/" + infusion + "/corrections", "{\"version\": 0, \"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(analyst.postJson(base + "/bleeds/" + bleed + "/annotations", "{\"text\": \"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(analyst.postJson(base + "/infusions/" + infusion + "/annotations", "{\"text\": \"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(analyst.get(base + "/bleeds/" + bleed + "/photo").statusCode())
                .isEqualTo(403);
        assertThat(postBytes(analyst, base + "/bleeds/" + bleed + "/photo", png(100))
                        .statusCode())
                .isEqualTo(403);
        assertThat(analyst.get(base + "/diary/scheduled-dose").statusCode()).isEqualTo(403);
        assertThat(analyst.get(base + "/bleeds/" + bleed).statusCode()).isEqualTo(403);
    }

    @Test
    void theCareTeamAnnotatesEntriesAndThePatientReadsTheNotesButCannotWriteOne() {
        ApiClient tomsPhone = new ApiClient(port).signIn("patient.tom");
        String bleed = bleedOfTom(tomsPhone);
        String infusion = infusionOfTom(tomsPhone);
        String base = "/api/v1/patients/" + tom();
        ApiClient north = new ApiClient(port).signIn("clinician.north");
        long created = audited(tom(), "Annotation", "CREATE", "SUCCESS");

        HttpResponse<String> note = north.postJson(
                base + "/bleeds/" + bleed + "/annotations", "{\"text\": \"Call the clinic if it swells <again>.\"}");
        HttpResponse<String> infusionNote =
                north.postJson(base + "/infusions/" + infusion + "/annotations", "{\"text\": \"Good timing.\"}");

        assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
        assertThat(infusionNote.statusCode()).isEqualTo(201);
        assertThat(note.body()).contains("\"author\":\"clinician.north\"", "\"entryType\":\"BLEED\"");
        assertThat(audited(tom(), "Annotation", "CREATE", "SUCCESS")).isEqualTo(created + 2);
        assertThat(tomsPhone.get(base + "/bleeds/" + bleed).body())
                .contains("\"annotations\":[{", "Call the clinic if it swells <again>.");
        assertThat(tomsPhone.get(base + "/infusions").body()).contains("Good timing.");
        assertThat(tomsPhone
                        .postJson(base + "/bleeds/" + bleed + "/annotations", "{\"text\": \"my own note\"}")
                        .statusCode())
                .isEqualTo(403);
        assertField(north.postJson(base + "/bleeds/" + bleed + "/annotations", "{\"text\": \"  \"}"), "text");
        assertField(
                north.postJson(base + "/bleeds/" + bleed + "/annotations", "{\"text\": \"" + "x".repeat(2001) + "\"}"),
                "text");
        assertThat(north.postJson(base + "/bleeds/" + UUID.randomUUID() + "/annotations", "{\"text\": \"x\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    HttpResponse<String> postBytes(ApiClient api, String path, byte[] bytes) {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "image/png")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", api.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    @Test
    void aPhotoIsCheckedByItsFirstBytesStoredAndServedOnlyToThoseWhoMaySeeThePatient() {
        ApiClient tomsPhone = new ApiClient(port).signIn("patient.tom");
        String bleed = bleedOfTom(tomsPhone);
        String path = "/api/v1/patients/" + tom() + "/bleeds/" + bleed + "/photo";
        long created = audited(tom(), "BleedPhoto", "CREATE", "SUCCESS");
        long read = audited(tom(), "BleedPhoto", "READ", "SUCCESS");

        byte[] png = org.hemonet.diary.internal.PhotoFixtures.png(); // a real image: it is read to strip metadata
        HttpResponse<String> stored = postBytes(tomsPhone, path, png);

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(stored.body()).contains("\"contentType\":\"image/png\"", "\"bytes\":" + png.length);
        assertThat(audited(tom(), "BleedPhoto", "CREATE", "SUCCESS")).isEqualTo(created + 1);
        ApiClient north = new ApiClient(port).signIn("clinician.north");
        HttpResponse<String> photo = north.get(path, "image/*");
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(photo.headers().firstValue("Content-Length")).hasValue(String.valueOf(png.length));
        assertThat(photo.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(audited(tom(), "BleedPhoto", "READ", "SUCCESS")).isEqualTo(read + 1);
        assertThat(tomsPhone
                        .get("/api/v1/patients/" + tom() + "/bleeds/" + bleed)
                        .body())
                .contains("\"photo\":\"" + path + "\"");

        byte[] gif = "GIF89a-not-allowed".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertField(postBytes(tomsPhone, path, gif), "photo");
        assertField(postBytes(tomsPhone, path, new byte[0]), "photo");
        assertField(postBytes(tomsPhone, path, png(5 * 1024 * 1024 + 1)), "photo");
        byte[] jpeg = org.hemonet.diary.internal.PhotoFixtures.jpeg();
        assertThat(postBytes(tomsPhone, path, jpeg).statusCode()).isEqualTo(201);
        assertThat(north.get(path, "image/*").headers().firstValue("Content-Type"))
                .hasValue("image/jpeg");
        assertThat(postBytes(tomsPhone, "/api/v1/patients/" + tom() + "/bleeds/" + UUID.randomUUID() + "/photo", jpeg)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theScheduledDoseIsPrefilledFromThePlanAndTheLastDeliveredBatch() {
        ApiClient tomsPhone = new ApiClient(port).signIn("patient.tom");
        long reads = audited(tom(), "ScheduledDose", "READ", "SUCCESS");

        HttpResponse<String> dose = tomsPhone.get("/api/v1/patients/" + tom() + "/diary/scheduled-dose");

        assertThat(dose.statusCode()).as(dose.body()).isEqualTo(200);
        var plan = jdbc.sql(
                        """
                        select product_id, dose from supply.treatment_plan where patient_id = :p and voided_at is null
                        order by valid_from desc limit 1""")
                .param("p", tom())
                .query((rs, n) -> new Object[] {
                    rs.getObject("product_id", UUID.class),
                    rs.getBigDecimal("dose").stripTrailingZeros()
                })
                .single();
        String batch = jdbc.sql(
                        """
                        select i.batch_number from supply.delivery d join supply.delivery_item i on i.delivery_id = d.id
                        where d.patient_id = :p and d.status = 'DELIVERED' order by d.delivered_at desc limit 1""")
                .param("p", tom())
                .query(String.class)
                .single();
        assertThat(dose.body())
                .contains("\"productId\":\"" + plan[0] + "\"", "\"unit\":\"IU\"", "\"doseMg\":null")
                .contains("\"doseIu\":" + ((java.math.BigDecimal) plan[1]).toPlainString())
                .contains("\"batchNumber\":\"" + batch + "\"", "\"productName\":\"", "\"dueToday\":");
        assertThat(audited(tom(), "ScheduledDose", "READ", "SUCCESS")).isEqualTo(reads + 1);
    }

    @Test
    void aParentLogsTheScheduledDoseForAChildWithOneTap() {
        UUID leo = jdbc.sql("select id from patient.patient where given_name = 'Leo' and family_name = 'Okafor'")
                .query(UUID.class)
                .single();
        ApiClient sara = new ApiClient(port).signIn("parent.sara");
        HttpResponse<String> prefill = sara.get("/api/v1/patients/" + leo + "/diary/scheduled-dose");
        // Leo has severe haemophilia A: the demo network always gives him a prophylaxis plan and a delivery
        assertThat(prefill.statusCode()).as(prefill.body()).isEqualTo(200);
        String productId = prefill.body().replaceAll(".*\"productId\":\"([0-9a-f-]+)\".*", "$1");
        String batch = prefill.body().replaceAll(".*\"batchNumber\":\"([^\"]+)\".*", "$1");
        boolean mg = prefill.body().contains("\"unit\":\"MG\"");
        String dose = prefill.body().replaceAll(".*\"dose" + (mg ? "Mg" : "Iu") + "\":([0-9.]+).*", "$1");
        long before = jdbc.sql("select count(*) from diary.infusion where patient_id = :p and reason = 'PROPHYLAXIS'")
                .param("p", leo)
                .query(Long.class)
                .single();

        HttpResponse<String> tapped = sara.postForm(
                "/diary/scheduled-dose",
                "patient=%s&productId=%s&batchNumber=%s&%s=%s"
                        .formatted(leo, productId, batch, mg ? "doseMg" : "doseIu", dose));

        assertThat(tapped.statusCode()).isEqualTo(302);
        assertThat(tapped.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("saved=dose"));
        var stored = jdbc.sql(
                        """
                        select batch_number, dose, unit, recorded_by from diary.infusion
                        where patient_id = :p and reason = 'PROPHYLAXIS' order by recorded_at desc limit 1""")
                .param("p", leo)
                .query((rs, n) -> rs.getString("batch_number") + "|"
                        + rs.getBigDecimal("dose").stripTrailingZeros().toPlainString() + "|" + rs.getString("unit")
                        + "|" + rs.getString("recorded_by"))
                .single();
        assertThat(stored)
                .isEqualTo(batch + "|"
                        + new java.math.BigDecimal(dose).stripTrailingZeros().toPlainString() + "|" + (mg ? "MG" : "IU")
                        + "|parent.sara");
        assertThat(jdbc.sql("select count(*) from diary.infusion where patient_id = :p and reason = 'PROPHYLAXIS'")
                        .param("p", leo)
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 1);
        assertThat(sara.get("/api/v1/patients/" + leo + "/diary/scheduled-dose").body())
                .contains("\"loggedToday\":true");
    }
}
