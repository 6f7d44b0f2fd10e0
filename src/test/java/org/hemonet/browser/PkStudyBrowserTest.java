package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 7: a clinician enters a PK study and sees the individual curve, half-life and regimens. */
class PkStudyBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private UUID tom() {
        return jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
    }

    @Test
    void clinicianEntersLevelsAndSeesTheIndividualCurve() {
        Page page = signIn("clinician.north", DESKTOP_WIDTH);
        page.navigate("/patients/" + tom() + "/pk");
        assertThat(page.locator("h1")).containsText("Tom Bradley");
        assertThat(page.locator("h2").nth(1)).hasText("Population estimate (no levels entered)");
        String day = LocalDate.now().toString();
        page.locator("#doseAt").fill(day + "T09:00");
        page.locator("#doseIu").fill("3750");
        page.locator("#sampleAt0").fill(day + "T13:00");
        page.locator("#sampleLevel0").fill("55");
        page.locator("#sampleAt1").fill(day + "T21:00");
        page.locator("#sampleLevel1").fill("32");
        page.locator("#sampleAt2").fill(LocalDate.now().plusDays(1) + "T09:00");
        page.locator("#sampleLevel2").fill("16");
        page.getByText("Estimate", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("h2").nth(1)).hasText("Individual estimate");
        String halfLife = page.locator(".half-life").innerText();
        double hours = Double.parseDouble(halfLife.replace(" h", ""));
        // levels halving roughly every 12 h: the individual half-life must be near that, not the population's
        assertThat(hours).isBetween(9.0, 16.0);
        assertThat(page.locator("table.regimens tbody tr")).hasCount(3);
        assertThat(page.locator("canvas#pk-chart")).isVisible();
        page.waitForTimeout(300);
        screenshot(page, "pk-study-desktop");
    }

    @Test
    void impossibleInputIsExplainedNotCrashed() {
        Page page = signIn("clinician.north", PHONE_WIDTH);
        page.navigate("/patients/" + tom() + "/pk");
        page.locator("#doseIu").fill("-5");
        page.getByText("Estimate", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator(".notice.error")).containsText("doseIu");
        screenshot(page, "pk-study-phone-error");
    }
}
