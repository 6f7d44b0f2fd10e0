package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.hemonet.support.BrowserTest;
import org.junit.jupiter.api.Test;

/** Issue 6: a patient logs a bleed and an infusion on a 360 px phone, online and offline; the clinician sees it. */
class DiaryBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void patientLogsABleedOnAPhoneByTappingTheBodyMap() {
        Page page = signIn("patient.tom", PHONE_WIDTH);
        page.locator("#diary-link").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log a bleed"))
                .click();
        page.locator(".body-map .site[data-site=LEFT_KNEE]").click();
        assertThat(page.locator("#site")).hasValue("LEFT_KNEE");
        assertThat(page.locator(".body-map .site[data-site=LEFT_KNEE]")).hasAttribute("aria-pressed", "true");
        page.locator("#pain").fill("7");
        assertThat(page.locator("#pain-value")).hasText("7");
        page.locator("#jointImmobilising").check();
        screenshot(page, "diary-log-bleed-phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator("[role=status]")).containsText("Bleed saved");
        assertThat(page.locator("#bleed-list")).containsText("Left knee");
        assertThat(page.locator("#bleed-list")).containsText("pain 7/10");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log an infusion"))
                .click();
        page.locator("#reason").selectOption("BLEED");
        page.locator("#bleedId").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        var product = org.hemonet.support.DemoProducts.factorConcentrate(jdbc);
        page.locator("#productId").selectOption(product.productId().toString());
        page.locator("#doseIu").fill("2000");
        page.locator("#batchNumber").fill(product.batchNumber());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator("#infusion-list")).containsText("For a bleed");
        assertThat(page.locator("#infusion-list")).containsText("2000 IU");
        screenshot(page, "diary-list-phone");
    }

    @Test
    void aBleedLoggedOfflineIsSentWhenThePhoneIsBackOnlineAndTheClinicianSeesIt() {
        Page page = signIn("patient.tom", PHONE_WIDTH);
        page.locator("#diary-link").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log a bleed"))
                .click();
        page.context().setOffline(true);
        page.locator(".body-map .site[data-site=RIGHT_ELBOW]").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator("#diary-offline")).isVisible();
        page.context().setOffline(false);
        page.waitForURL("**/diary?patient=*");
        assertThat(page.locator("#bleed-list")).containsText("Right elbow");
        String diaryUrl = page.url().replaceAll("^https?://[^/]+", "").replaceAll("&saved=.*", "");

        Page clinician = signIn("clinician.north", DESKTOP_WIDTH);
        clinician.navigate(diaryUrl.replace("/diary?patient=", "/patients/"));
        clinician.locator("#record-diary").click();
        assertThat(clinician.locator("#bleed-list")).containsText("Right elbow");
    }
}
