package org.hemonet.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Correcting and voiding HJHS scores from the pages (the history's "Correct" and "Void"), over real HTTP: the form is
 * filled with the stored score, a fault names the field and keeps what was typed, a score changed meanwhile is a 412
 * with a friendly message, a voided score is struck out with who/when/why and leaves the chart.
 */
class JointScoreCorrectionPagesTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientRegistry patients;

    @Autowired
    AccountAdministration accounts;

    UUID patient;
    String api;
    String page;
    ApiClient physio;
    String first;

    @BeforeEach
    void aPatientWithOneScore() {
        // a North patient of this test's own: nobody else counts their joint scores
        UUID north = org.hemonet.support.CentrePatients.centreOf(jdbc, "physio.north");
        patient = new PatientAccounts(patients, accounts)
                .create(north, "Jonas", "Hjhs")
                .patientId();
        api = "/api/v1/patients/" + patient + "/joint-scores";
        page = "/patients/" + patient + "/joint-scores";
        physio = new ApiClient(port).signIn("physio.north");
        HttpResponse<String> created =
                physio.postJson(api, JointScoreApiTest.score(JointScoreApiTest.today(), "ROUTINE", "", 2, 0));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        first = JointScoreApiTest.idOf(created.body());
    }

    /** The form's fields for the score of {@link JointScoreApiTest#score} with the left knee's swelling changed. */
    Map<String, String> formFields(String kneeSwelling) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("assessedOn", JointScoreApiTest.today());
        f.put("context", "ROUTINE");
        String[] items = {
            "swelling",
            "durationOfSwelling",
            "muscleAtrophy",
            "crepitus",
            "flexionLoss",
            "extensionLoss",
            "jointPain",
            "strength"
        };
        String[] joint = {"0", "1", "1", "1", "2", "1", "1", "0"};
        for (String j : new String[] {"LEFT_ELBOW", "RIGHT_ELBOW", "LEFT_KNEE", "RIGHT_KNEE", "LEFT_ANKLE"}) {
            for (int i = 0; i < items.length; i++) {
                f.put(j + "." + items[i], joint[i]);
            }
        }
        f.put("LEFT_KNEE.swelling", kneeSwelling);
        f.put("RIGHT_KNEE.swelling", "1");
        f.put("RIGHT_KNEE.strength", "1");
        f.put("RIGHT_ANKLE.ne", "true");
        f.put("gait", "2");
        f.put("note", "Measured with the goniometer twice");
        return f;
    }

    static String encoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    HttpResponse<String> correct(String scoreId, Map<String, String> fields) {
        return physio.postForm(page + "/" + scoreId + "/correct", encoded(fields));
    }

    long scores() {
        return jdbc.sql("select count(*) from outcome.joint_score where patient_id = :p")
                .param("p", patient)
                .query(Long.class)
                .single();
    }

    static String select(String html, String id) {
        Matcher m = Pattern.compile("(?s)id=\"" + Pattern.quote(id) + "\".*?</select>")
                .matcher(html);
        assertThat(m.find()).as("select " + id).isTrue();
        return m.group();
    }

    static int count(String html, String text) {
        return html.split(Pattern.quote(text), -1).length - 1;
    }

    @Test
    void theHistoryOffersCorrectAndVoidToAPhysioButNotToANurse() {
        String html = physio.getHtml(page).body();
        assertThat(html)
                .contains(page + "/" + first + "/correct", page + "/" + first + "/void", "Why void this score?");

        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        HttpResponse<String> asNurse = nurse.getHtml(page);
        assertThat(asNurse.statusCode()).isEqualTo(200);
        assertThat(asNurse.body()).contains("41").doesNotContain("/correct").doesNotContain("/void");
        assertThat(nurse.getHtml(page + "/" + first + "/correct").statusCode()).isEqualTo(403);
        assertThat(nurse.postForm(page + "/" + first + "/void", "reason=x").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theCorrectionFormIsFilledWithTheStoredScore() {
        HttpResponse<String> form = physio.getHtml(page + "/" + first + "/correct");

        assertThat(form.statusCode()).isEqualTo(200);
        String html = form.body();
        assertThat(html).contains("Correct the HJHS 2.1 joint score", "action=\"" + page + "/" + first + "/correct\"");
        assertThat(html).containsPattern("id=\"assessedOn\"[^>]*value=\"" + JointScoreApiTest.today() + "\"");
        assertThat(select(html, "LEFT_KNEE.swelling")).contains("value=\"2\" selected");
        assertThat(select(html, "RIGHT_KNEE.strength")).contains("value=\"1\" selected");
        assertThat(select(html, "LEFT_ELBOW.flexionLoss")).contains("value=\"2\" selected");
        assertThat(select(html, "gait")).contains("value=\"2\" selected");
        assertThat(html).containsPattern("name=\"RIGHT_ANKLE.ne\"[^>]*checked");
        assertThat(html).containsPattern("<input id=\"reason\" name=\"reason\"[^>]*required");
    }

    @Test
    void aCorrectionFromThePageReplacesTheScoreAndKeepsTheEarlierOne() {
        Map<String, String> fields = formFields("3");
        fields.put("reason", "left knee swelling misread");

        HttpResponse<String> saved = correct(first, fields);

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains(page + "?done=corrected"));
        assertThat(scores()).isEqualTo(2);
        var replacement = jdbc.sql(
                        """
                        select n.id, n.correction_reason, n.replaces from outcome.joint_score n
                        join outcome.joint_score o on o.superseded_by = n.id where o.id = :first""")
                .param("first", UUID.fromString(first))
                .query((rs, n) -> rs.getString("correction_reason") + "|" + rs.getString("replaces"))
                .single();
        assertThat(replacement).isEqualTo("left knee swelling misread|" + first);
        String history = physio.getHtml(page + "?done=corrected").body();
        // 41 with the knee's swelling 2 → 42 with 3; the earlier score is not shown unless asked for
        assertThat(history)
                .contains("The correction is saved.", "Corrected by physio.north on", "left knee swelling misread")
                .contains("<strong>42</strong>")
                .doesNotContain("<strong>41</strong>")
                .contains("Show the earlier version replaced by a correction");
        String withReplaced = physio.getHtml(page + "?replaced=true").body();
        assertThat(withReplaced).contains("<strong>41</strong>", "Replaced by a correction");
        assertThat(count(withReplaced, "class=\"hjhs-point")).isEqualTo(1);
    }

    @Test
    void anItemOutOfRangeIsRefusedNamingTheJointAndItemAndKeepsWhatWasTyped() {
        Map<String, String> fields = formFields("9");
        fields.put("reason", "swelling misread");

        HttpResponse<String> refused = correct(first, fields);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("role=\"alert\"", "Left knee, Swelling: choose a score in its range or NE.")
                .contains("Measured with the goniometer twice")
                .containsPattern("id=\"reason\"[^>]*value=\"swelling misread\"");
        assertThat(select(refused.body(), "RIGHT_KNEE.strength")).contains("value=\"1\" selected");
        assertThat(scores()).isEqualTo(1);
    }

    @Test
    void aCorrectionWithoutAReasonIsRefusedNamingTheReasonAndKeepsWhatWasTyped() {
        Map<String, String> fields = formFields("3");
        fields.put("reason", "  ");

        HttpResponse<String> refused = correct(first, fields);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Say why you are correcting the score")
                .contains("Measured with the goniometer twice");
        assertThat(select(refused.body(), "LEFT_KNEE.swelling")).contains("value=\"3\" selected");
        assertThat(scores()).isEqualTo(1);
    }

    @Test
    void aScoreCorrectedMeanwhileGivesA412WithAFriendlyMessageAndTheTypedValuesStay() {
        HttpResponse<String> elsewhere = physio.postJson(
                api + "/" + first + "/corrections",
                JointScoreApiTest.score(
                        JointScoreApiTest.today(), "ROUTINE", ", \"reason\": \"corrected on the desk\"", 1, 0));
        assertThat(elsewhere.statusCode()).isEqualTo(201);
        Map<String, String> fields = formFields("3");
        fields.put("reason", "my correction");

        HttpResponse<String> stale = correct(first, fields);

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body())
                .contains("Someone corrected or voided this score after you opened it")
                .contains("See the current scores")
                .contains("Measured with the goniometer twice")
                .containsPattern("id=\"reason\"[^>]*value=\"my correction\"")
                .doesNotContain("Exception");
        assertThat(scores()).isEqualTo(2);
        // the API says the same: 412, not 404, for a score that is no longer current
        assertThat(physio.postJson(
                                api + "/" + first + "/corrections",
                                JointScoreApiTest.score(
                                        JointScoreApiTest.today(), "ROUTINE", ", \"reason\": \"again\"", 3, 0))
                        .statusCode())
                .isEqualTo(412);
        assertThat(physio.getHtml(page + "/" + first + "/correct").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("done=stale"));
    }

    @Test
    void voidingAsksForAReasonStrikesTheScoreOutWithWhoWhenWhyAndLeavesItOutOfTheChart() {
        HttpResponse<String> second =
                physio.postJson(api, JointScoreApiTest.score(JointScoreApiTest.today(), "ROUTINE", "", 1, 0));
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(count(physio.getHtml(page).body(), "class=\"hjhs-point")).isEqualTo(2);

        HttpResponse<String> noReason = physio.postForm(page + "/" + first + "/void", "reason=");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body())
                .contains("Say why you are voiding the score")
                .containsPattern("<details class=\"hjhs-void\" open");
        assertThat(jdbc.sql("select count(*) from outcome.joint_score where id = :id and voided_at is null")
                        .param("id", UUID.fromString(first))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        HttpResponse<String> voided = physio.postForm(
                page + "/" + first + "/void", "reason=" + URLEncoder.encode("wrong patient", StandardCharsets.UTF_8));
        assertThat(voided.statusCode()).isEqualTo(302);
        assertThat(voided.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("done=voided"));

        String history = physio.getHtml(page + "?done=voided").body();
        assertThat(history)
                .contains("The score is voided")
                .containsPattern("class=\"[^\"]*voided[^\"]*\"\\s+id=\"score-" + first + "\"")
                .contains("Voided by physio.north on")
                .contains("wrong patient");
        assertThat(count(history, "class=\"hjhs-point")).isEqualTo(1);
        assertThat(physio.get(api).body()).doesNotContain(first);
        // voiding it again: the page says it changed meanwhile (412), nothing else happens
        HttpResponse<String> again = physio.postForm(page + "/" + first + "/void", "reason=twice");
        assertThat(again.statusCode()).isEqualTo(412);
        assertThat(again.body()).contains("Someone corrected or voided this score after you opened it");
        assertThat(jdbc.sql("select void_reason from outcome.joint_score where id = :id")
                        .param("id", UUID.fromString(first))
                        .query(String.class)
                        .single())
                .isEqualTo("wrong patient");
    }
}
