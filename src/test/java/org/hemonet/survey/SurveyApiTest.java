package org.hemonet.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.SignIn;
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
 * The questionnaire contract of issue 16 on PostgreSQL: the instruments with their items, a response scored on the
 * server (201 with {@code scores}), 400 naming the item for a missing or out-of-range answer with nothing stored, a
 * parent answering for one child, drafts resumed, schedules making a survey due, a centre loading a licensed
 * instrument, another centre's patient answered 404 (audited DENIED) and aggregate roles 403.
 */
class SurveyApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountAdministration accounts;

    TestNetwork.Site site;
    TestNetwork.Staff nurse;
    TestNetwork.Staff clinician;
    TestNetwork.Staff otherClinician;
    PatientAccounts.Created ben;
    PatientAccounts.Created ava;
    PatientAccounts.Created zoe;
    String parentUsername;

    @BeforeEach
    void aCentreWithAPatientAndAFamily() {
        TestNetwork network = TestNetwork.in(context);
        site = network.centre("Survey");
        nurse = site.staff(Role.NURSE);
        clinician = site.staff(Role.CLINICIAN);
        otherClinician = network.centre("Other").staff(Role.CLINICIAN);
        ben = site.patient("Ben", "Hale");
        ava = site.patient("Ava", "Stone");
        zoe = site.patient("Zoe", "Stone");
        parentUsername = "parent-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(
                parentUsername,
                "Kim Stone",
                Role.PATIENT,
                SignIn.DEMO_PASSWORD,
                Set.of(),
                Map.of(ava.patientId(), "GUARDIAN", zoe.patientId(), "GUARDIAN"),
                null));
    }

    private ApiClient as(String username) {
        return new ApiClient(port).signIn(username);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String satisfaction(String access1, String overall) {
        return """
                {"instrumentId": "hemonet-satisfaction", "answers": {
                  "access-1": %s, "access-2": "NA", "emergency-1": 2, "emergency-2": 3, "emergency-3": 5,
                  "delivery-1": "NA", "delivery-2": "NA", "information-1": 4, "information-2": 4,
                  "advice-1": 1, "advice-2": 2, "transition-1": "NA", "involvement-1": 5, "involvement-2": 4,
                  "overall-1": %s}}"""
                .formatted(access1, overall);
    }

    private long responses(UUID patientId) {
        return jdbc.sql("select count(*) from survey.response where patient_id = :p")
                .param("p", patientId)
                .query(Long.class)
                .single();
    }

    @Test
    void theInstrumentsAreListedWithTheirItemsShapedLikeFhir() {
        HttpResponse<String> listed = as(ben.username()).get("/api/v1/survey-instruments");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode satisfaction = null;
        List<String> ids = new ArrayList<>();
        for (JsonNode item : json(listed).path("items")) {
            ids.add(item.path("id").asString());
            if (item.path("id").asString().equals("hemonet-satisfaction")) {
                satisfaction = item;
            }
        }
        assertThat(ids).contains("hemonet-satisfaction", "hemonet-pain", "hemonet-life");
        assertThat(satisfaction).isNotNull();
        assertThat(satisfaction.path("title").asString()).isEqualTo("Your care at your haemophilia centre");
        assertThat(satisfaction.path("version").asInt()).isEqualTo(1);
        JsonNode first = satisfaction.path("items").get(0);
        assertThat(first.path("linkId").asString()).isEqualTo("access-1");
        assertThat(first.path("type").asString()).isEqualTo("choice");
        assertThat(first.path("answerOptions")).hasSize(5);
        assertThat(first.path("answerOptions").get(3).path("display").asString())
                .isEqualTo("Good");
        assertThat(satisfaction.path("domains").findValuesAsString("id"))
                .contains("access", "emergency", "delivery", "information", "advice", "transition", "involvement");
    }

    @Test
    void aPatientSubmitsTheSatisfactionSurveyAndGetsScoresComputedOnTheServer() {
        ApiClient patient = as(ben.username());
        HttpResponse<String> created =
                patient.postJson("/api/v1/patients/" + ben.patientId() + "/survey-responses", satisfaction("4", "5"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        String id = body.path("id").asString();
        assertThat(UUID.fromString(id)).isNotNull();
        // 1..5 → (v − 1) / 4 × 100: access 4 → 75; emergency (25 + 50 + 100) / 3; information 75;
        // advice (0 + 25) / 2; involvement (100 + 75) / 2; overall 100
        JsonNode scores = body.path("scores");
        assertThat(scores.path("access").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(scores.path("emergency").decimalValue()).isEqualByComparingTo("58.3");
        assertThat(scores.path("information").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(scores.path("advice").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(scores.path("involvement").decimalValue()).isEqualByComparingTo("87.5");
        assertThat(scores.path("overall").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(scores.has("delivery")).as("every delivery item NA").isFalse();
        assertThat(body.path("unscored").findValuesAsString("")).isEmpty();
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith(id);

        HttpResponse<String> history =
                as(nurse.username()).get("/api/v1/patients/" + ben.patientId() + "/survey-responses");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(json(history).path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(jdbc.sql(
                                """
                        select string_agg(action || ':' || outcome, ',' order by seq) from audit.event
                        where resource_type = 'SurveyResponse' and patient_id = :p""")
                        .param("p", ben.patientId())
                        .query(String.class)
                        .single())
                .isEqualTo("CREATE:SUCCESS,READ:SUCCESS");
    }

    @Test
    void aMissingOrOutOfRangeAnswerIs400NamingTheItemAndNothingIsStored() {
        ApiClient patient = as(ben.username());
        String path = "/api/v1/patients/" + ben.patientId() + "/survey-responses";

        HttpResponse<String> missing =
                patient.postJson(path, satisfaction("4", "5").replace(",\n  \"overall-1\": 5", ""));
        HttpResponse<String> missingOverall = patient.postJson(path, satisfaction("4", "null"));
        HttpResponse<String> outOfRange = patient.postJson(path, satisfaction("9", "5"));
        HttpResponse<String> wrongType = patient.postJson(path, satisfaction("\"good\"", "5"));
        HttpResponse<String> painTooHigh = patient.postJson(
                path, """
                {"instrumentId": "hemonet-pain", "answers": {"pain-highest": 11}}""");
        HttpResponse<String> unknownInstrument =
                patient.postJson(path, """
                {"instrumentId": "nope", "answers": {}}""");

        for (HttpResponse<String> refused : List.of(missingOverall, outOfRange, wrongType, painTooHigh)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        }
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missingOverall).path("field").asString()).isEqualTo("answers.overall-1");
        assertThat(json(outOfRange).path("field").asString()).isEqualTo("answers.access-1");
        assertThat(json(wrongType).path("field").asString()).isEqualTo("answers.access-1");
        assertThat(json(painTooHigh).path("field").asString()).isEqualTo("answers.pain-highest");
        assertThat(json(painTooHigh).path("detail").asString()).contains("0 to 10");
        assertThat(unknownInstrument.statusCode()).isEqualTo(400);
        assertThat(json(unknownInstrument).path("field").asString()).isEqualTo("instrumentId");
        assertThat(responses(ben.patientId())).isZero();
    }

    @Test
    void anotherCentresPatientIs404LikeAnUnknownIdAndAggregateRolesAre403() {
        ApiClient stranger = as(otherClinician.username());
        HttpResponse<String> post =
                stranger.postJson("/api/v1/patients/" + ben.patientId() + "/survey-responses", satisfaction("4", "5"));
        HttpResponse<String> read = stranger.get("/api/v1/patients/" + ben.patientId() + "/survey-responses");
        HttpResponse<String> unknown = stranger.get("/api/v1/patients/" + UUID.randomUUID() + "/survey-responses");
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(read.body()).doesNotContain("Hale");
        assertThat(responses(ben.patientId())).isZero();
        assertThat(jdbc.sql(
                                """
                        select count(*) from audit.event
                        where resource_type = 'SurveyResponse' and patient_id = :p and outcome = 'DENIED'""")
                        .param("p", ben.patientId())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        HttpResponse<String> analyst = as("analyst").get("/api/v1/patients/" + ben.patientId() + "/survey-responses");
        assertThat(analyst.statusCode()).isEqualTo(403);
    }

    @Test
    void aParentAnswersForOneChildAndNotForAChildTheyDoNotHold() {
        ApiClient parent = as(parentUsername);
        HttpResponse<String> created = parent.postJson(
                "/api/v1/patients/" + zoe.patientId() + "/survey-responses",
                """
                {"instrumentId": "hemonet-pain", "answers": {"pain-highest": 8, "pain-usual": 5,
                 "interference-home": 3, "interference-moving": 6, "interference-work": "NA",
                 "interference-sleep": 2, "interference-enjoyment": 4}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).path("scores").path("intensity").decimalValue())
                .isEqualByComparingTo("6.5");
        assertThat(json(created).path("scores").path("interference").decimalValue())
                .isEqualByComparingTo("3.8");
        assertThat(responses(zoe.patientId())).isEqualTo(1);
        assertThat(responses(ava.patientId())).isZero();
        assertThat(jdbc.sql("select answered_by_role from survey.response where patient_id = :p")
                        .param("p", zoe.patientId())
                        .query(String.class)
                        .single())
                .isEqualTo("PATIENT");

        HttpResponse<String> notTheirs =
                parent.postJson("/api/v1/patients/" + ben.patientId() + "/survey-responses", satisfaction("4", "5"));
        assertThat(notTheirs.statusCode()).isEqualTo(404);
    }

    @Test
    void aDraftIsSavedResumedAndBecomesTheSubmittedResponse() {
        ApiClient patient = as(ben.username());
        String draftPath = "/api/v1/patients/" + ben.patientId() + "/survey-drafts/hemonet-life";
        HttpResponse<String> saved =
                put(patient, draftPath, """
                {"answers": {"body-1": 2, "body-2": 4}}""");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved).path("status").asString()).isEqualTo("DRAFT");
        String draftId = json(saved).path("id").asString();
        HttpResponse<String> offScale = put(patient, draftPath, """
                {"answers": {"body-1": 7}}""");
        assertThat(offScale.statusCode()).isEqualTo(400);
        assertThat(json(offScale).path("field").asString()).isEqualTo("answers.body-1");

        HttpResponse<String> resumed = patient.get(draftPath);
        assertThat(json(resumed).path("answers").path("body-2").asInt()).isEqualTo(4);

        HttpResponse<String> submitted = patient.postJson(
                "/api/v1/patients/" + ben.patientId() + "/survey-responses",
                """
                {"instrumentId": "hemonet-life", "answers": {"body-1": 2, "body-2": 4, "body-3": 5}}""");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        assertThat(json(submitted).path("id").asString())
                .as("the draft became the response")
                .isEqualTo(draftId);
        assertThat(json(submitted).path("scores").path("body").decimalValue()).isEqualByComparingTo("83.3");
        assertThat(json(submitted).path("unscored").findValuesAsString("")).isEmpty();
        assertThat(json(submitted).path("unscored")).hasSize(4);
        assertThat(patient.get(draftPath).statusCode()).isEqualTo(404);
        assertThat(responses(ben.patientId())).isEqualTo(1);
    }

    @Test
    void aScheduleMakesASurveyDueUntilItIsAnsweredAndACentreWideOneReachesEveryPatient() {
        ApiClient team = as(nurse.username());
        ApiClient patient = as(ben.username());
        ApiClient parent = as(parentUsername);
        // signed in on the real clock; the survey dates follow the application's clock from here
        TestClock.get().set(java.time.Instant.parse("2026-05-20T09:00:00Z"));
        HttpResponse<String> once = team.postJson(
                "/api/v1/patients/" + ben.patientId() + "/survey-schedules",
                """
                {"instrumentId": "hemonet-satisfaction", "recurrence": "ONCE", "dueOn": "2026-05-20"}""");
        assertThat(once.statusCode()).as(once.body()).isEqualTo(201);
        HttpResponse<String> wide = team.postJson(
                "/api/v1/patients/" + ben.patientId() + "/survey-schedules",
                """
                {"instrumentId": "hemonet-pain", "recurrence": "BEFORE_ANNUAL_REVIEW", "dueOn": "2026-06-10",
                 "wholeCentre": true}""");
        assertThat(wide.statusCode()).as(wide.body()).isEqualTo(201);

        assertThat(json(patient.get("/api/v1/patients/" + ben.patientId() + "/surveys-due"))
                        .path("items")
                        .findValuesAsString("instrumentId"))
                .containsExactly("hemonet-satisfaction", "hemonet-pain");
        assertThat(json(parent.get("/api/v1/patients/" + ava.patientId() + "/surveys-due"))
                        .path("items")
                        .findValuesAsString("instrumentId"))
                .as("the centre-wide schedule reaches another patient of the centre")
                .containsExactly("hemonet-pain");
        assertThat(scheduleService.dueForReminder(ava.patientId()))
                .as("what a reminder job would say")
                .extracting(DueSurvey::title, DueSurvey::dueBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "Pain in the last 7 days", java.time.LocalDate.of(2026, 6, 10)));

        patient.postJson("/api/v1/patients/" + ben.patientId() + "/survey-responses", satisfaction("4", "5"));
        assertThat(json(patient.get("/api/v1/patients/" + ben.patientId() + "/surveys-due"))
                        .path("items")
                        .findValuesAsString("instrumentId"))
                .containsExactly("hemonet-pain");

        HttpResponse<String> byPatient = patient.postJson(
                "/api/v1/patients/" + ben.patientId() + "/survey-schedules",
                """
                {"instrumentId": "hemonet-pain", "recurrence": "ONCE", "dueOn": "2026-05-20"}""");
        assertThat(byPatient.statusCode()).isEqualTo(403);
        HttpResponse<String> badRecurrence = team.postJson(
                "/api/v1/patients/" + ben.patientId() + "/survey-schedules",
                """
                {"instrumentId": "hemonet-pain", "recurrence": "WEEKLY", "dueOn": "2026-05-20"}""");
        assertThat(badRecurrence.statusCode()).isEqualTo(400);
        assertThat(json(badRecurrence).path("field").asString()).isEqualTo("recurrence");
    }

    @Test
    void aClinicianLoadsAnInstrumentTheirCentreIsLicensedForAndOnlyTheirCentreSeesIt() {
        String id = "licensed-" + UUID.randomUUID().toString().substring(0, 8);
        String definition =
                """
                {"licence": "Licence 2026-41 from the rights holder, for this centre's patients",
                 "definition": {"id": "%s", "title": "A licensed scale",
                  "domains": [{"id": "total", "title": "Total", "method": "SUM"}],
                  "items": [
                    {"linkId": "q1", "text": "One", "type": "choice", "domain": "total",
                     "answerOptions": [{"value": 0, "display": "No"}, {"value": 2, "display": "Yes"}]},
                    {"linkId": "q2", "text": "Two", "type": "integer", "minValue": 0, "maxValue": 4,
                     "domain": "total"}]}}"""
                        .formatted(id);
        ApiClient doctor = as(clinician.username());
        HttpResponse<String> loaded = doctor.postJson("/api/v1/survey-instruments", definition);
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
        assertThat(json(loaded).path("version").asInt()).isEqualTo(1);
        HttpResponse<String> again = doctor.postJson("/api/v1/survey-instruments", definition);
        assertThat(json(again).path("version").asInt()).as("a new version").isEqualTo(2);

        assertThat(json(as(ben.username()).get("/api/v1/survey-instruments"))
                        .path("items")
                        .findValuesAsString("id"))
                .contains(id);
        assertThat(json(as(otherClinician.username()).get("/api/v1/survey-instruments"))
                        .path("items")
                        .findValuesAsString("id"))
                .doesNotContain(id);
        HttpResponse<String> answered = as(ben.username())
                .postJson(
                        "/api/v1/patients/" + ben.patientId() + "/survey-responses",
                        """
                        {"instrumentId": "%s", "answers": {"q1": 2, "q2": 3}}"""
                                .formatted(id));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        assertThat(json(answered).path("instrumentVersion").asInt()).isEqualTo(2);
        assertThat(json(answered).path("scores").path("total").decimalValue()).isEqualByComparingTo("5");

        HttpResponse<String> badItem =
                doctor.postJson("/api/v1/survey-instruments", definition.replace("\"integer\"", "\"slider\""));
        assertThat(badItem.statusCode()).isEqualTo(400);
        assertThat(json(badItem).path("field").asString()).isEqualTo("definition.items[1].type");
        HttpResponse<String> ours =
                doctor.postJson("/api/v1/survey-instruments", definition.replace(id, "hemonet-copy"));
        assertThat(json(ours).path("field").asString()).isEqualTo("definition.id");
        HttpResponse<String> noLicence =
                doctor.postJson("/api/v1/survey-instruments", definition.replace("\"licence\"", "\"note\""));
        assertThat(noLicence.statusCode()).isEqualTo(400);
        assertThat(as(ben.username())
                        .postJson("/api/v1/survey-instruments", definition)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theCentreVoidsAnswersGivenForTheWrongChildWithAReasonAndTheyStopCounting() {
        HttpResponse<String> created = as(parentUsername)
                .postJson(
                        "/api/v1/patients/" + ava.patientId() + "/survey-responses",
                        """
                        {"instrumentId": "hemonet-life", "answers": {"people-1": 5}}""");
        String id = json(created).path("id").asString();
        String path = "/api/v1/patients/" + ava.patientId() + "/survey-responses/" + id + "/void";
        assertThat(as(parentUsername)
                        .postJson(path, "{\"reason\": \"wrong child\"}")
                        .statusCode())
                .as("the centre voids, not the family")
                .isEqualTo(403);
        ApiClient team = as(nurse.username());
        HttpResponse<String> noReason = team.postJson(path, "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).path("field").asString()).isEqualTo("reason");
        HttpResponse<String> voided = team.postJson(path, "{\"reason\": \"Answered for Zoe by mistake\"}");
        assertThat(voided.statusCode()).as(voided.body()).isEqualTo(200);
        assertThat(json(voided).path("status").asString()).isEqualTo("VOIDED");
        assertThat(team.postJson(path, "{\"reason\": \"again\"}").statusCode()).isEqualTo(409);
        assertThat(json(team.get("/api/v1/patients/" + ava.patientId() + "/survey-responses"))
                        .path("items"))
                .isEmpty();
        assertThat(jdbc.sql("select void_reason from survey.response where id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .single())
                .as("kept, with why")
                .isEqualTo("Answered for Zoe by mistake");
    }

    @Autowired
    Surveys surveys;

    @Autowired
    SurveySchedules scheduleService;

    @Autowired
    SurveyResults results;

    @Test
    void theAnnualReviewReadsAPeriodsResponsesThroughSurveyResultsUnderTheSameAccessRule() {
        UUID account = jdbc.sql("select id from identity.account where username = :u")
                .param("u", ben.username())
                .query(UUID.class)
                .single();
        org.hemonet.shared.Actor patient =
                new org.hemonet.shared.Actor(account, ben.username(), "PATIENT", Set.of(), Set.of(ben.patientId()));
        TestClock.get().set(java.time.Instant.parse("2026-03-10T12:00:00Z"));
        surveys.submit(
                patient,
                ben.patientId(),
                "hemonet-pain",
                Map.of(
                        "pain-highest", 6,
                        "pain-usual", 3,
                        "interference-home", 1,
                        "interference-moving", 1,
                        "interference-work", 1,
                        "interference-sleep", 1,
                        "interference-enjoyment", 1));
        TestClock.get().set(java.time.Instant.parse("2026-04-20T12:00:00Z"));
        surveys.submit(patient, ben.patientId(), "hemonet-life", Map.of("people-1", 5));

        org.hemonet.shared.Actor team = new org.hemonet.shared.Actor(
                nurse.accountId(), nurse.username(), "NURSE", Set.of(site.centreId()), Set.of());
        List<SurveyResponse> march = results.answeredBetween(
                team, ben.patientId(), java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 31));
        assertThat(march).extracting(SurveyResponse::instrumentId).containsExactly("hemonet-pain");
        assertThat(march.get(0).scores().get("intensity")).isEqualByComparingTo("4.5");
        assertThat(results
                        .answeredBetween(
                                team,
                                ben.patientId(),
                                java.time.LocalDate.of(2026, 1, 1),
                                java.time.LocalDate.of(2026, 12, 31))
                        .stream()
                        .map(SurveyResponse::instrumentId))
                .containsExactly("hemonet-pain", "hemonet-life");

        org.hemonet.shared.Actor stranger = new org.hemonet.shared.Actor(
                otherClinician.accountId(),
                otherClinician.username(),
                "CLINICIAN",
                Set.of(otherClinician.centreId()),
                Set.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> results.answeredBetween(
                        stranger,
                        ben.patientId(),
                        java.time.LocalDate.of(2026, 1, 1),
                        java.time.LocalDate.of(2026, 12, 31)))
                .isInstanceOf(org.hemonet.shared.NotFoundException.class);
    }

    private HttpResponse<String> put(ApiClient client, String path, String json) {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", client.cookie("XSRF-TOKEN"))
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
