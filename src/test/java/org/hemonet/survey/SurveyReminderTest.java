package org.hemonet.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Surveys due reach the reminders (issue 16): a questionnaire due from today is reminded of today and three days later,
 * at 18:00 the patient's time; once answered, it is not.
 */
class SurveyReminderTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    private final JsonMapper json = JsonMapper.builder().build();

    private List<String> surveyReminders(ApiClient phone, PatientAccounts.Created patient) {
        HttpResponse<String> upcoming = phone.get("/api/v1/patients/" + patient.patientId() + "/reminders?days=7");
        assertThat(upcoming.statusCode()).as(upcoming.body()).isEqualTo(200);
        List<String> times = new ArrayList<>();
        for (JsonNode r : json.readTree(upcoming.body()).path("items")) {
            if (r.path("kind").asString().equals("SURVEY")) {
                times.add(r.path("localTime").asString());
            }
        }
        return times;
    }

    @Test
    void aSurveyDueIsRemindedOfOnTheDayItOpensAndThreeDaysLater() {
        TestNetwork.Site site = TestNetwork.in(context).centre("SurveyReminders");
        PatientAccounts.Created patient = site.patient("Rae", "Reminded");
        ZoneId zone = registry.zoneOf(patient.patientId()).orElseThrow();
        LocalDate dueOn = LocalDate.now(zone);
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        HttpResponse<String> scheduled = nurse.postJson(
                "/api/v1/patients/" + patient.patientId() + "/survey-schedules",
                "{\"instrumentId\": \"hemonet-pain\", \"recurrence\": \"ONCE\", \"dueOn\": \"%s\"}".formatted(dueOn));
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);

        ApiClient phone = new ApiClient(port).signIn(patient.username());
        assertThat(phone.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://localhost:" + port + "/api/v1/me/notification-preferences"))
                                .header("Content-Type", "application/json")
                                .header("X-XSRF-TOKEN", phone.cookie("XSRF-TOKEN"))
                                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"channels\": [\"IN_APP\"]}")))
                        .statusCode())
                .isEqualTo(200);
        List<String> times = surveyReminders(phone, patient);
        assertThat(times).as("the questionnaire's reminders at 18:00 local").contains(dueOn.plusDays(3) + "T18:00:00");

        HttpResponse<String> answered = phone.postJson(
                "/api/v1/patients/" + patient.patientId() + "/survey-responses",
                """
                {"instrumentId": "hemonet-pain", "answers": {"pain-highest": 6, "pain-usual": 3,
                 "interference-home": 2, "interference-moving": 4, "interference-work": 3, "interference-sleep": 1,
                 "interference-enjoyment": 2}}""");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        assertThat(surveyReminders(phone, patient))
                .as("answered: nothing to remind of")
                .isEmpty();
    }
}
