package org.hemonet.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.SignIn;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Questionnaires as people use them (issue 16): a nurse schedules the satisfaction survey on the record; the patient,
 * on a 360 px phone, finds it on the home page, saves half of it, resumes, is told which question is missing, sends it
 * and sees the scores beside last year's; a parent answers the pain questionnaire for one of two children; the nurse
 * sees the results on the record; a clinician of another centre gets the 404 page. Screenshots at 360 and 1280 px go
 * to {@code target/screenshots/survey-*}.
 */
class SurveyBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    JdbcClient jdbc;

    TestNetwork.Site site;
    TestNetwork.Staff nurse;
    TestNetwork.Staff otherClinician;
    PatientAccounts.Created tom;
    PatientAccounts.Created leo;
    PatientAccounts.Created mia;
    String parent;

    @BeforeEach
    void aCentreWithAPatientAndAFamily() {
        TestNetwork network = TestNetwork.in(context);
        site = network.centre("Surveys");
        nurse = site.staff(Role.NURSE);
        otherClinician = network.centre("Far").staff(Role.CLINICIAN);
        tom = site.patient("Tom", "Fenwick");
        leo = site.patient("Leo", "Marsh");
        mia = site.patient("Mia", "Marsh");
        parent = "parent-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(
                parent,
                "Jo Marsh",
                Role.PATIENT,
                SignIn.DEMO_PASSWORD,
                Set.of(),
                Map.of(leo.patientId(), "GUARDIAN", mia.patientId(), "GUARDIAN"),
                null));
    }

    @Test
    void aPatientAnswersTheSatisfactionSurveyOnAPhoneAndSeesTheScoresBesideLastTime() {
        // an earlier answer, sent from the app: every area "Fair" (3 → 50), overall "Poor" (2 → 25)
        StringBuilder earlier = new StringBuilder("{\"instrumentId\": \"hemonet-satisfaction\", \"answers\": {");
        for (String item : new String[] {
            "access-1", "access-2", "emergency-1", "emergency-2", "emergency-3", "delivery-1", "delivery-2",
            "information-1", "information-2", "advice-1", "advice-2", "transition-1", "involvement-1", "involvement-2"
        }) {
            earlier.append('"').append(item).append("\": 3, ");
        }
        earlier.append("\"overall-1\": 2}}");
        HttpResponse<String> sent = new ApiClient(port)
                .signIn(tom.username())
                .postJson("/api/v1/patients/" + tom.patientId() + "/survey-responses", earlier.toString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

        // the nurse schedules it on the record
        Page desk = signIn(nurse.username(), DESKTOP_WIDTH);
        desk.navigate("/patients/" + tom.patientId());
        desk.locator("#record-surveys").click();
        desk.getByLabel("Questionnaire").selectOption("hemonet-satisfaction");
        desk.getByLabel("When").selectOption("ONCE");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule"))
                .click();
        assertThat(desk.locator(".survey-schedules").innerText()).contains("Your care at your haemophilia centre");
        assertThat(desk.locator("main").innerText()).contains("Due by");

        screenshot(desk, "survey-schedule-1280");

        // the patient, on a phone: the home page says what needs doing
        Page phone = signIn(tom.username(), PHONE_WIDTH);
        assertThat(phone.locator("#surveys-due-link").innerText()).isEqualTo("1 questionnaire to answer");
        screenshot(phone, "survey-home-360");
        phone.locator("#surveys-due-link").click();
        screenshot(phone, "survey-list-360");
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start"))
                .click();
        assertThat(phone.locator("h1").innerText()).isEqualTo("Your care at your haemophilia centre");
        phone.locator("#a-access-1-4").check();
        phone.locator("#a-access-2-NA").check();
        phone.locator("#a-emergency-1-2").check();
        assertFits(phone);
        screenshot(phone, "survey-form-360");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and finish later"))
                .click();
        assertThat(phone.locator("[role=status]").innerText()).contains("Your answers are saved");

        // resumed: the saved answers are there
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue"))
                .click();
        assertThat(phone.locator("#a-access-1-4").isChecked()).isTrue();
        assertThat(phone.locator("#a-access-2-NA").isChecked()).isTrue();
        phone.locator("#a-emergency-2-3").check();
        phone.locator("#a-emergency-3-5").check();
        for (String item : new String[] {
            "delivery-1", "delivery-2", "information-1", "information-2", "advice-1", "advice-2", "transition-1"
        }) {
            phone.locator("#a-" + item + "-NA").check();
        }
        phone.locator("#a-involvement-1-5").check();
        phone.locator("#a-involvement-2-4").check();
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers"))
                .click();
        assertThat(phone.locator("[role=alert]").innerText())
                .as("the overall question was not answered")
                .contains("The care you had from your centre over the last 12 months");
        assertThat(phone.locator("#q-overall-1").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(phone.locator("#a-emergency-3-5").isChecked())
                .as("nothing given is lost")
                .isTrue();
        phone.locator("#a-overall-1-5").check();
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers"))
                .click();
        phone.waitForURL("**/surveys/responses/**");

        // the scores, beside last time's
        assertThat(phone.locator("[role=status]").innerText()).contains("Thank you");
        assertThat(scoreRow(phone, "Access to the team")).contains("75.0", "50.0");
        assertThat(scoreRow(phone, "Out of hours and emergencies")).contains("58.3", "50.0");
        assertThat(scoreRow(phone, "Involvement in decisions")).contains("87.5", "50.0");
        assertThat(scoreRow(phone, "Overall")).contains("100.0", "25.0");
        assertThat(scoreRow(phone, "Home delivery"))
                .as("every delivery item did not apply")
                .contains("—");
        assertThat(phone.locator("table.survey-answers").innerText()).contains("Very good", "Fair", "Does not apply");
        assertFits(phone);
        screenshot(phone, "survey-scores-360");
        phone.navigate("/");
        assertThat(phone.locator("#surveys-due-link").count())
                .as("answered: nothing due")
                .isZero();

        // the nurse sees both results on the record (one browser at a time: a new sign-in)
        desk = signIn(nurse.username(), DESKTOP_WIDTH);
        desk.navigate("/patients/" + tom.patientId() + "/surveys");
        assertThat(desk.locator(".survey-results > li").count()).isEqualTo(2);
        assertThat(desk.locator(".survey-results").innerText()).contains("Access to the team: 75.0");
        screenshot(desk, "survey-staff-1280");
        desk.locator(".survey-results a").first().click();
        assertThat(scoreRow(desk, "Overall")).contains("100.0");
        screenshot(desk, "survey-scores-1280");
        desk.navigate("/surveys/answer/hemonet-life?patient=" + tom.patientId());
        assertThat(desk.locator("fieldset.survey-item").count()).isEqualTo(12);
        screenshot(desk, "survey-form-1280");

        Page deskPhone = signIn(nurse.username(), PHONE_WIDTH);
        deskPhone.navigate("/patients/" + tom.patientId() + "/surveys");
        assertFits(deskPhone);
        screenshot(deskPhone, "survey-staff-360");

        // a clinician of another centre: the 404 page, like an unknown patient
        Page stranger = signIn(otherClinician.username(), PHONE_WIDTH);
        Response refused = stranger.navigate("/patients/" + tom.patientId() + "/surveys");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(stranger.content()).doesNotContain("Fenwick");
        UUID responseId = jdbc.sql("select id from survey.response where patient_id = :p order by submitted_at limit 1")
                .param("p", tom.patientId())
                .query(UUID.class)
                .single();
        assertThat(stranger.navigate("/surveys/responses/" + responseId + "?patient=" + tom.patientId())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aParentAnswersThePainQuestionnaireForOneOfTwoChildren() {
        Page phone = signIn(parent, PHONE_WIDTH);
        phone.locator("#my-surveys-link").click();
        phone.locator("nav.tabs").getByText("Mia").click();
        assertThat(phone.locator("main").innerText()).contains("For Mia Marsh");
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pain in the last 7 days"))
                .click();
        assertThat(phone.locator("main").innerText()).contains("Answers for Mia Marsh");
        phone.locator("#a-pain-highest-8").check();
        phone.locator("#a-pain-usual-5").check();
        phone.locator("#a-interference-home-3").check();
        phone.locator("#a-interference-moving-6").check();
        phone.locator("#a-interference-work-NA").check();
        phone.locator("#a-interference-sleep-2").check();
        phone.locator("#a-interference-enjoyment-4").check();
        assertFits(phone);
        screenshot(phone, "survey-pain-form-360");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers"))
                .click();
        phone.waitForURL("**/surveys/responses/**");
        assertThat(scoreRow(phone, "Pain (0-10)")).contains("6.5");
        assertThat(scoreRow(phone, "Pain getting in the way")).contains("3.8");
        assertThat(phone.locator("main").innerText()).contains("Mia Marsh");
        screenshot(phone, "survey-pain-scores-360");
        assertThat(count(mia.patientId())).isEqualTo(1);
        Page wide = signIn(parent, DESKTOP_WIDTH);
        wide.navigate("/surveys?patient=" + mia.patientId());
        assertThat(wide.locator(".survey-history").innerText()).contains("Pain in the last 7 days");
        screenshot(wide, "survey-list-1280");
        assertThat(count(leo.patientId()))
                .as("the other child's record is untouched")
                .isZero();
    }

    @Autowired
    Surveys surveys;

    @Test
    void anAnalystSeesScoresByCentreUnderDisclosureControlAtBothWidths() {
        for (int i = 0; i < 8; i++) {
            PatientAccounts.Created p = site.patient("Rep" + i, "Orter");
            UUID account = jdbc.sql("select id from identity.account where username = :u")
                    .param("u", p.username())
                    .query(UUID.class)
                    .single();
            surveys.submit(
                    new org.hemonet.shared.Actor(account, p.username(), "PATIENT", Set.of(), Set.of(p.patientId())),
                    p.patientId(),
                    "hemonet-life",
                    Map.of("body-1", 1, "body-2", 5, "activity-1", 3, "activity-3", 3));
        }
        int year = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear();
        Page desk = signIn("analyst", DESKTOP_WIDTH);
        desk.navigate("/reports/centres");
        desk.locator("#survey-report-link").click();
        desk.getByLabel("Questionnaire").selectOption("hemonet-life");
        desk.getByLabel("Year").fill(Integer.toString(year));
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                .click();
        String table = desk.locator("table.survey-centres").innerText();
        assertThat(table).contains(site.name(), "Body and joints", "Network");
        assertThat(table).doesNotContain("Orter");
        screenshot(desk, "survey-report-1280");
        Page phone = signIn("analyst", PHONE_WIDTH);
        phone.navigate("/reports/surveys?instrument=hemonet-life&year=" + year);
        assertThat(phone.locator("table.survey-centres").innerText()).contains(site.name());
        assertFits(phone);
        screenshot(phone, "survey-report-360");
        Page american = signIn("analyst", PHONE_WIDTH, true, "en-US");
        american.navigate("/reports/surveys?instrument=hemonet-life&year=" + year);
        assertThat(american.locator("h1").innerText()).isEqualTo("Patient-reported scores by center");
    }

    private long count(UUID patientId) {
        return jdbc.sql("select count(*) from survey.response where patient_id = :p and status = 'SUBMITTED'")
                .param("p", patientId)
                .query(Long.class)
                .single();
    }

    private static String scoreRow(Page page, String domain) {
        return page.locator("table.survey-scores tr")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(domain))
                .innerText();
    }

    private static void assertFits(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("no sideways scroll").isLessThanOrEqualTo(0);
    }
}
