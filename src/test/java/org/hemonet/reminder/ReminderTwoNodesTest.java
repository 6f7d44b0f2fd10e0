package org.hemonet.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.support.ApiClient;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.hemonet.support.TwoNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14, two app nodes on one database (two whole application contexts, {@link TwoNodes}): the reminder job runs on
 * one node at a time (its ShedLock), and when both nodes deliver at the same moment anyway every reminder is delivered
 * once and its e-mail queued once.
 */
class ReminderTwoNodesTest {

    private static final LocalTime DOSE_TIME = LocalTime.of(19, 0);
    private static final String LOCK = "reminder-dispatch";

    @AfterEach
    void resetClock() {
        TestClock.get().reset();
    }

    @Test
    void theReminderJobRunsOnOneNodeAndEachReminderIsDeliveredOnce() throws Exception {
        TwoNodes nodes = TwoNodes.shared();
        JdbcClient jdbc = nodes.a().bean(JdbcClient.class);
        TestNetwork.Site site = TestNetwork.in(nodes.a().context()).centre("Two-node reminders");
        TestNetwork.Staff clinician = site.staff(Role.CLINICIAN);
        PatientAccounts.Created patient = site.patient("Nia", "Twonode");
        ZoneId zone = nodes.a()
                .bean(PatientRegistry.class)
                .zoneOf(patient.patientId())
                .orElseThrow();
        LocalDate day = LocalDate.now(TestClock.get().withZone(zone)).minusDays(3);
        TestClock.get().set(day.atTime(10, 0).atZone(zone).toInstant());
        ReminderFixtures.dailyProphylaxis(
                nodes.a().bean(TreatmentPlans.class), jdbc, clinician, patient.patientId(), day, DOSE_TIME);
        String email = "nia-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        ApiClient phone = new ApiClient(nodes.b().port()).signIn(patient.username());
        HttpResponse<String> chosen = Put.json(
                phone,
                nodes.b().port(),
                "/api/v1/me/notification-preferences",
                """
                {"channels": ["IN_APP", "EMAIL"], "email": "%s"}""".formatted(email));
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        Instant due = day.atTime(DOSE_TIME).atZone(zone).toInstant();

        ReminderDispatcher onA = nodes.a().bean(ReminderDispatcher.class);
        ReminderDispatcher onB = nodes.b().bean(ReminderDispatcher.class);

        // node A's scheduled run takes the job's lock (ShedLock, held at least 30 s) ...
        TestClock.get().set(due.minusSeconds(60));
        runOnceOn(onA, jdbc);
        assertThat(lockHolder(jdbc)).isEqualTo(nodes.a().name());
        Instant lockedAt = lockedAt(jdbc);

        // ... so node B's run, a moment later when the dose is due, does nothing: the job does not run twice
        TestClock.get().set(due.plusSeconds(20));
        onB.onSchedule();
        assertThat(rows(jdbc, patient.patientId(), due))
                .as("node B's run was skipped")
                .isEmpty();
        assertThat(lockHolder(jdbc)).isEqualTo(nodes.a().name());
        assertThat(lockedAt(jdbc)).isEqualTo(lockedAt);

        // without the lock (both dispatch directly, at the same moment) each reminder still goes once
        List<Integer> delivered = atOnce(onA, onB);
        // (the counts also hold other tests' reminders that happen to be due at this test clock's moment)
        assertThat(delivered.get(0) + delivered.get(1)).isGreaterThanOrEqualTo(2);
        assertThat(rows(jdbc, patient.patientId(), due)).containsExactly("EMAIL:SENT", "IN_APP:SENT");
        assertThat(jdbc.sql("select count(*) from message.outbox where to_address = :to")
                        .param("to", email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        List<String> senders = jdbc.sql(
                        "select distinct sent_by from reminder.outbox where patient_id = :p and due_at = :due")
                .param("p", patient.patientId())
                .param("due", due.atOffset(ZoneOffset.UTC))
                .query(String.class)
                .list();
        assertThat(senders).isSubsetOf(nodes.a().name(), nodes.b().name()).isNotEmpty();

        // and a later run of either node sends nothing again
        TestClock.get().set(due.plusSeconds(300));
        atOnce(onA, onB);
        assertThat(rows(jdbc, patient.patientId(), due)).containsExactly("EMAIL:SENT", "IN_APP:SENT");
        assertThat(jdbc.sql("select count(*) from message.outbox where to_address = :to")
                        .param("to", email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /**
     * Runs the scheduled method on a node once the job's lock is free, as its scheduler would; another test context in
     * the same JVM may hold the lock for a while (its own schedule), so this waits for it and retries.
     */
    private static void runOnceOn(ReminderDispatcher node, JdbcClient jdbc) throws InterruptedException {
        for (int attempt = 0; attempt < 3; attempt++) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (lockHeld(jdbc) && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            node.onSchedule();
            if (node.node().equals(lockHolder(jdbc)) && lockHeld(jdbc)) {
                return;
            }
        }
        throw new AssertionError("node " + node.node() + " never took the lock " + LOCK);
    }

    private static boolean lockHeld(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from shared.shedlock where name = :n and lock_until > now()")
                        .param("n", LOCK)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static String lockHolder(JdbcClient jdbc) {
        return jdbc.sql("select locked_by from shared.shedlock where name = :n")
                .param("n", LOCK)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static Instant lockedAt(JdbcClient jdbc) {
        return jdbc.sql("select locked_at from shared.shedlock where name = :n")
                .param("n", LOCK)
                .query(java.time.OffsetDateTime.class)
                .single()
                .toInstant();
    }

    private static List<String> rows(JdbcClient jdbc, UUID patientId, Instant due) {
        return jdbc.sql(
                        """
                        select channel || ':' || status from reminder.outbox
                        where patient_id = :p and kind = 'DOSE' and due_at = :due order by channel
                        """)
                .param("p", patientId)
                .param("due", due.atOffset(ZoneOffset.UTC))
                .query(String.class)
                .list();
    }

    private static List<Integer> atOnce(ReminderDispatcher a, ReminderDispatcher b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (ReminderDispatcher node : List.of(a, b)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return node.dispatch();
                }));
            }
            start.countDown();
            List<Integer> counts = new ArrayList<>();
            for (Future<Integer> run : runs) {
                counts.add(run.get(60, TimeUnit.SECONDS));
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }
}
