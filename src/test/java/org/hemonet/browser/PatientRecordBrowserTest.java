package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.hemonet.support.BrowserTest;
import org.junit.jupiter.api.Test;

/** A clinician registers a patient, records a Bethesda result and corrects the record, as a person would. */
class PatientRecordBrowserTest extends BrowserTest {

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void registersAPatientAddsABethesdaResultAndCorrectsTheRecord() {
        Page page = signIn("clinician.east", DESKTOP_WIDTH);
        page.getByRole(AriaRole.LINK, named("Register a patient")).click();
        page.getByLabel("Given name").fill("Idris");
        page.getByLabel("Family name").fill("Browsertest");
        page.getByLabel("Date of birth").fill("2012-03-04");
        page.getByLabel("NHS number (optional)").fill("1234567890");
        page.getByLabel("Baseline factor level (IU/dL)").fill("0.8");
        page.getByLabel("Level measured on").fill("2024-06-01");
        page.getByLabel("Weight (kg)").fill("42");
        page.getByRole(AriaRole.BUTTON, named("Register")).click();
        assertThat(page.locator(".notice.error")).containsText("This NHS number is not valid");

        page.getByLabel("NHS number (optional)").fill("");
        page.getByRole(AriaRole.BUTTON, named("Register")).click();
        assertThat(page.locator("h1")).hasText("Browsertest, Idris");
        assertThat(page.locator("#diagnosis")).containsText("Severe");
        assertThat(page.locator("#transition")).containsText("Preparation");

        page.getByLabel("Residual factor activity (%)").fill("38.5");
        page.getByLabel("Dilution of the sample (1 = undiluted)").fill("1");
        page.getByLabel("Sampled on").fill("2026-01-10");
        page.getByRole(AriaRole.BUTTON, named("Add result")).click();
        assertThat(page.locator("#inhibitors table")).containsText("1.38 BU");
        assertThat(page.locator("ul.alerts")).containsText("Inhibitor present");

        page.getByLabel("Family name").fill("Browser-Test");
        page.getByLabel("Why is the record corrected?").fill("hyphen missed at registration");
        page.getByRole(AriaRole.BUTTON, named("Save correction")).click();
        assertThat(page.locator("h1")).hasText("Browser-Test, Idris");
        assertThat(page.locator("#history")).containsText("hyphen missed at registration");
        assertThat(page.locator("body")).containsText("Time zone: Europe/London");

        page.getByLabel("Time zone").fill("Mars/Olympus_Mons");
        page.getByLabel("Why is the record corrected?").fill("moved");
        page.getByRole(AriaRole.BUTTON, named("Save correction")).click();
        assertThat(page.locator("#correct .notice.error")).containsText("such as Europe/London or America/New_York");
        page.getByLabel("Time zone").fill("America/New_York");
        page.getByLabel("Why is the record corrected?").fill("moved to New York");
        page.getByRole(AriaRole.BUTTON, named("Save correction")).click();
        assertThat(page.locator("body")).containsText("Time zone: America/New_York");
        assertThat(page.locator("#history")).containsText("moved to New York (timeZone)");
        // an unticked readiness box that was unticked before is not a change
        assertThat(page.locator("#history")).containsText("hyphen missed at registration (familyName)");
        screenshot(page, "patient-record-desktop");
    }

    @Test
    void theRecordOfAnotherCentreIsNotFound() {
        Page page = signIn("clinician.south", PHONE_WIDTH);
        page.navigate("/patients/00000000-0000-4000-8000-000000000000");
        assertThat(page.locator("h1")).hasText("Page not found");
    }
}
