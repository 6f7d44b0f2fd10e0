package org.hemonet.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Web Push (RFC 8030, VAPID RFC 8292) against a push service on this machine: the VAPID key is made once and kept in the
 * database, a subscribed browser gets a push without payload signed with that key, and a subscription the push service
 * says is gone is withdrawn.
 */
class WebPushTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TreatmentPlans plans;

    @Autowired
    PatientRegistry patients;

    @Autowired
    ReminderDispatcher dispatcher;

    @Autowired
    ReminderQueries queries;

    @Autowired
    WebPush push;

    @Autowired
    Clock clock;

    HttpServer pushService;
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<Integer> bodies = new CopyOnWriteArrayList<>();
    final AtomicInteger answer = new AtomicInteger(201);

    @BeforeEach
    void aPushServiceOnThisMachine() throws Exception {
        pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushService.createContext("/push", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            bodies.add(exchange.getRequestBody().readAllBytes().length);
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        pushService.start();
    }

    @AfterEach
    void stop() {
        pushService.stop(0);
    }

    @Test
    void theVapidKeyIsMadeOnceAndKeptInTheDatabase() {
        String key = push.publicKey();

        assertThat(Base64.getUrlDecoder().decode(key)).hasSize(65).startsWith(4);
        assertThat(new WebPush(queries, clock, "mailto:x@example.org").publicKey())
                .as("another node, or a restart, reads the same key")
                .isEqualTo(key);
        assertThat(jdbc.sql("select count(*) from reminder.vapid_key")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        HttpResponse<String> served = new ApiClient(port).signIn("patient.tom").get("/api/v1/push/vapid-public-key");
        assertThat(JSON.readTree(served.body()).path("publicKey").asString()).isEqualTo(key);
    }

    @Test
    void aDoseReminderIsPushedWithoutPayloadAndSignedWithTheStoredKey() throws Exception {
        TestNetwork.Site site = TestNetwork.in(context).centre("Push");
        TestNetwork.Staff clinician = site.staff(Role.CLINICIAN);
        PatientAccounts.Created patient = site.patient("Bryn", "Pushwell");
        ZoneId zone = patients.zoneOf(patient.patientId()).orElseThrow();
        LocalDate day = LocalDate.now(TestClock.get().withZone(zone)).minusDays(2);
        // after 09:00, so that the day's low-stock reminder (no stock was delivered) fell due before the switch-on
        TestClock.get().set(day.atTime(9, 5).atZone(zone).toInstant());
        ReminderFixtures.dailyProphylaxis(plans, jdbc, clinician, patient.patientId(), day, LocalTime.of(20, 0));
        ApiClient bryn = new ApiClient(port).signIn(patient.username());
        String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/bryn-phone";

        HttpResponse<String> refused =
                bryn.postJson("/api/v1/me/push-subscriptions", "{\"endpoint\": \"ftp://x.org/a\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"endpoint\"");
        HttpResponse<String> subscribed = bryn.postJson(
                "/api/v1/me/push-subscriptions",
                """
                {"endpoint": "%s", "keys": {"p256dh": "BNc", "auth": "tBH"}}"""
                        .formatted(endpoint));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        assertThat(Put.json(bryn, port, "/api/v1/me/notification-preferences", "{\"channels\": [\"WEB_PUSH\"]}")
                        .statusCode())
                .isEqualTo(200);

        TestClock.get().set(day.atTime(20, 0, 10).atZone(zone).toInstant());
        dispatcher.dispatch();

        assertThat(authorizations).hasSize(1);
        assertThat(bodies).containsExactly(0);
        String authorization = authorizations.get(0);
        assertThat(authorization).startsWith("vapid t=").endsWith(", k=" + push.publicKey());
        String jwt = authorization.substring("vapid t=".length(), authorization.indexOf(", k="));
        String[] parts = jwt.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims)
                .contains(
                        "\"aud\":\"http://127.0.0.1:" + pushService.getAddress().getPort() + "\"");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(publicKey(push.publicKey()));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        // the next day the phone's subscription has expired: the push service says 410 and it is withdrawn
        answer.set(410);
        TestClock.get().set(day.plusDays(1).atTime(20, 0, 10).atZone(zone).toInstant());
        dispatcher.dispatch();
        assertThat(authorizations).hasSize(2);
        assertThat(queries.subscriptionsOf(jdbc.sql("select id from identity.account where username = :u")
                        .param("u", patient.username())
                        .query(java.util.UUID.class)
                        .single()))
                .isEmpty();
    }

    /**
     * A new message from the centre is pushed too (issue 16), without payload, to the holders who chose Web Push; a
     * message the patient writes is not pushed back to them.
     */
    @Test
    void aMessageFromTheCentreIsPushedWithoutPayload() {
        TestNetwork.Site site = TestNetwork.in(context).centre("PushMessages");
        PatientAccounts.Created patient = site.patient("Mel", "Pushwell");
        ApiClient mel = new ApiClient(port).signIn(patient.username());
        String endpoint = "http://127.0.0.1:" + pushService.getAddress().getPort() + "/push/mel-phone";
        assertThat(mel.postJson(
                                "/api/v1/me/push-subscriptions",
                                "{\"endpoint\": \"%s\", \"keys\": {\"p256dh\": \"BNc\", \"auth\": \"tBH\"}}"
                                        .formatted(endpoint))
                        .statusCode())
                .isEqualTo(201);
        assertThat(Put.json(mel, port, "/api/v1/me/notification-preferences", "{\"channels\": [\"WEB_PUSH\"]}")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> fromMel = mel.postJson(
                "/api/v1/threads",
                "{\"patientId\": \"%s\", \"subject\": \"Knee\", \"body\": \"My knee is swollen\"}"
                        .formatted(patient.patientId()));
        assertThat(fromMel.statusCode()).as(fromMel.body()).isEqualTo(201);
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        String thread = JSON.readTree(fromMel.body()).path("id").asString();
        HttpResponse<String> reply = nurse.postJson(
                "/api/v1/threads/" + thread + "/messages", "{\"body\": \"Rest it and call us if it gets worse\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(authorizations).hasSize(1));
        assertThat(bodies).containsExactly(0);
    }

    private static PublicKey publicKey(String uncompressed) throws Exception {
        byte[] point = Base64.getUrlDecoder().decode(uncompressed);
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint w = new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(w, parameters.getParameterSpec(ECParameterSpec.class)));
    }
}
