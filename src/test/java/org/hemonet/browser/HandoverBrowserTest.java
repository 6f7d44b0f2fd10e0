package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 17: the paediatric nurse hands a 17-year-old over to the adult centre from the record's transition card; the
 * adult centre's clinician finds the patient in the centre's list and opens the record; the paediatric team still
 * opens the hand-over, not the record.
 */
class HandoverBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    @Test
    void aSeventeenYearOldIsHandedOverAndTheAdultCentreSeesTheRecord() {
        TestNetwork.Site paediatric = TestNetwork.in(context).centre("Children's");
        TestNetwork.Site adult = TestNetwork.in(context).centre("Adults'");
        UUID patient = UUID.randomUUID();
        LocalDate today = LocalDate.now(TestClock.get());
        registry.register(new NewPatient(
                patient,
                paediatric.centreId(),
                "Kai",
                "Transfer",
                today.minusYears(17).minusMonths(3),
                Sex.MALE,
                null,
                null,
                null,
                DiagnosisType.HEMOPHILIA_A,
                null,
                false,
                new BigDecimal("0.5"),
                today.minusYears(5),
                null,
                null,
                List.of(),
                null));
        String nurse = paediatric.staff(Role.NURSE).username();

        Page page = signIn(nurse, PHONE_WIDTH);
        page.navigate("/patients/" + patient);
        assertThat(page.locator("#transition")).containsText("Transfer");
        page.locator("#record-handover").click();
        assertThat(page.locator("h1")).hasText("Hand over to adult care");
        page.getByLabel("Adult centre").selectOption(adult.centreId().toString());
        page.getByLabel("Summary for the adult team").fill("Severe haemophilia A on prophylaxis; self-infuses.");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "handover-form-phone");
        page.locator("#hand-over").click();
        assertThat(page.locator(".notice[role=status]")).hasText("The record is now at " + adult.name() + ".");
        assertThat(page.locator("#read-access")).containsText("you can read this hand-over until");
        assertThat(page.locator("#handover-summary")).hasText("Severe haemophilia A on prophylaxis; self-infuses.");
        screenshot(page, "handover-phone");
        String handoverUrl = page.url().replaceAll("\\?.*", "");
        // the record has left the paediatric centre's transition report
        page.navigate("/transition-report");
        assertThat(page.locator("tr[data-patient='" + patient + "']")).hasCount(0);
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "transition-report-phone");
        // the paediatric team no longer opens the record itself
        var gone = page.navigate("/patients/" + patient);
        assertThat(gone.status()).isEqualTo(404);

        Page adultPage = signIn(adult.staff(Role.CLINICIAN).username(), DESKTOP_WIDTH);
        assertThat(adultPage.locator("#patient-table")).containsText("Transfer, Kai");
        adultPage.getByText("Transfer, Kai").click();
        assertThat(adultPage.locator("h1")).hasText("Transfer, Kai");
        assertThat(adultPage.locator(".page-head")).containsText(adult.name());
        adultPage.navigate(handoverUrl);
        assertThat(adultPage.locator("#handover-summary"))
                .hasText("Severe haemophilia A on prophylaxis; self-infuses.");
        screenshot(adultPage, "handover-desktop");
        adultPage.navigate("/");
        adultPage.locator("#home-transition-report").click();
        assertThat(adultPage.locator("h1")).hasText("Transition to adult care");
        assertThat(adultPage.locator("tr[data-patient='" + patient + "']")).containsText("Handed over");
        screenshot(adultPage, "transition-report-desktop");
    }
}
