package org.hemonet.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** security.md §17 on real PostgreSQL: replays, a reused key, in-flight retries, all-or-nothing batches. */
class DiarySyncTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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

    static String bleedEntry(UUID id, UUID patient, String site) {
        return """
                {"id": "%s", "type": "BLEED", "patientId": "%s",
                 "bleed": {"startedAt": "%s", "site": "%s", "cause": "TRAUMATIC", "pain": 3}}"""
                .formatted(id, patient, ago(3), site);
    }

    /** A real product and batch of the demo catalogue: the diary checks both (security.md §20). */
    static org.hemonet.support.DemoProducts product;

    @org.junit.jupiter.api.BeforeEach
    void findProduct() {
        product = org.hemonet.support.DemoProducts.factorConcentrate(jdbc);
    }

    static String infusionEntry(UUID id, UUID patient, UUID bleedId, String dose) {
        return """
                {"id": "%s", "type": "INFUSION", "patientId": "%s",
                 "infusion": {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": %s,
                              "reason": "BLEED", "bleedId": "%s"}}"""
                .formatted(id, patient, ago(2), product.productId(), product.batchNumber(), dose, bleedId);
    }

    static String batch(String... entries) {
        return "{\"entries\": [" + String.join(",", entries) + "]}";
    }

    long stored(List<UUID> ids) {
        return jdbc.sql("select (select count(*) from diary.bleed where id in (:ids))"
                        + " + (select count(*) from diary.infusion where id in (:ids))")
                .param("ids", ids)
                .query(Long.class)
                .single();
    }

    @Test
    void aReplayReturnsTheFirstResponseAndStoresNothingTwice() {
        ApiClient api = new ApiClient(port).signIn("patient.tom");
        UUID tom = tom();
        UUID bleed = UUID.randomUUID();
        UUID infusion = UUID.randomUUID();
        String body = batch(bleedEntry(bleed, tom, "RIGHT_ANKLE"), infusionEntry(infusion, tom, bleed, "1500"));
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = api.postJson("/api/v1/diary/sync", body, Map.of("Idempotency-Key", key));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"stored\":2", "CREATED", bleed.toString(), infusion.toString());
        HttpResponse<String> replay = api.postJson("/api/v1/diary/sync", body, Map.of("Idempotency-Key", key));
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(stored(List.of(bleed, infusion))).isEqualTo(2);

        // the same entries under a new key: nothing stored twice either, reported as already stored
        HttpResponse<String> again = api.postJson(
                "/api/v1/diary/sync",
                body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"stored\":0", "ALREADY_STORED");
        assertThat(stored(List.of(bleed, infusion))).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        ApiClient api = new ApiClient(port).signIn("patient.tom");
        UUID tom = tom();
        String key = UUID.randomUUID().toString();
        assertThat(api.postJson(
                                "/api/v1/diary/sync",
                                batch(bleedEntry(UUID.randomUUID(), tom, "LEFT_HIP")),
                                Map.of("Idempotency-Key", key))
                        .statusCode())
                .isEqualTo(200);
        UUID other = UUID.randomUUID();
        HttpResponse<String> reused = api.postJson(
                "/api/v1/diary/sync", batch(bleedEntry(other, tom, "LEFT_HIP")), Map.of("Idempotency-Key", key));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("idempotency-key-reused");
        assertThat(stored(List.of(other))).isZero();
    }

    @Test
    void aBatchWithOneBadEntryStoresNothingAndNamesEachFault() {
        ApiClient api = new ApiClient(port).signIn("patient.tom");
        UUID tom = tom();
        UUID good = UUID.randomUUID();
        UUID badDose = UUID.randomUUID();
        UUID otherFamily = UUID.randomUUID();
        UUID leo = jdbc.sql("select id from patient.patient where given_name = 'Leo' and family_name = 'Okafor'")
                .query(UUID.class)
                .single();
        String body = batch(
                bleedEntry(good, tom, "LEFT_KNEE"),
                infusionEntry(badDose, tom, good, "60000"),
                bleedEntry(otherFamily, leo, "LEFT_KNEE"));
        String key = UUID.randomUUID().toString();
        HttpResponse<String> response = api.postJson("/api/v1/diary/sync", body, Map.of("Idempotency-Key", key));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body())
                .contains(
                        "\"index\":1",
                        "\"field\":\"entries[1].infusion.doseIu\"",
                        "\"index\":2",
                        "\"field\":\"entries[2].patientId\"");
        assertThat(stored(List.of(good, badDose, otherFamily))).isZero();
        assertThat(api.postJson("/api/v1/diary/sync", body, Map.of("Idempotency-Key", key))
                        .body())
                .isEqualTo(response.body());
        assertThat(jdbc.sql("select count(*) from audit.event where patient_id = :p and outcome = 'DENIED'")
                        .param("p", leo)
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void moreThanAThousandEntriesAreRefused() {
        ApiClient api = new ApiClient(port).signIn("patient.tom");
        UUID tom = tom();
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            entries.add(bleedEntry(UUID.randomUUID(), tom, "NOSE"));
        }
        HttpResponse<String> response = api.postJson(
                "/api/v1/diary/sync",
                batch(entries.toArray(String[]::new)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"entries\"");
        assertThat(api.postJson("/api/v1/diary/sync", "{\"entries\": []}", Map.of())
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void concurrentRetriesStoreOneCopyAndAreAnsweredWithTheFirstResponseOr409() throws Exception {
        UUID tom = tom();
        List<UUID> ids = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            entries.add(bleedEntry(id, tom, i % 2 == 0 ? "LEFT_ANKLE" : "RIGHT_ANKLE"));
        }
        String body = batch(entries.toArray(String[]::new));
        String key = UUID.randomUUID().toString();
        int clients = 6;
        List<ApiClient> apis = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            apis.add(new ApiClient(port).signIn("patient.tom"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (ApiClient api : apis) {
            Callable<HttpResponse<String>> call = () -> {
                start.await();
                return api.postJson("/api/v1/diary/sync", body, Map.of("Idempotency-Key", key));
            };
            futures.add(pool.submit(call));
        }
        start.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> f : futures) {
            responses.add(f.get());
        }
        pool.shutdown();
        Map<Integer, Long> statuses =
                responses.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(statuses.keySet()).as(statuses.toString()).isSubsetOf(200, 409);
        assertThat(statuses.get(200)).isPositive();
        assertThat(responses.stream()
                        .filter(r -> r.statusCode() == 200)
                        .map(HttpResponse::body)
                        .distinct())
                .hasSize(1);
        assertThat(stored(ids)).isEqualTo(300);
        // a retry after the first finished replays it
        HttpResponse<String> late = apis.get(0).postJson("/api/v1/diary/sync", body, Map.of("Idempotency-Key", key));
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).contains("\"stored\":300");
        assertThat(stored(ids)).isEqualTo(300);
    }
}
