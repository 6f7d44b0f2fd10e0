package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.hemonet.identity.Role;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 17's clinical trials in a browser: a patient says on a 360 px phone that they would like to hear about
 * research; a clinician adds a trial, finds the patient first among the eligible with that wish shown, and records the
 * approach and the consent.
 */
class TrialBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aPatientSaysYesToResearchAndTheClinicianRecordsTheirConsentToATrial() {
        TestNetwork.Site site = TestNetwork.in(context).centre("TrialPages");
        PatientAccounts.Created cai = site.patient("Cai", "Study");
        site.patient("Dov", "Study");

        Page phone = signIn(cai.username(), PHONE_WIDTH);
        phone.navigate("/");
        phone.locator("#research-link").click();
        phone.getByText("Yes, tell me about research").click();
        assertThat(phone.locator(".research-answer")).containsText("You said yes");
        assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(phone, "research-interest-phone");

        Page page = signIn(site.staff(Role.CLINICIAN).username(), DESKTOP_WIDTH);
        page.navigate("/trials");
        page.locator("#title").fill("Extended half-life FVIII in adults");
        page.locator("#registryId").fill("NCT00000002");
        page.locator("input[name=diagnoses][value=HEMOPHILIA_A]").check();
        page.locator("#minAge").fill("18");
        page.locator("#new-trial button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Extended half-life FVIII in adults");
        assertThat(page.locator(".candidate")).hasCount(2);
        assertThat(page.locator(".candidate").first()).containsText("Cai Study");
        assertThat(page.locator(".candidate").first()).containsText("Would like to hear about research");
        screenshot(page, "trial-desktop");

        page.locator(".candidate").first().locator("select[name=status]").selectOption("APPROACHED");
        page.locator(".candidate").first().locator("button[type=submit]").click();
        page.locator(".candidate").first().locator("select[name=status]").selectOption("CONSENTED");
        page.locator(".candidate").first().locator("input[name=note]").fill("Consent form signed in clinic");
        page.locator(".candidate").first().locator("button[type=submit]").click();
        assertThat(page.locator(".candidate").first()).containsText("Consented");
        assertThat(page.locator(".candidate").first()).containsText("Consent form signed in clinic");

        Page small = signIn(site.staff(Role.NURSE).username(), PHONE_WIDTH);
        small.navigate("/trials");
        small.locator(".trial-list a").first().click();
        assertThat(small.locator(".candidate").first()).containsText("Consented");
        assertThat((Integer) small.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(small, "trial-phone");
    }
}
