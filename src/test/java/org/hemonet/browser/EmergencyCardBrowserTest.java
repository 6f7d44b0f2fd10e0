package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.SignIn;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 17: a parent opens their child's emergency card on a 360 px phone, shows it to A&E; the link opens in a
 * browser without a session, shows in the access log, and expires at the set time (test clock).
 */
class EmergencyCardBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    PatientRegistry registry;

    @Test
    void aParentShowsTheEmergencyCardToAeAndTheLinkOpensWithoutSignInUntilItExpires() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Card");
        PatientAccounts.Created child = site.patient("Milo", "Card");
        registry.recordWeight(child.patientId(), LocalDate.now().minusDays(1), new BigDecimal("24"));
        String parent = "parent-" + child.username();
        accounts.create(new NewAccount(
                parent,
                "Nina Card",
                Role.PATIENT,
                SignIn.DEMO_PASSWORD,
                Set.of(),
                Map.of(child.patientId(), "GUARDIAN"),
                null));

        Page page = signIn(parent, PHONE_WIDTH);
        page.navigate("/?patient=" + child.patientId());
        page.locator("#emergency-card-link").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Emergency card")))
                .isVisible();
        assertThat(page.locator(".emergency-summary")).containsText("Milo Card");
        assertThat(page.locator(".emergency-summary")).containsText("Haemophilia A");
        page.locator("#show-to-ae").click();
        assertThat(page.locator("#emergency-qr")).isVisible();
        String link = page.locator("#emergency-link").getAttribute("href");
        assertThat(link).contains("/emergency/");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "emergency-card-phone");

        // an A&E clinician's browser: no session at all
        Page ae = newPage(PHONE_WIDTH);
        ae.navigate(link);
        assertThat(ae.locator("h1")).hasText("Emergency information");
        assertThat(ae.locator(".emergency-summary")).containsText("Milo Card");
        assertThat(ae.locator("#main-nav")).hasCount(0);
        screenshot(ae, "emergency-view-phone");

        // back on the parent's phone: the opening is in the access log
        page = signIn(parent, PHONE_WIDTH);
        page.navigate("/access-log?patient=" + child.patientId());
        assertThat(page.locator("main table")).containsText("Emergency view (no sign-in)");

        TestClock.get().advance(Duration.ofHours(12).plusMinutes(1));
        Page late = newPage(PHONE_WIDTH);
        var response = late.navigate(link);
        assertThat(response.status()).isEqualTo(410);
        assertThat(late.locator("[role=alert]")).hasText("This emergency link has expired.");
        assertThat(late.locator("main")).not().containsText("Milo Card");
    }
}
