package org.hemonet.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.support.ApiClient;
import org.hemonet.support.DemoProducts;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The reminder API's contract (issue 16): preferences with a 400 naming the field, the upcoming reminders of a
 * patient for the patient and their centre (another centre's patient is a 404, audited as denied), and the diary
 * completeness before and after reminders were switched on, as the outcome module counts it.
 */
class ReminderApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFERENCES = "/api/v1/me/notification-preferences";

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

    TestNetwork.Staff clinician;
    TestNetwork.Staff nurse;
    TestNetwork.Staff otherNurse;
    PatientAccounts.Created patient;
    ZoneId zone;
    LocalDate day;

    @BeforeEach
    void aPatientAndTwoCentres() {
        TestNetwork network = TestNetwork.in(context);
        TestNetwork.Site site = network.centre("Reminder API");
        clinician = site.staff(Role.CLINICIAN);
        nurse = site.staff(Role.NURSE);
        otherNurse = network.centre("Elsewhere").staff(Role.NURSE);
        patient = site.patient("Owen", "Larkspur");
        zone = patients.zoneOf(patient.patientId()).orElseThrow();
        // in the past: a session ends 12 h after its (real-time) sign-in by the application clock
        day = LocalDate.now(TestClock.get().withZone(zone)).minusDays(10);
    }

    private Instant local(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(zone).toInstant();
    }

    private ApiClient as(String username) {
        return new ApiClient(port).signIn(username);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(json(response).path("errors").get(0).path("field").asString())
                .isEqualTo(field);
    }

    @Test
    void preferencesAreStoredAndReadBack() {
        ApiClient owen = as(patient.username());
        JsonNode before = json(owen.get(PREFERENCES));
        assertThat(before.path("channels").size()).isZero();

        HttpResponse<String> saved = Put.json(
                owen,
                port,
                PREFERENCES,
                """
                {"channels": ["IN_APP", "email"], "quietHoursStart": "21:30", "quietHoursEnd": "06:45",
                 "email": "owen@example.org"}""");

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode read = json(owen.get(PREFERENCES));
        assertThat(read.path("channels").toString()).isEqualTo("[\"IN_APP\",\"EMAIL\"]");
        assertThat(read.path("quietHoursStart").asString()).isEqualTo("21:30");
        assertThat(read.path("quietHoursEnd").asString()).isEqualTo("06:45");
        assertThat(read.path("email").asString()).isEqualTo("owen@example.org");
        assertThat(jdbc.sql("select count(*) from reminder.switch_on where patient_id = :p")
                        .param("p", patient.patientId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badPreferencesAre400sNamingTheFieldAndChangeNothing() {
        ApiClient owen = as(patient.username());
        assertThat(Put.json(
                                owen,
                                port,
                                PREFERENCES,
                                "{\"channels\": [\"IN_APP\"], \"quietHoursStart\": \"22:00\","
                                        + " \"quietHoursEnd\": \"07:00\"}")
                        .statusCode())
                .isEqualTo(200);

        assertField(Put.json(owen, port, PREFERENCES, "{}"), "channels");
        assertField(Put.json(owen, port, PREFERENCES, "{\"channels\": [\"PIGEON\"]}"), "channels");
        assertField(
                Put.json(
                        owen,
                        port,
                        PREFERENCES,
                        "{\"channels\": [], \"quietHoursStart\": \"25:00\"," + " \"quietHoursEnd\": \"07:00\"}"),
                "quietHoursStart");
        assertField(
                Put.json(owen, port, PREFERENCES, "{\"channels\": [], \"quietHoursStart\": \"22:00\"}"),
                "quietHoursEnd");
        assertField(
                Put.json(owen, port, PREFERENCES, "{\"channels\": [], \"quietHoursEnd\": \"07:00\"}"),
                "quietHoursStart");
        assertField(
                Put.json(
                        owen,
                        port,
                        PREFERENCES,
                        "{\"channels\": [], \"quietHoursStart\": \"07:00\"," + " \"quietHoursEnd\": \"07:00\"}"),
                "quietHoursEnd");
        assertField(Put.json(owen, port, PREFERENCES, "{\"channels\": [\"EMAIL\"]}"), "email");
        assertField(
                Put.json(owen, port, PREFERENCES, "{\"channels\": [\"EMAIL\"], \"email\": \"not-an-address\"}"),
                "email");

        JsonNode unchanged = json(owen.get(PREFERENCES));
        assertThat(unchanged.path("channels").toString()).isEqualTo("[\"IN_APP\"]");
        assertThat(unchanged.path("quietHoursStart").asString()).isEqualTo("22:00");
    }

    @Test
    void staffHaveNoPreferencesOfTheirOwn() {
        assertThat(Put.json(as(nurse.username()), port, PREFERENCES, "{\"channels\": [\"IN_APP\"]}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theCentreSeesThePatientsRemindersAndAnotherCentreGetsA404() {
        // staff sign in (with their second factor) before the clock is moved
        ApiClient team = as(nurse.username());
        ApiClient other = as(otherNurse.username());
        TestClock.get().set(local(day, LocalTime.of(8, 0)));
        ReminderFixtures.dailyProphylaxis(plans, jdbc, clinician, patient.patientId(), day, LocalTime.of(18, 0));
        assertThat(Put.json(as(patient.username()), port, PREFERENCES, "{\"channels\": [\"IN_APP\"]}")
                        .statusCode())
                .isEqualTo(200);
        String path = "/api/v1/patients/" + patient.patientId() + "/reminders";

        HttpResponse<String> own = team.get(path);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        JsonNode first = JSON.missingNode();
        for (JsonNode item : json(own).path("items")) {
            if (item.path("kind").asString().equals("DOSE")) {
                first = item;
                break;
            }
        }
        assertThat(first.path("kind").asString()).isEqualTo("DOSE");
        assertThat(first.path("channel").asString()).isEqualTo("IN_APP");
        assertThat(Instant.parse(first.path("time").asString())).isEqualTo(local(day, LocalTime.of(18, 0)));
        assertThat(json(own).path("enabled").asBoolean()).isTrue();

        assertThat(other.get(path).statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = other.get("/api/v1/patients/" + UUID.randomUUID() + "/reminders");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(other.get(path + "/completeness").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql(
                                """
                                select count(*) from audit.event where patient_id = :p
                                and resource_type = 'Reminder' and outcome = :o
                                """)
                        .param("p", patient.patientId())
                        .param("o", "DENIED")
                        .query(Integer.class)
                        .single())
                .as("the refused reads are audited")
                .isGreaterThanOrEqualTo(2);
        assertField(team.get(path + "?days=90"), "days");
    }

    @Test
    void completenessBeforeAndAfterRemindersWereSwitchedOn() {
        ApiClient team = as(nurse.username());
        LocalDate start = day.minusDays(7);
        TestClock.get().set(local(start, LocalTime.of(8, 0)));
        var plan = ReminderFixtures.dailyProphylaxis(
                plans, jdbc, clinician, patient.patientId(), start, LocalTime.of(19, 0));
        DemoProducts product = DemoProducts.factorConcentrate(jdbc);
        TestClock.get().set(local(day, LocalTime.of(9, 0)));
        ApiClient owen = as(patient.username());
        // before: 4 of the 7 planned doses logged
        for (int back : new int[] {7, 5, 3, 1}) {
            logDose(owen, product, plan.dose(), local(day.minusDays(back), LocalTime.of(19, 10)));
        }
        assertThat(Put.json(owen, port, PREFERENCES, "{\"channels\": [\"IN_APP\"]}")
                        .statusCode())
                .isEqualTo(200);
        // after: all 7 logged (a week later by the test clock: the sessions of a week ago have ended, sign in again)
        TestClock.get().set(local(day.plusDays(7), LocalTime.of(9, 0)));
        owen = as(patient.username());
        team = as(nurse.username());
        for (int forward = 0; forward < 7; forward++) {
            logDose(owen, product, plan.dose(), local(day.plusDays(forward), LocalTime.of(18, 50)));
        }

        HttpResponse<String> answer =
                team.get("/api/v1/patients/" + patient.patientId() + "/reminders/completeness?days=7");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode c = json(answer);
        assertThat(c.path("before").path("from").asString())
                .isEqualTo(day.minusDays(7).toString());
        assertThat(c.path("before").path("to").asString())
                .isEqualTo(day.minusDays(1).toString());
        assertThat(c.path("after").path("from").asString()).isEqualTo(day.toString());
        assertThat(c.path("after").path("to").asString())
                .isEqualTo(day.plusDays(6).toString());
        // 4/7 = 57.14 %, 7/7 = 100 %
        assertThat(c.path("before").path("percent").decimalValue().doubleValue())
                .isCloseTo(400.0 / 7, org.assertj.core.data.Offset.offset(0.1));
        assertThat(c.path("after").path("percent").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(100));
    }

    private void logDose(ApiClient client, DemoProducts product, BigDecimal dose, Instant at) {
        HttpResponse<String> logged = client.postJson(
                "/api/v1/patients/" + patient.patientId() + "/infusions",
                """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": %s, "reason": "PROPHYLAXIS"}"""
                        .formatted(at, product.productId(), product.batchNumber(), dose.toPlainString()));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
    }
}
