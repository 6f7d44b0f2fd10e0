package org.hemonet.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.Role;
import org.hemonet.message.Messages;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.supply.TreatmentPlan;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 16's done-when for reminders: a dose reminder appears at the planned local time on the test clock, two
 * dispatchers ("nodes") on one database deliver it once, a restart sends nothing again, quiet hours hold it back, and
 * the e-mail it queues says nothing of diagnosis, product or dose.
 */
class ReminderDeliveryTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalTime DOSE_TIME = LocalTime.of(19, 0);

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
    ReminderPlanner planner;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    Messages messages;

    @Autowired
    WebPush push;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    PatientAccounts.Created patient;
    ZoneId zone;
    LocalDate day;
    TreatmentPlan plan;
    String email;

    @BeforeEach
    void aPatientOnDailyProphylaxisAtSevenInTheEvening() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Reminders");
        TestNetwork.Staff clinician = site.staff(Role.CLINICIAN);
        patient = site.patient("Rhys", "Nightingale");
        zone = patients.zoneOf(patient.patientId()).orElseThrow();
        // in the past: a session ends 12 h after its (real-time) sign-in by the application clock
        day = LocalDate.now(TestClock.get().withZone(zone)).minusDays(3);
        TestClock.get().set(local(day, LocalTime.of(10, 0)));
        plan = ReminderFixtures.dailyProphylaxis(plans, jdbc, clinician, patient.patientId(), day, DOSE_TIME);
        email = "rhys-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private Instant local(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(zone).toInstant();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private void choose(ApiClient client, String body) {
        HttpResponse<String> saved = Put.json(client, port, "/api/v1/me/notification-preferences", body);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    /** The listed reminders of the dose on {@link #day}. */
    private List<JsonNode> doseItems(ApiClient client) {
        HttpResponse<String> list = client.get("/api/v1/patients/" + patient.patientId() + "/reminders");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<JsonNode> doses = new ArrayList<>();
        for (JsonNode item : json(list).path("items")) {
            if (item.path("kind").asString().equals("DOSE")
                    && Instant.parse(item.path("dueAt").asString()).equals(local(day, DOSE_TIME))) {
                doses.add(item);
            }
        }
        return doses;
    }

    private List<String> rows(Instant due) {
        return jdbc.sql(
                        """
                        select channel || ':' || status from reminder.outbox
                        where patient_id = :p and kind = 'DOSE' and due_at = :due order by channel
                        """)
                .param("p", patient.patientId())
                .param("due", due.atOffset(java.time.ZoneOffset.UTC))
                .query(String.class)
                .list();
    }

    private List<String> mails() {
        return jdbc.sql("select subject || '\n' || body from message.outbox where to_address = :to")
                .param("to", email)
                .query(String.class)
                .list();
    }

    private ReminderDispatcher secondNode() {
        return new ReminderDispatcher(
                queries,
                planner,
                patients,
                accounts,
                messages,
                push,
                transactions,
                clock,
                Duration.ofDays(1),
                "http://localhost:8080",
                "node-b",
                true);
    }

    /** Both nodes dispatch at the same moment; returns how many deliveries each made. */
    private List<Integer> bothNodesAtOnce() throws Exception {
        ReminderDispatcher other = secondNode();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Integer>> runs = List.of(
                    () -> {
                        start.await();
                        return dispatcher.dispatch();
                    },
                    () -> {
                        start.await();
                        return other.dispatch();
                    });
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> run : runs) {
                futures.add(pool.submit(run));
            }
            start.countDown();
            List<Integer> counts = new ArrayList<>();
            for (Future<Integer> f : futures) {
                counts.add(f.get(60, TimeUnit.SECONDS));
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDoseReminderAppearsAtThePlannedLocalTimeAndASecondNodeDoesNotSendItAgain() throws Exception {
        ApiClient client = new ApiClient(port).signIn(patient.username());
        choose(client, """
                {"channels": ["IN_APP", "EMAIL"], "email": "%s"}""".formatted(email));
        Instant due = local(day, DOSE_TIME);

        TestClock.get().set(local(day, LocalTime.of(18, 59)));
        List<JsonNode> planned = doseItems(client);
        assertThat(planned).extracting(n -> n.path("channel").asString()).containsExactly("IN_APP", "EMAIL");
        assertThat(planned).allSatisfy(item -> {
            assertThat(Instant.parse(item.path("time").asString())).isEqualTo(due);
            assertThat(item.path("localTime").asString()).startsWith(day + "T19:00");
            assertThat(item.path("status").asString()).isEqualTo("PLANNED");
            assertThat(item.path("link").asString()).contains("/diary?patient=" + patient.patientId());
        });
        bothNodesAtOnce();
        assertThat(rows(due)).as("the dose is not due a minute early").isEmpty();
        assertThat(mails()).isEmpty();

        TestClock.get().set(local(day, DOSE_TIME).plusSeconds(20));
        List<Integer> delivered = bothNodesAtOnce();
        assertThat(rows(due)).containsExactly("EMAIL:SENT", "IN_APP:SENT");
        assertThat(mails()).hasSize(1);
        assertThat(delivered.stream().mapToInt(Integer::intValue).sum())
                .as("both nodes together delivered each row once (the app's own schedule may have been first)")
                .isLessThanOrEqualTo(2);

        // a restart: both nodes run again, later, and send nothing new
        TestClock.get().advance(Duration.ofMinutes(5));
        assertThat(bothNodesAtOnce()).containsOnly(0);
        assertThat(mails()).hasSize(1);
        assertThat(rows(due)).hasSize(2);

        HttpResponse<String> after = client.get("/api/v1/patients/" + patient.patientId() + "/reminders");
        JsonNode recent = json(after).path("recent");
        assertThat(recent.toString()).contains("\"DOSE\"", "\"SENT\"");
    }

    @Test
    void theEmailNeverNamesDiagnosisProductOrDose() throws Exception {
        ApiClient client = new ApiClient(port).signIn(patient.username());
        choose(client, """
                {"channels": ["EMAIL"], "email": "%s"}""".formatted(email));

        TestClock.get().set(local(day, DOSE_TIME).plusSeconds(5));
        dispatcher.dispatch();

        List<String> sent = mails();
        assertThat(sent).hasSize(1);
        String text = sent.get(0).toLowerCase(Locale.ROOT);
        assertThat(text).contains("you have a reminder from your centre");
        List<String> forbidden = new ArrayList<>(List.of(
                "haemophilia",
                "hemophilia",
                "factor",
                "prophyla",
                "dose",
                " iu",
                "mg",
                "rhys",
                "nightingale",
                plan.dose().stripTrailingZeros().toPlainString(),
                ReminderFixtures.productNameOf(jdbc, plan.productId()).toLowerCase(Locale.ROOT)));
        for (String word : forbidden) {
            assertThat(text).as("the e-mail must not say '%s'", word).doesNotContain(word);
        }
        // and the whole outbox of reminders holds no clinical detail either: only kind, due time and channel
        List<String> reminderColumns = jdbc.sql(
                        """
                        select column_name from information_schema.columns where table_schema = 'reminder'
                        and table_name = 'outbox' order by column_name
                        """)
                .query(String.class)
                .list();
        assertThat(reminderColumns).doesNotContain("dose", "product_id", "diagnosis", "body", "text");
    }

    @Test
    void aReminderDueInQuietHoursWaitsUntilTheyEnd() {
        ApiClient client = new ApiClient(port).signIn(patient.username());
        choose(
                client,
                """
                {"channels": ["IN_APP", "EMAIL"], "email": "%s", "quietHoursStart": "18:30", "quietHoursEnd": "07:15"}"""
                        .formatted(email));
        Instant due = local(day, DOSE_TIME);

        TestClock.get().set(local(day, LocalTime.of(12, 0)));
        assertThat(doseItems(client).get(0).path("localTime").asString())
                .as("listed for the end of the quiet hours")
                .startsWith(day.plusDays(1) + "T07:15");

        TestClock.get().set(due.plusSeconds(30));
        dispatcher.dispatch();
        assertThat(rows(due)).containsExactly("EMAIL:PENDING", "IN_APP:PENDING");
        assertThat(mails()).isEmpty();

        TestClock.get().set(local(day.plusDays(1), LocalTime.of(7, 14)));
        dispatcher.dispatch();
        assertThat(mails()).as("still quiet at 07:14").isEmpty();

        TestClock.get().set(local(day.plusDays(1), LocalTime.of(7, 15)));
        dispatcher.dispatch();
        assertThat(rows(due)).containsExactly("EMAIL:SENT", "IN_APP:SENT");
        assertThat(mails()).hasSize(1);
    }

    @Test
    void switchedOffRemindersAreNotQueued() {
        ApiClient client = new ApiClient(port).signIn(patient.username());
        choose(client, """
                {"channels": ["IN_APP"]}""");
        choose(client, """
                {"channels": []}""");

        TestClock.get().set(local(day, DOSE_TIME).plusSeconds(5));
        dispatcher.dispatch();

        assertThat(rows(local(day, DOSE_TIME))).isEmpty();
        assertThat(doseItems(client)).isEmpty();
    }

    @Test
    void aChannelSwitchedOffWhileTheReminderWaitsForQuietHoursIsNotUsed() {
        ApiClient client = new ApiClient(port).signIn(patient.username());
        choose(
                client,
                """
                {"channels": ["IN_APP", "EMAIL"], "email": "%s", "quietHoursStart": "18:30", "quietHoursEnd": "07:15"}"""
                        .formatted(email));
        Instant due = local(day, DOSE_TIME);
        TestClock.get().set(due.plusSeconds(30));
        dispatcher.dispatch();
        assertThat(rows(due)).containsExactly("EMAIL:PENDING", "IN_APP:PENDING");

        choose(
                client,
                """
                {"channels": ["IN_APP"], "quietHoursStart": "18:30", "quietHoursEnd": "07:15"}""");
        TestClock.get().set(local(day.plusDays(1), LocalTime.of(7, 20)));
        dispatcher.dispatch();

        assertThat(rows(due)).containsExactly("EMAIL:FAILED", "IN_APP:SENT");
        assertThat(mails()).isEmpty();
    }

    @Test
    void aReminderDueWhileNoNodeRanIsDeliveredOnceWhenOneStartsAgain() {
        ApiClient client = new ApiClient(port).signIn(patient.username());
        choose(client, """
                {"channels": ["EMAIL"], "email": "%s"}""".formatted(email));
        Instant due = local(day, DOSE_TIME);

        // no dispatcher ran from 18:00 to 23:00 (every node was down); the first run after the restart sends it
        TestClock.get().set(local(day, LocalTime.of(23, 0)));
        dispatcher.dispatch();
        secondNode().dispatch();

        assertThat(rows(due)).containsExactly("EMAIL:SENT");
        assertThat(mails()).hasSize(1);
    }
}
