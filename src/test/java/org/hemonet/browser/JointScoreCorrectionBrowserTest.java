package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.PatientAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The North physiotherapist corrects a joint score from the history, then voids one with a reason (desktop). */
class JointScoreCorrectionBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientRegistry patients;

    @Autowired
    AccountAdministration accounts;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void physioCorrectsAScoreFromTheHistoryAndVoidsAnother() {
        UUID north = org.hemonet.support.CentrePatients.centreOf(jdbc, "physio.north");
        UUID patient = new PatientAccounts(patients, accounts)
                .create(north, "Milo", "Correction")
                .patientId();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        ApiClient api = new ApiClient(port).signIn("physio.north");
        String path = "/api/v1/patients/" + patient + "/joint-scores";
        // 3 months ago: total 9 + 2 (gait); today: left knee swelling 2 → total 41 - see the sums below
        org.assertj.core.api.Assertions.assertThat(api.postJson(
                                path,
                                JointScoreBrowserTest.allZero(
                                        today.minusMonths(3).toString(), "ROUTINE", "", 1))
                        .statusCode())
                .isEqualTo(201);
        org.assertj.core.api.Assertions.assertThat(
                        api.postJson(path, JointScoreBrowserTest.allZero(today.toString(), "ROUTINE", "", 2))
                                .statusCode())
                .isEqualTo(201);

        Page page = signIn("physio.north", DESKTOP_WIDTH);
        page.navigate("/patients/" + patient + "/joint-scores");
        Locator rows = page.locator("table.hjhs-table tbody tr[id^=score-]");
        assertThat(rows).hasCount(2);
        // newest first: left knee 2 + 3 (flexion) + 2 (pain) = 7, gait 2 → 9
        assertThat(rows.first().locator("td.num strong")).hasText("9");
        screenshot(page, "hjhs-history-actions-desktop");

        page.getByRole(
                        AriaRole.LINK,
                        named("Correct the score of "
                                + today.format(java.time.format.DateTimeFormatter.ofPattern(
                                        "d MMM yyyy", java.util.Locale.UK))))
                .click();
        assertThat(page.locator("h1")).hasText("Correct the HJHS 2.1 joint score");
        assertThat(page.locator("select[name='LEFT_KNEE.swelling']")).hasValue("2");
        assertThat(page.locator("#hjhs-total")).hasText("9");
        page.locator("select[name='LEFT_KNEE.swelling']").selectOption("3");
        assertThat(page.locator("#hjhs-total")).hasText("10");
        page.getByLabel("Why are you correcting it?").fill("swelling was 3 on the second look");
        // the sticky total bar does not cover the field being typed in
        var reason = page.getByLabel("Why are you correcting it?").boundingBox();
        var bar = page.locator(".hjhs-summary").boundingBox();
        org.assertj.core.api.Assertions.assertThat(reason.y + reason.height).isLessThanOrEqualTo(bar.y);
        screenshot(page, "hjhs-correct-form-desktop");
        page.getByRole(AriaRole.BUTTON, named("Save the correction")).click();

        assertThat(page.locator(".notice[role=status]")).hasText("The correction is saved. The earlier score is kept.");
        assertThat(rows).hasCount(2);
        assertThat(rows.first().locator("td.num strong")).hasText("10");
        assertThat(page.locator("table.hjhs-table")).containsText("swelling was 3 on the second look");

        // void the older score with a reason: struck out, who/when/why, out of the chart
        Locator olderActions = page.locator(".hjhs-actions").nth(1);
        olderActions.locator("summary").click();
        olderActions.getByLabel("Why void this score?").fill("entered for the wrong patient");
        olderActions
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Void the score"))
                .click();

        assertThat(page.locator(".notice[role=status]")).containsText("The score is voided");
        assertThat(rows.nth(1)).hasClass(Pattern.compile(".*\\bvoided\\b.*"));
        assertThat(page.locator(".hjhs-voided-note")).containsText("Voided by physio.north on");
        assertThat(page.locator(".hjhs-voided-note")).containsText("entered for the wrong patient");
        assertThat(page.locator(".hjhs-actions")).hasCount(1);
        assertThat(page.locator(".hjhs-point")).hasCount(1);
        screenshot(page, "hjhs-history-voided-desktop");

        Page phone = signIn("physio.north", PHONE_WIDTH);
        phone.navigate("/patients/" + patient + "/joint-scores");
        assertThat(phone.locator(".hjhs-voided-note")).isVisible();
        screenshot(phone, "hjhs-history-voided-phone");
    }
}
