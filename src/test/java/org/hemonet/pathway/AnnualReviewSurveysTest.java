package org.hemonet.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hemonet.identity.Role;
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
 * The annual review opens with the questionnaires answered in its year (issue 17 with issue 16's surveys): a
 * satisfaction survey the patient submitted is in the review's {@code surveys} section with its scores, and in the
 * clinic letter.
 */
class AnnualReviewSurveysTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aSubmittedSurveyIsInTheReviewAndItsLetter() throws Exception {
        TestNetwork.Site site = TestNetwork.in(context).centre("ReviewSurveys");
        PatientAccounts.Created patient = site.patient("Sol", "Survey");
        ApiClient phone = new ApiClient(port).signIn(patient.username());
        HttpResponse<String> answered = phone.postJson(
                "/api/v1/patients/" + patient.patientId() + "/survey-responses",
                """
                {"instrumentId": "hemonet-pain", "answers": {"pain-highest": 6, "pain-usual": 3,
                 "interference-home": 2, "interference-moving": 4, "interference-work": 3, "interference-sleep": 1,
                 "interference-enjoyment": 2}}""");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);

        ApiClient clinician =
                new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        HttpResponse<String> opened =
                clinician.postJson("/api/v1/patients/" + patient.patientId() + "/annual-reviews", "{}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode surveys = json.readTree(opened.body()).path("sections").path("surveys");
        assertThat(surveys.size()).as(opened.body()).isEqualTo(1);
        assertThat(surveys.get(0).path("title").asString()).isNotBlank();
        assertThat(surveys.get(0).path("scores").size()).isPositive();

        String id = json.readTree(opened.body()).path("id").asString();
        String letter = AnnualReviewApiTest.pdfText(clinician
                .getBytes("/api/v1/annual-reviews/" + id + "/letter.pdf")
                .body());
        assertThat(letter)
                .contains(
                        "Questionnaires answered", surveys.get(0).path("title").asString());
    }
}
