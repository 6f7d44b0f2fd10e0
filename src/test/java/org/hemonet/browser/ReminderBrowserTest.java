package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16 on a 360 px phone: a patient on daily prophylaxis opens "My reminders" from the home page, chooses in-app
 * reminders with quiet hours, and sees the coming dose reminder at the plan's local time with a link to log it; the
 * centre sees the same reminders and the diary completeness table on a desktop.
 */
class ReminderBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientRegistry patients;

    @Test
    void aPatientSetsRemindersOnThePhoneAndSeesTheComingDose() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Reminder page");
        TestNetwork.Staff clinician = site.staff(Role.CLINICIAN);
        PatientAccounts.Created patient = site.patient("Idris", "Fenwick");
        java.time.ZoneId zone = patients.zoneOf(patient.patientId()).orElseThrow();
        // staff sign in with their second factor on real time; the clock then goes back to yesterday morning
        ApiClient api = new ApiClient(port).signIn(clinician.username());
        LocalDate today = LocalDate.now(TestClock.get().withZone(zone)).minusDays(1);
        TestClock.get().set(today.atTime(8, 0).atZone(zone).toInstant());
        int created = api.postJson(
                        "/api/v1/patients/" + patient.patientId() + "/treatment-plans",
                        """
                        {"regimen": "PROPHYLAXIS", "productId": "%s", "dose": 2000, "weightKg": 70,
                         "schedule": "EVERY_N_DAYS", "scheduleInterval": 1, "doseTime": "19:00", "validFrom": "%s"}"""
                                .formatted(DemoProducts.factorConcentrate(jdbc).productId(), today))
                .statusCode();
        org.assertj.core.api.Assertions.assertThat(created).isEqualTo(201);

        Page phone = signIn(patient.username(), PHONE_WIDTH);
        phone.locator("#reminders-link").click();
        assertThat(phone.locator("h1")).hasText("Reminders");
        assertThat(phone.locator("main")).containsText("Reminders are off");
        phone.locator("#channel-in-app").check();
        phone.locator("#quiet-start").fill("22:00");
        phone.locator("#quiet-end").fill("07:00");
        phone.locator("#save-reminders").click();

        assertThat(phone.locator("#reminder-saved")).isVisible();
        Locator dose = phone.locator("#upcoming-reminders li[data-kind=DOSE]").first();
        assertThat(dose).containsText("Prophylaxis dose");
        assertThat(dose).containsText("19:00");
        assertThat(dose).containsText("In the app");
        assertThat(dose.locator("a.reminder-link"))
                .hasAttribute("href", java.util.regex.Pattern.compile("/diary\\?patient="));
        assertThat(phone.locator("#quiet-start")).hasValue("22:00");
        assertThat(phone.locator("#channel-in-app")).isChecked();
        // offered where the browser has Web Push (the script ran)
        assertThat(phone.locator("#push-setup")).isVisible();
        Object overflow = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(overflow)
                .as("no sideways scrolling at 360 px")
                .isEqualTo(false);
        screenshot(phone, "reminders-phone");
        // no stock was delivered: the forecast says low, and the reminder opens the home stock
        phone.locator("#upcoming-reminders li[data-kind=LOW_STOCK] a").first().click();
        assertThat(phone.locator("article.stock")).isVisible();
        phone.navigate("/reminders");

        phone.locator("#quiet-start").fill("22:00");
        phone.locator("#quiet-end").fill("22:00");
        phone.locator("#save-reminders").click();
        assertThat(phone.locator("#reminder-error")).containsText("Quiet hours end");

        Page wide = signIn(patient.username(), DESKTOP_WIDTH);
        wide.navigate("/reminders");
        assertThat(wide.locator("#upcoming-reminders li[data-kind=DOSE]").first())
                .containsText("19:00");
        screenshot(wide, "reminders-desktop");

        TestClock.get().reset();
        Page desk = signIn(clinician.username(), DESKTOP_WIDTH);
        desk.navigate("/patients/" + patient.patientId());
        desk.locator("#record-reminders").click();
        assertThat(desk.locator("h1")).containsText("Idris Fenwick");
        assertThat(desk.locator("#upcoming-reminders li[data-kind=DOSE]").first())
                .containsText("19:00");
        assertThat(desk.locator("#completeness")).containsText("Doses logged");
        screenshot(desk, "reminders-centre-desktop");
    }
}
