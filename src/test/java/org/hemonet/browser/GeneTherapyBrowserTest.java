package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 21: a nurse records a FIX gene therapy on the patient's page, enters an ALT result of twice the baseline on the
 * laboratory page, sees the ALT_RISE alert at once and on the centre's gene therapy list; the clinician acknowledges
 * it. Screenshots of the new pages at 360 px and desktop width.
 */
class GeneTherapyBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    @Autowired
    ProductCatalogue catalogue;

    @Test
    void aNurseRecordsAGeneTherapyAndALabResultAndTheAlertIsOnTheCentresList() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Gene browser");
        String nurse = site.staff(Role.NURSE).username();
        UUID patient = UUID.randomUUID();
        registry.register(new NewPatient(
                patient,
                site.centreId(),
                "Gwen",
                "Vector",
                LocalDate.of(1980, 4, 1),
                Sex.MALE,
                null,
                null,
                null,
                DiagnosisType.HEMOPHILIA_B,
                null,
                false,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null));
        var genovix = catalogue.products().stream()
                .filter(p -> p.brandName().equals("Genovix"))
                .findFirst()
                .orElseThrow();
        String batch = catalogue.batches(genovix.id()).get(0).batchNumber();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

        Page page = signIn(nurse, DESKTOP_WIDTH);
        page.navigate("/patients/" + patient);
        page.locator("#record-gene-therapy").click();
        page.locator("#productId").selectOption(genovix.id().toString());
        page.locator("#batchNumber").fill(batch);
        page.locator("#infusedOn").fill(today.minusDays(14).toString());
        page.locator("#doseVgPerKg").fill("2e13");
        page.locator("#aavAntibodies").selectOption("NEGATIVE");
        page.locator("#baselineAlt").fill("25");
        page.locator("#liverHealth").selectOption("NORMAL");
        page.locator("#inhibitorHistory").selectOption("NEVER");
        page.locator("#gt-save").click();
        assertThat(page.locator("#gt-summary")).containsText("Genovix");
        assertThat(page.locator("#gt-next")).containsText("Next due");
        assertThat(page.locator("#gt-report-event"))
                .hasAttribute(
                        "href",
                        "/patients/" + patient + "/adverse-events/new?product=" + genovix.id() + "&batch=" + batch);
        screenshot(page, "gene-therapy-patient-desktop");

        page.locator("#gt-lab-link").click();
        page.locator("#analyte").selectOption("ALT");
        page.locator("#value").fill("50");
        page.locator("#unit").fill("U/L");
        page.locator("#sampledOn").fill(today.toString());
        page.locator("#lab-save").click();
        assertThat(page.locator("#lab-recorded")).containsText("ALT rise");
        page.locator("#analyte").selectOption("FIX_ACTIVITY");
        page.locator("#method").selectOption("ONE_STAGE");
        page.locator("#value").fill("12");
        page.locator("#unit").fill("IU/dL");
        page.locator("#sampledOn").fill(today.minusDays(7).toString());
        page.locator("#lab-save").click();
        page.locator("#value").fill("31");
        page.locator("#sampledOn").fill(today.toString());
        page.locator("#lab-save").click();
        assertThat(page.locator("#lab-FIX_ACTIVITY")).isVisible();
        assertThat(page.locator(".lab-chart svg")).hasCount(1);
        screenshot(page, "lab-results-desktop");

        page.navigate("/gene-therapy");
        var row = page.locator("#gt-centre-list li[data-patient='" + patient + "']");
        assertThat(row).containsText("Gwen Vector");
        assertThat(row.locator(".gt-alert")).containsText("ALT rise");
        screenshot(page, "gene-therapy-centre-desktop");

        // the same pages on a phone
        Page phone = signIn(site.staff(Role.CLINICIAN).username(), PHONE_WIDTH);
        phone.navigate("/gene-therapy");
        assertThat(phone.locator("#gt-centre-list li[data-patient='" + patient + "'] .gt-alert"))
                .containsText("ALT rise");
        assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(phone, "gene-therapy-centre-phone");
        phone.navigate("/patients/" + patient + "/gene-therapy");
        assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(phone, "gene-therapy-patient-phone");
        phone.locator(".gt-acknowledge").first().click();
        assertThat(phone.locator("#gt-alerts")).containsText("Acknowledged by");
        phone.navigate("/patients/" + patient + "/lab-results");
        assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(phone, "lab-results-phone");
        phone.navigate("/gene-therapy");
        assertThat(phone.locator("#gt-centre-list li[data-patient='" + patient + "'] .gt-alert"))
                .hasCount(0);
    }
}
