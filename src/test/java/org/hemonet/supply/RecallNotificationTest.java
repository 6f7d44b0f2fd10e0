package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.message.MessageKind;
import org.hemonet.message.Messages;
import org.hemonet.message.NewMessage;
import org.hemonet.message.Recipient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5: a recall notifies each reached patient (their record's inbox, read by the patient or a parent) and each
 * reached centre once, in-app and by an e-mail without clinical detail (security.md §16); patients acknowledge from
 * the message and centres from the recall; the list of reached patients is live; network analysts see pseudonyms and
 * never patient records (security.md §1, §6).
 */
class RecallNotificationTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    HomeStock homeStock;

    @Autowired
    PatientRegistry patients;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    Messages messages;

    @Autowired
    RecallNotifications notifications;

    SupplyFixtures fixtures;
    PatientAccounts patientAccounts;

    @BeforeEach
    void setUp() {
        fixtures = new SupplyFixtures(jdbc);
        patientAccounts = new PatientAccounts(patients, accounts);
    }

    @Test
    void notifiesAVoidedInfusionOnlyPatientAndUnopenedVialsAtHomeOnceInAppAndByMailWithoutClinicalDetail() {
        UUID octavia = fixtures.product("Octavia");
        String batch = "RNT-" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.receiveBatch(octavia, batch, LocalDate.now().plusYears(2), 500, 1000, LocalDate.now(), null);
        UUID eastCentre = eastCentre();
        UUID southCentre = centreOf(fixtures.leo());
        PatientAccounts.Created sam = patientAccounts.create(eastCentre, "Samir", "Quayle");
        deliver(sam.patientId(), octavia, batch, 4);
        // Leo's only link is a voided infusion; his mother Sara holds his record and gave an address for e-mails
        UUID leo = fixtures.leo();
        UUID infusion = UUID.randomUUID();
        homeStock.infused(infusion, leo, octavia, batch, 1, 1000, Instant.now());
        homeStock.infusionVoided(infusion, "wrong batch typed");
        ApiClient sara = new ApiClient(port).signIn("parent.sara");
        assertThat(sara.postForm("/messages/mail-address", "address=sara.okafor%40example.org")
                        .statusCode())
                .isEqualTo(302);
        new ApiClient(port).signIn(sam.username()).postForm("/messages/mail-address", "address=samir.q%40example.org");

        String recallId = issue(octavia, batch);

        awaitMessages(recallId, 4);
        assertThat(messageCount(Recipient.Kind.PATIENT, sam.patientId(), recallId))
                .isEqualTo(1);
        assertThat(messageCount(Recipient.Kind.PATIENT, leo, recallId)).isEqualTo(1);
        assertThat(messageCount(Recipient.Kind.CENTRE, eastCentre, recallId)).isEqualTo(1);
        assertThat(messageCount(Recipient.Kind.CENTRE, southCentre, recallId)).isEqualTo(1);

        // the in-app message says what to do; the e-mail only that a safety message waits
        String inApp = jdbc.sql("select body from message.message where recipient_id = :p and reference = :r")
                .param("p", sam.patientId())
                .param("r", recallId)
                .query(String.class)
                .single();
        assertThat(inApp).contains(batch, "Octavia", "Particles seen in vials", "Set them aside");
        List<Map<String, Object>> mails = outbox(recallId);
        assertThat(mails)
                .extracting(m -> m.get("to_address"))
                .contains("sara.okafor@example.org", "samir.q@example.org");
        for (Map<String, Object> mail : mails) {
            String text = mail.get("subject") + "\n" + mail.get("body");
            assertThat(text)
                    .contains("safety message", "/messages")
                    .doesNotContain(
                            batch,
                            "Octavia",
                            "octocog",
                            "Particles",
                            "Samir",
                            "Quayle",
                            "Leo",
                            "Okafor",
                            "recall",
                            "North",
                            "South",
                            "East",
                            "haemophilia");
            assertThat(mail.get("status")).isEqualTo("PENDING");
        }

        // a second delivery of the same event, and a repeated send, message nobody twice
        notifications.on(
                new BatchRecalled(UUID.fromString(recallId), octavia, List.of(batch), List.of(sam.patientId(), leo)));
        assertThat(messages.send(
                        new NewMessage(Recipient.patient(leo), MessageKind.RECALL, recallId, "again", "again", null)))
                .isEmpty();
        assertThat(messageCount(Recipient.Kind.PATIENT, leo, recallId)).isEqualTo(1);
        assertThat(messageCount(Recipient.Kind.CENTRE, eastCentre, recallId)).isEqualTo(1);
        assertThat(outbox(recallId)).hasSize(mails.size());
    }

    @Test
    void theReachedListIsLiveAndANewlyReachedPatientIsNotifiedOnce() {
        UUID octavia = fixtures.product("Octavia");
        String batch = "RNL-" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.receiveBatch(octavia, batch, LocalDate.now().plusYears(2), 500, 1000, LocalDate.now(), null);
        UUID eastCentre = eastCentre();
        PatientAccounts.Created first = patientAccounts.create(eastCentre, "Owen", "Firth");
        deliver(first.patientId(), octavia, batch, 2);
        String recallId = issue(octavia, batch);
        awaitMessages(recallId, 2);

        // after the recall, the batch reaches another patient: the next read finds and notifies them
        PatientAccounts.Created later = patientAccounts.create(eastCentre, "Lara", "Vickers");
        deliver(later.patientId(), octavia, batch, 3);
        ApiClient clinician = new ApiClient(port).signIn("clinician.east");
        String view = clinician.get("/api/v1/recalls/" + recallId).body();
        assertThat(view)
                .contains(
                        "\"patientCount\":2", "Lara Vickers", later.patientId().toString());
        awaitMessages(recallId, 3);
        clinician.get("/api/v1/recalls/" + recallId);
        assertThat(messageCount(Recipient.Kind.PATIENT, later.patientId(), recallId))
                .isEqualTo(1);
        assertThat(messageCount(Recipient.Kind.CENTRE, eastCentre, recallId)).isEqualTo(1);
        // each read that showed the patient is audited
        assertThat(fixtures.auditEvents(later.patientId(), "clinician.east", "Recall", "READ", "SUCCESS"))
                .isEqualTo(2);
    }

    @Test
    void patientAcknowledgesFromTheMessageCentreFromTheRecallAndTheRecallShowsWhoAndWhen() {
        UUID octavia = fixtures.product("Octavia");
        String batch = "RNA-" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.receiveBatch(octavia, batch, LocalDate.now().plusYears(2), 500, 1000, LocalDate.now(), null);
        UUID eastCentre = eastCentre();
        PatientAccounts.Created ada = patientAccounts.create(eastCentre, "Ada", "Penrose");
        deliver(ada.patientId(), octavia, batch, 5);
        String recallId = issue(octavia, batch);
        awaitMessages(recallId, 2);

        ApiClient patient = new ApiClient(port).signIn(ada.username());
        String inbox = patient.get("/api/v1/messages").body();
        String messageId = id(inbox);
        assertThat(inbox).contains("\"kind\":\"RECALL\"", batch, "\"acknowledgedAt\":null");
        // another patient's account cannot read or acknowledge it: the same 404 as an unknown message
        ApiClient tom = new ApiClient(port).signIn("patient.tom");
        assertThat(tom.postJson("/api/v1/messages/" + messageId + "/acknowledgement", "{}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(tom.get("/api/v1/messages/" + messageId).statusCode()).isEqualTo(404);
        var ack = patient.postJson("/api/v1/messages/" + messageId + "/acknowledgement", "{}");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).contains("\"acknowledgedByName\":\"Ada Penrose\"");

        ApiClient clinician = new ApiClient(port).signIn("clinician.east");
        String staffView = clinician.get("/api/v1/recalls/" + recallId).body();
        assertThat(staffView)
                .contains(
                        "\"acknowledgedBy\":\"Ada Penrose\"",
                        "\"acknowledgedByRole\":\"PATIENT\"",
                        "\"patientsOutstanding\":0",
                        "\"centresOutstanding\":1",
                        "\"centreAcknowledgedAt\":null");

        // clinicians of another centre cannot acknowledge for East; East's can, once
        assertThat(new ApiClient(port)
                        .signIn("clinician.south")
                        .postJson(
                                "/api/v1/recalls/" + recallId + "/acknowledgements",
                                "{\"centreId\":\"%s\"}".formatted(eastCentre))
                        .statusCode())
                .isEqualTo(404);
        assertThat(clinician
                        .postJson(
                                "/api/v1/recalls/" + recallId + "/acknowledgements",
                                "{\"centreId\":\"%s\"}".formatted(eastCentre))
                        .statusCode())
                .isEqualTo(204);
        assertThat(clinician.get("/api/v1/recalls/" + recallId).body())
                .contains("\"centresOutstanding\":0", "\"centreAcknowledgedBy\":\"");
        assertThat(jdbc.sql(
                                """
                        select acknowledged_at is not null from message.message
                        where recipient_kind = 'CENTRE' and recipient_id = :c and reference = :r
                        """)
                        .param("c", eastCentre)
                        .param("r", recallId)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        // the analyst sees the acknowledgement against a pseudonym: no name, no registry id
        String analystView = new ApiClient(port)
                .signIn("analyst")
                .get("/api/v1/recalls/" + recallId)
                .body();
        assertThat(analystView)
                .containsPattern("\"pseudonym\":\"P-[A-Z2-9]{8}\"")
                .contains("\"acknowledgedByRole\":\"PATIENT\"", "\"links\":[\"RECEIVED\",\"AT_HOME\"]")
                .contains("\"vialsAtHome\":5", "\"patientId\":null", "\"name\":null", "\"acknowledgedBy\":null")
                .doesNotContain(ada.patientId().toString(), "Penrose");
    }

    @Test
    void analystMayIssueAndReadRecallsButGets403OnPatientRecords() {
        UUID octavia = fixtures.product("Octavia");
        String batch = "RNX-" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.receiveBatch(octavia, batch, LocalDate.now().plusYears(2), 500, 1000, LocalDate.now(), null);
        UUID tom = fixtures.tom();
        String recallId = issue(octavia, batch);
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        assertThat(analyst.get("/api/v1/recalls/" + recallId).statusCode()).isEqualTo(200);
        assertThat(analyst.get("/api/v1/patients/" + tom).statusCode()).isEqualTo(403);
        assertThat(analyst.get("/api/v1/patients/" + tom + "/stock").statusCode())
                .isEqualTo(403);
        assertThat(analyst.postJson(
                                "/api/v1/recalls/" + recallId + "/acknowledgements",
                                "{\"patientId\":\"%s\"}".formatted(tom))
                        .statusCode())
                .isEqualTo(403);
        assertThat(analyst.get("/api/v1/messages").body()).isEqualTo("[]");
    }

    private String issue(UUID productId, String batch) {
        var issued = new ApiClient(port)
                .signIn("analyst")
                .postJson(
                        "/api/v1/recalls",
                        """
                        {"productId":"%s","batchNumbers":["%s"],"reason":"Particles seen in vials","level":"PATIENT"}
                        """
                                .formatted(productId, batch));
        assertThat(issued.statusCode()).isEqualTo(201);
        return id(issued.body());
    }

    private void deliver(UUID patientId, UUID productId, String batch, int vials) {
        ApiClient clinician = new ApiClient(port).signIn("clinician.east");
        var booked = clinician.postJson(
                "/api/v1/deliveries",
                """
                {"patientId":"%s","scheduledFor":"%s","window":"STANDARD",
                 "items":[{"productId":"%s","batchNumber":"%s","vials":%d,"iuPerVial":1000}]}
                """
                        .formatted(patientId, LocalDate.now(), productId, batch, vials));
        assertThat(booked.statusCode()).isEqualTo(201);
        assertThat(clinician
                        .postJson("/api/v1/deliveries/" + id(booked.body()) + "/delivered", "{}")
                        .statusCode())
                .isEqualTo(200);
    }

    /**
     * The East centre, whose patient count no other test asserts: the patients these tests register live there.
     */
    private UUID eastCentre() {
        return jdbc.sql(
                        """
                        select ac.centre_id from identity.account_centre ac
                        join identity.account a on a.id = ac.account_id where a.username = 'clinician.east'
                        """)
                .query(UUID.class)
                .single();
    }

    private UUID centreOf(UUID patientId) {
        return jdbc.sql("select centre_id from patient.patient where id = :id")
                .param("id", patientId)
                .query(UUID.class)
                .single();
    }

    private long messageCount(Recipient.Kind kind, UUID recipientId, String recallId) {
        return jdbc.sql(
                        """
                        select count(*) from message.message
                        where recipient_kind = :k and recipient_id = :id and kind = 'RECALL' and reference = :r
                        """)
                .param("k", kind.name())
                .param("id", recipientId)
                .param("r", recallId)
                .query(Long.class)
                .single();
    }

    private List<Map<String, Object>> outbox(String recallId) {
        return jdbc.sql(
                        """
                        select o.to_address, o.subject, o.body, o.status from message.outbox o
                        join message.message m on m.id = o.message_id where m.reference = :r
                        """)
                .param("r", recallId)
                .query()
                .listOfRows();
    }

    /** Notifications are sent after the recall commits: wait for them (bounded). */
    private void awaitMessages(String recallId, int expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            long count = jdbc.sql("select count(*) from message.message where reference = :r")
                    .param("r", recallId)
                    .query(Long.class)
                    .single();
            if (count >= expected) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("expected " + expected + " recall messages");
    }

    private static String id(String json) {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(json);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
