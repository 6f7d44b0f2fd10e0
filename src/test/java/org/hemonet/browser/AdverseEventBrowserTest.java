package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hemonet.identity.Role;
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
 * Adverse events in the browser (issue 13): a haematologist of a centre of the test's own reports an event for their
 * patient from the patient record, picking the batch from one of the patient's infusions, submits it and finds it in
 * the centre's list; the patient says "something went wrong" from the diary and the draft reaches the staff list to
 * triage. Every page is photographed at 360 px and 1280 px and must not scroll sideways on the phone.
 */
class AdverseEventBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext applicationContext;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    private static void fitsThePhone(Page page) {
        Object scroll = page.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) scroll).intValue())
                .as("sideways scrolling on " + page.url())
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }

    private UUID infusion(ApiClient api, UUID patient, Instant at, DemoProducts demo) {
        HttpResponse<String> logged = api.postJson(
                "/api/v1/patients/" + patient + "/infusions",
                """
                {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": 2000, "reason": "PROPHYLAXIS"}"""
                        .formatted(at, demo.productId(), demo.batchNumber()));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        return UUID.fromString(logged.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1"));
    }

    @Test
    void aHaematologistReportsFromTheRecordAndAPatientsDraftReachesTheList() {
        TestNetwork.Site site = TestNetwork.in(applicationContext).centre("AeBrowser");
        TestNetwork.Staff clinician = site.staff(Role.CLINICIAN);
        PatientAccounts.Created patient = site.patient("Nia", "Browser");
        DemoProducts demo = DemoProducts.factorConcentrate(jdbc);
        ApiClient api = new ApiClient(port).signIn(clinician.username());
        Instant now = TestClock.get().instant();
        UUID older = infusion(api, patient.patientId(), now.minus(Duration.ofDays(9)), demo);
        UUID recent = infusion(api, patient.patientId(), now.minus(Duration.ofDays(2)), demo);

        // the haematologist, on a desktop: record → adverse events → report, the batch from the recent infusion
        Page page = signIn(clinician.username(), DESKTOP_WIDTH);
        page.navigate("/patients/" + patient.patientId());
        page.locator("#record-adverse-events").click();
        assertThat(page.locator("h1")).hasText("Adverse events: Nia Browser");
        page.getByRole(AriaRole.LINK, named("Report an adverse event")).click();
        assertThat(page.locator("h1")).hasText("Report an adverse event");
        page.getByLabel("What happened").selectOption("ACUTE_REACTION");
        page.locator("input[name=infusionId][value='" + recent + "']").check();
        page.getByLabel("Outcome").selectOption("RECOVERED");
        page.locator("input[name=serious][value=true]").check();
        page.getByLabel("Narrative")
                .fill("Urticaria and wheeze 20 minutes into the infusion; settled with antihistamine.");
        screenshot(page, "safety-report-form-1280");
        page.getByRole(AriaRole.BUTTON, named("Submit report")).click();
        assertThat(page.locator("#notice")).containsText("Report submitted");
        assertThat(page.locator("#event-status")).hasText("Reported");
        assertThat(page.locator("#event-batch")).hasText(demo.batchNumber());
        screenshot(page, "safety-report-detail-1280");
        String reportUrl = page.url().replaceAll("\\?.*", "");

        page.getByRole(AriaRole.LINK, named("Adverse events").setExact(true))
                .first()
                .click();
        assertThat(page.locator(".ae-list")).containsText("Browser, Nia");
        assertThat(page.locator(".ae-list")).containsText("Allergic or other acute reaction");
        screenshot(page, "safety-list-1280");

        // the patient, on a phone: diary → "something went wrong" on the older infusion → a draft
        Page phone = signIn(patient.username(), PHONE_WIDTH);
        phone.navigate("/diary?patient=" + patient.patientId());
        phone.locator("#entry-" + older + " .something-wrong a").click();
        assertThat(phone.locator("h1")).hasText("Something went wrong after an infusion");
        assertThat(phone.locator("#the-infusion")).containsText("batch " + demo.batchNumber());
        fitsThePhone(phone);
        phone.getByText("A reaction soon after the infusion").click();
        phone.getByLabel("Tell your team what happened").fill("Itchy rash on my arms the evening after.");
        screenshot(phone, "safety-patient-form-360");
        phone.getByRole(AriaRole.BUTTON, named("Send to my centre team")).click();
        assertThat(phone.locator("#sent")).containsText("Your centre team will look at what you sent");
        screenshot(phone, "safety-patient-sent-360");

        // the haematologist, on a phone: the draft is first, to triage
        Page staffPhone = signIn(clinician.username(), PHONE_WIDTH);
        staffPhone.navigate("/safety/adverse-events");
        assertThat(staffPhone.locator("#triage")).hasText("To triage (1)");
        assertThat(staffPhone.locator(".ae-list").first()).containsText("From the patient or family");
        assertThat(staffPhone.locator(".ae-list").first()).containsText("Browser, Nia");
        fitsThePhone(staffPhone);
        screenshot(staffPhone, "safety-list-360");
        staffPhone.locator(".ae-list").first().locator("a.ae-what").first().click();
        assertThat(staffPhone.locator("#event-status")).hasText("Draft");
        assertThat(staffPhone.locator("#event-batch")).hasText(demo.batchNumber());
        fitsThePhone(staffPhone);
        screenshot(staffPhone, "safety-triage-360");

        staffPhone.navigate(reportUrl);
        fitsThePhone(staffPhone);
        screenshot(staffPhone, "safety-report-detail-360");
        staffPhone.navigate("/patients/" + patient.patientId() + "/adverse-events/new");
        fitsThePhone(staffPhone);
        screenshot(staffPhone, "safety-report-form-360");
        staffPhone.navigate("/safety/rates");
        assertThat(staffPhone.locator("h1")).hasText("Safety rates per 1000 treatment-years");
        fitsThePhone(staffPhone);
        screenshot(staffPhone, "safety-rates-360");
        Page analyst = signIn("analyst", DESKTOP_WIDTH);
        analyst.getByRole(AriaRole.LINK, named("Safety rates")).click();
        assertThat(analyst.locator("h1")).hasText("Safety rates per 1000 treatment-years");
        screenshot(analyst, "safety-rates-1280");
    }
}
