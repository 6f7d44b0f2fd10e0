package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.CentrePatients;
import org.junit.jupiter.api.Test;

class StaffHomeBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void clinicianSignsInAndSeesTheCentresPatients() {
        Page page = signIn("clinician.north", DESKTOP_WIDTH);
        assertThat(page.locator("h1")).hasText("Your centre's patients");
        assertThat(page.locator("table.patients")).containsText("Bradley, Tom");
        assertThat(page.locator("table.patients")).not().containsText("Okafor");
        long expected = CentrePatients.visibleTo(jdbc, "North Comprehensive Care Centre");
        org.assertj.core.api.Assertions.assertThat(expected).isGreaterThanOrEqualTo(26);
        assertThat(page.locator(".count")).hasText(expected + " patients");
        screenshot(page, "staff-home-desktop");
    }

    @Test
    void liveSearchNarrowsTheListWithoutReloadingThePage() {
        Page page = signIn("nurse.north", PHONE_WIDTH);
        page.locator("#q").fill("bradley");
        assertThat(page.locator(".count")).hasText("1 patient");
        assertThat(page.locator("table.patients tbody tr")).hasCount(1);
        assertThat(page.locator("table.patients")).containsText("Bradley, Tom");
        // the typed name is posted, never put in the address (security.md §16)
        org.assertj.core.api.Assertions.assertThat(page.url()).doesNotContainIgnoringCase("bradley");
        screenshot(page, "staff-home-phone");
    }

    @Test
    void severityFilterShowsOnlyThatSeverity() {
        Page page = signIn("clinician.north", DESKTOP_WIDTH);
        page.locator("#severity").selectOption("SEVERE");
        assertThat(page.locator("table.patients tbody tr .badge.sev-mild")).hasCount(0);
        assertThat(page.locator("table.patients")).containsText("Bradley, Tom");
    }

    @Test
    void signOutEndsTheSession() {
        Page page = signIn("clinician.north", DESKTOP_WIDTH);
        page.getByText("Sign out").click();
        assertThat(page.locator(".notice")).containsText("You have signed out");
        page.navigate("/");
        assertThat(page.locator("h1")).hasText("Sign in");
    }
}
