package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.hemonet.support.BrowserTest;
import org.junit.jupiter.api.Test;

class PatientHomeBrowserTest extends BrowserTest {

    @Test
    void patientSignsInAndSeesTheirOwnSummary() {
        Page page = signIn("patient.tom", PHONE_WIDTH);
        assertThat(page.locator("h1")).hasText("Tom Bradley");
        assertThat(page.locator("main")).containsText("Haemophilia A");
        assertThat(page.locator("main")).containsText("Severe");
        assertThat(page.locator("a.call")).containsText("0161 496 0000");
        screenshot(page, "patient-home-phone");
    }

    @Test
    void parentSwitchesBetweenTheirChildren() {
        Page page = signIn("parent.sara", PHONE_WIDTH);
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Leo"))
                .click();
        assertThat(page.locator("h1")).hasText("Leo Okafor");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Sam"))
                .click();
        assertThat(page.locator("h1")).hasText("Sam Okafor");
        assertThat(page.locator("main")).containsText("Moderate");
        screenshot(page, "parent-home-phone");
    }

    @Test
    void unknownPageShowsTheFriendlyNotFoundPage() {
        Page page = signIn("patient.tom", DESKTOP_WIDTH);
        page.navigate("/no-such-page");
        assertThat(page.locator("h1")).hasText("Page not found");
        assertThat(page.locator("main")).not().containsText("Exception");
        screenshot(page, "not-found-desktop");
    }

    @Test
    void loginPageLooksRightOnAPhone() {
        Page page = newPage(PHONE_WIDTH);
        page.navigate("/login");
        assertThat(page.locator("h1")).hasText("Sign in");
        screenshot(page, "login-phone");
        page.getByLabel("Username").fill("patient.tom");
        page.getByLabel("Password").fill("wrong password");
        page.locator("button[type=submit]").click();
        assertThat(page.locator(".notice.error")).containsText("not right");
    }
}
