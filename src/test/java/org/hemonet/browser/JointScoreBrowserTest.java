package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The North physiotherapist scores a patient's joints (HJHS 2.1) on the form and sees the total and the history chart. */
class JointScoreBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    UUID northPatient() {
        return jdbc.sql(
                        """
                        select p.id from patient.patient p join centre.centre c on c.id = p.centre_id
                        where c.code = 'NORTH' and p.given_name <> 'Tom' and p.voided_at is null
                        order by p.family_name, p.given_name, p.id offset 5 limit 1""")
                .query(UUID.class)
                .single();
    }

    static String allZero(String date, String context, String extra, int kneeSwelling) {
        String zero =
                """
                {"swelling": 0, "durationOfSwelling": 0, "muscleAtrophy": 0, "crepitus": 0, "flexionLoss": 0,
                 "extensionLoss": 0, "jointPain": 0, "strength": 0}""";
        String knee = zero.replace("\"swelling\": 0", "\"swelling\": " + kneeSwelling)
                .replace("\"flexionLoss\": 0", "\"flexionLoss\": 3")
                .replace("\"jointPain\": 0", "\"jointPain\": 2");
        return """
                {"assessedOn": "%s", "context": "%s"%s, "joints": {"LEFT_ELBOW": %s, "RIGHT_ELBOW": %s,
                 "LEFT_KNEE": %s, "RIGHT_KNEE": %s, "LEFT_ANKLE": %s, "RIGHT_ANKLE": %s}, "gait": 2}"""
                .formatted(date, context, extra, zero, zero, knee, zero, zero, zero);
    }

    @Test
    void physioFillsTheFormSeesTheLiveTotalAndTheHistoryChart() {
        UUID patient = northPatient();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        // an earlier operation on the left knee: a pre/post pair for the chart
        ApiClient api = new ApiClient(port).signIn("physio.north");
        String surgery = ", \"operatedJoint\": \"LEFT_KNEE\", \"operation\": \"Left knee synovectomy\"";
        api.postJson(
                "/api/v1/patients/" + patient + "/joint-scores",
                allZero(today.minusMonths(9).toString(), "PRE_SURGERY", surgery, 3));
        api.postJson(
                "/api/v1/patients/" + patient + "/joint-scores",
                allZero(today.minusMonths(3).toString(), "POST_SURGERY", surgery, 1));

        Page page = signIn("physio.north", DESKTOP_WIDTH);
        page.navigate("/patients/" + patient);
        page.getByRole(AriaRole.LINK, named("Joint scores (HJHS)")).click();
        page.getByRole(AriaRole.LINK, named("New joint score")).click();
        assertThat(page.locator("h1")).hasText("HJHS 2.1 joint score");

        page.locator("select[name='LEFT_KNEE.swelling']").selectOption("2");
        page.locator("select[name='LEFT_KNEE.flexionLoss']").selectOption("3");
        page.locator("select[name='LEFT_ELBOW.strength']").selectOption("NE");
        page.locator("fieldset[data-joint='RIGHT_ANKLE'] .hjhs-ne-joint input").check();
        for (String joint : new String[] {"LEFT_ELBOW", "RIGHT_ELBOW", "LEFT_KNEE", "RIGHT_KNEE", "LEFT_ANKLE"}) {
            page.locator("fieldset[data-joint='" + joint + "'] .hjhs-zero").click();
        }
        assertThat(page.locator("#hjhs-status")).containsText("1 items still to score");
        page.locator("#gait").selectOption("1");

        // left knee 2 + 3 = 5, gait 1; left elbow strength and the whole right ankle NE, never 0
        assertThat(page.locator("#total-LEFT_KNEE")).hasText("5 / 20");
        assertThat(page.locator("#total-RIGHT_ANKLE")).hasText("NE");
        assertThat(page.locator("#hjhs-total")).hasText("6");
        assertThat(page.locator("#hjhs-status")).containsText("of 100 possible: 9 item(s) NE");
        screenshot(page, "hjhs-form-desktop");

        page.getByRole(AriaRole.BUTTON, named("Save score")).click();
        assertThat(page.locator(".notice[role=status]")).hasText("The joint score is saved.");
        Locator latest = page.locator("table.hjhs-table tbody tr").first();
        assertThat(latest).containsText("6");
        assertThat(latest).containsText("of 100, 5 joints");
        assertThat(page.locator("table.hjhs-table")).containsText("Right ankle (whole joint)");
        assertThat(page.locator("table.hjhs-table")).containsText("Operated joint Left knee: 8 before surgery");
        assertThat(page.locator("svg.hjhs-svg polyline.hjhs-total-line")).hasCount(1);
        assertThat(page.locator("svg.hjhs-svg .hjhs-point")).hasCount(3);
        assertThat(page.locator("svg.hjhs-svg .hjhs-pair")).hasCount(1);
        assertThat(page.locator("svg.hjhs-svg .hjhs-point.incomplete")).hasCount(1);
        screenshot(page, "hjhs-history-desktop");

        Page phone = signIn("physio.north", PHONE_WIDTH);
        phone.navigate("/patients/" + patient + "/joint-scores/new");
        phone.locator("select[name='LEFT_KNEE.swelling']").selectOption("1");
        assertThat(phone.locator("#total-LEFT_KNEE")).hasText("1 / 20");
        screenshot(phone, "hjhs-form-phone");
        phone.navigate("/patients/" + patient + "/joint-scores");
        assertThat(phone.locator("svg.hjhs-svg .hjhs-point")).hasCount(3);
        screenshot(phone, "hjhs-history-phone");
    }

    @Test
    void theCentreTeamSeesTheCohortTableFromTheCentresPage() {
        Page page = signIn("clinician.north", PHONE_WIDTH);
        page.navigate("/centres");
        page.getByRole(AriaRole.LINK, named("Bleeding outcomes")).first().click();
        assertThat(page.locator("h1")).containsText("Bleeding outcomes · North");
        // the demo network has no diaries: every patient is left out and counted, none is taken as zero bleeds
        assertThat(page.locator("section.hjhs-cohort")).containsText("patients registered");
        screenshot(page, "hjhs-cohort-phone");
        Page analyst = signIn("analyst", DESKTOP_WIDTH);
        analyst.navigate("/centres");
        analyst.getByRole(AriaRole.LINK, named("Bleeding outcomes")).first().click();
        assertThat(analyst.getByText("Disclosure control applies")).isVisible();
        screenshot(analyst, "hjhs-cohort-desktop");
    }
}
