package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.hemonet.identity.Totp;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SecondFactorBrowserTest extends BrowserTest {

    @Autowired
    AccountAdministration administration;

    @Autowired
    CentreDirectory centres;

    @Test
    void staffSignInAsksForTheAuthenticatorCode() {
        Page page = newPage(PHONE_WIDTH);
        page.navigate("/login");
        page.getByLabel("Username").fill("clinician.north");
        page.getByLabel("Password").fill(SignIn.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.locator("h1")).hasText("Two-step verification");
        screenshot(page, "second-factor-phone");
        page.getByLabel("Code").fill("12345");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                .click();
        assertThat(page.locator(".notice.error")).containsText("not right");
        page.getByLabel("Code").fill(SignIn.totpCode());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                .click();
        assertThat(page.locator("h1")).hasText("Your centre's patients");
    }

    @Test
    void newStaffMemberEnrolsFromTheQrCodeAndGetsRecoveryCodes() {
        String username = "new.nurse." + UUID.randomUUID().toString().substring(0, 6);
        UUID north = centres.centres().stream()
                .filter(c -> c.code().equals("NORTH"))
                .findFirst()
                .orElseThrow()
                .id();
        administration.create(new NewAccount(
                username, "New Nurse", Role.NURSE, "Kite-flying-over-77", Set.of(north), Map.of(), null));
        Page page = newPage(DESKTOP_WIDTH);
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill("Kite-flying-over-77");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.locator("h1")).hasText("Set up two-step verification");
        assertThat(page.locator(".qr img")).isVisible();
        screenshot(page, "enrol-desktop");
        String secret = page.locator("code.secret").innerText().replace(" ", "");
        page.getByLabel("Code")
                .fill(Totp.currentCode(
                        secret, org.hemonet.support.TestClock.get().instant()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on two-step verification"))
                .click();
        assertThat(page.locator("h1")).hasText("Your recovery codes");
        assertThat(page.locator("ul.codes li")).hasCount(10);
        String recoveryCode = page.locator("ul.codes li").first().innerText();
        page.getByText("I have saved them").click();
        assertThat(page.locator("h1")).hasText("Your centre's patients");

        // a recovery code signs in once, instead of the authenticator
        page.getByText("Sign out").click();
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill("Kite-flying-over-77");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.getByLabel("Code").fill(recoveryCode);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                .click();
        assertThat(page.locator("h1")).hasText("Your centre's patients");
    }
}
