package org.hemonet.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outcome pages over real HTTP (issue 6): the patient's dashboard, the clinician's diary review and the attention
 * list; who may see them, and the audit rows each view leaves.
 */
class OutcomePagesTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UUID patient(String given, String family) {
        return jdbc.sql("select id from patient.patient where given_name = :g and family_name = :f")
                .param("g", given)
                .param("f", family)
                .query(UUID.class)
                .single();
    }

    long audit(UUID patientId, String username, String resource, String outcome) {
        return jdbc.sql(
                        """
                        select count(*) from audit.event where patient_id = :p and username = :u
                          and resource_type = :r and outcome = :o""")
                .param("p", patientId)
                .param("u", username)
                .param("r", resource)
                .param("o", outcome)
                .query(Long.class)
                .single();
    }

    @Test
    void patientSeesHeatMapBodyMapAbrTrendAndAdherenceOfTheirOwnDiary() {
        UUID tom = patient("Tom", "Bradley");
        long before = audit(tom, "patient.tom", "OutcomeDashboard", "SUCCESS");
        ApiClient client = new ApiClient(port).signIn("patient.tom");
        assertThat(client.getHtml("/").body()).contains("/my-outcomes?patient=" + tom);
        HttpResponse<String> page = client.getHtml("/my-outcomes");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(page.body())
                .contains("Tom&#39;s bleeds and outcomes", "id=\"heat-map\"", "id=\"body-map\"", "id=\"abr-trend\"")
                .contains("Bleed calendar, last 12 months", "The calendar as a list", "Prophylaxis doses taken")
                .contains("ABR of each calendar quarter");
        // twelve month figures, each with a text alternative
        assertThat(page.body().split("class=\"heat-month\"", -1)).hasSize(13);
        assertThat(audit(tom, "patient.tom", "OutcomeDashboard", "SUCCESS")).isEqualTo(before + 1);
    }

    @Test
    void parentSeesEachChildAndNoOtherPatient() {
        UUID leo = patient("Leo", "Okafor");
        UUID tom = patient("Tom", "Bradley");
        ApiClient sara = new ApiClient(port).signIn("parent.sara");
        HttpResponse<String> page = sara.getHtml("/my-outcomes?patient=" + leo);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Leo&#39;s bleeds and outcomes", "Sam");
        long denied = audit(tom, "parent.sara", "OutcomeDashboard", "DENIED");
        HttpResponse<String> other = sara.getHtml("/my-outcomes?patient=" + tom);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("Tom");
        assertThat(audit(tom, "parent.sara", "OutcomeDashboard", "DENIED")).isEqualTo(denied + 1);
    }

    @Test
    void clinicianReviewsTheDiaryWithFiguresRegimenAndTheHjhsLink() {
        UUID tom = patient("Tom", "Bradley");
        ApiClient clinician = new ApiClient(port).signIn("clinician.north");
        assertThat(clinician.getHtml("/patients/" + tom).body()).contains("/patients/" + tom + "/diary-review");
        long before = audit(tom, "clinician.north", "DiaryReview", "SUCCESS");
        HttpResponse<String> page = clinician.getHtml("/patients/" + tom + "/diary-review");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(page.body())
                .contains("Diary review: Tom Bradley", "id=\"timeline\"", "Outcomes in this period")
                .contains("Joint scores (HJHS)", "/patients/" + tom + "/joint-scores")
                .contains("prophylactic doses planned in this period")
                .contains("<g class=\"dose ");
        assertThat(audit(tom, "clinician.north", "DiaryReview", "SUCCESS")).isEqualTo(before + 1);
    }

    @Test
    void theReviewPeriodIsChosenAndAnInvertedPeriodIsPutRight() {
        UUID tom = patient("Tom", "Bradley");
        ApiClient clinician = new ApiClient(port).signIn("clinician.north");
        String week = clinician
                .getHtml("/patients/" + tom + "/diary-review?from=2026-01-05&to=2026-01-11")
                .body();
        assertThat(week).contains("5 Jan 2026 to 11 Jan 2026").doesNotContain("The period was adjusted");
        String inverted = clinician
                .getHtml("/patients/" + tom + "/diary-review?from=2026-01-11&to=2026-01-05")
                .body();
        assertThat(inverted).contains("5 Jan 2026 to 11 Jan 2026", "The period was adjusted");
    }

    @Test
    void aBleedJustLoggedIsOnTheReviewAtOnce() {
        UUID leo = patient("Leo", "Okafor");
        ApiClient sara = new ApiClient(port).signIn("parent.sara");
        ApiClient clinician = new ApiClient(port).signIn("clinician.south");
        String path = "/patients/" + leo + "/diary-review";
        assertThat(clinician.getHtml(path).body()).doesNotContain("ReviewTestNote-1");
        String at = Instant.now().minus(10, ChronoUnit.MINUTES).toString();
        var logged = sara.postJson(
                "/api/v1/patients/" + leo + "/bleeds",
                """
                {"startedAt": "%s", "site": "RIGHT_WRIST", "cause": "TRAUMATIC", "pain": 3,
                 "jointImmobilising": true, "note": "ReviewTestNote-1"}"""
                        .formatted(at));
        assertThat(logged.statusCode()).isEqualTo(201);
        String page = clinician.getHtml(path).body();
        assertThat(page).contains("ReviewTestNote-1", "Bleed: Right wrist", "bleed immobilising");
        // with a diary the period has observation time, so the ISTH figures are given
        assertThat(page).contains("id=\"review-figures\"", "AJBR (joints)", "Joint-immobilising bleeds");
    }

    @Test
    void otherCentreGets404AndADeniedAuditRow() {
        UUID tom = patient("Tom", "Bradley");
        long denied = audit(tom, "clinician.south", "DiaryReview", "DENIED");
        HttpResponse<String> page =
                new ApiClient(port).signIn("clinician.south").getHtml("/patients/" + tom + "/diary-review");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Tom Bradley");
        assertThat(audit(tom, "clinician.south", "DiaryReview", "DENIED")).isEqualTo(denied + 1);
        // an unknown id looks the same
        assertThat(new ApiClient(port)
                        .signIn("clinician.south")
                        .getHtml("/patients/" + UUID.randomUUID() + "/diary-review")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aggregateRolesGet403OnEveryOutcomePage() {
        UUID tom = patient("Tom", "Bradley");
        for (String user : new String[] {"analyst", "commissioner"}) {
            ApiClient client = new ApiClient(port).signIn(user);
            assertThat(client.getHtml("/patients/" + tom + "/diary-review").statusCode())
                    .as(user)
                    .isEqualTo(403);
            assertThat(client.getHtml("/my-outcomes?patient=" + tom).statusCode())
                    .as(user)
                    .isEqualTo(403);
            assertThat(client.getHtml("/attention").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(new ApiClient(port)
                        .signIn("patient.tom")
                        .getHtml("/attention")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void attentionListIsAuditedOnceAsAListViewAndLinksToTheReviews() {
        long before = jdbc.sql(
                        "select count(*) from audit.event where username = 'nurse.north' and resource_type = 'AttentionList'")
                .query(Long.class)
                .single();
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        assertThat(nurse.getHtml("/").body()).contains("href=\"/attention\"");
        HttpResponse<String> page = nurse.getHtml("/attention");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Patients needing attention", "How the list is made");
        assertThat(jdbc.sql(
                                "select count(*) from audit.event where username = 'nurse.north' and resource_type = 'AttentionList' and action = 'SEARCH' and patient_id is null")
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 1);
    }
}
