package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.hemonet.identity.Role;
import org.hemonet.pathway.AnnualReviewFixtures;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17: a nurse opens a patient's annual review, pre-filled with the year's figures; a physiotherapist (on a
 * phone) and a clinician add their parts; the clinician records a shared decision, completes and signs the review and
 * downloads the clinic letter, whose text (parsed from the PDF) carries the ABR and the HJHS comparison.
 */
class AnnualReviewBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    @Autowired
    JdbcClient jdbc;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void aNurseAPhysiotherapistAndAClinicianCompleteTheReviewAndTheLetterCarriesTheFigures() throws Exception {
        TestNetwork.Site site = TestNetwork.in(context).centre("Annual");
        PatientAccounts.Created patient = site.patient("Owen", "Annual");
        ZoneId zone = registry.zoneOf(patient.patientId()).orElseThrow();
        LocalDate today = LocalDate.now(TestClock.get().withZone(zone));
        AnnualReviewFixtures.diary(jdbc, patient.patientId(), zone, today);
        TestNetwork.Staff physio = site.staff(Role.PHYSIO);
        AnnualReviewFixtures.jointScores(new ApiClient(port).signIn(physio.username()), patient.patientId(), today);
        String abr = AnnualReviewFixtures.abr(AnnualReviewFixtures.BLEEDS_THIS_YEAR, (int)
                        ChronoUnit.DAYS.between(today.minusYears(1), today))
                .toPlainString();

        // the nurse opens the review from the patient's record
        Page nurse = signIn(site.staff(Role.NURSE).username(), DESKTOP_WIDTH);
        nurse.navigate("/patients/" + patient.patientId());
        nurse.locator("#record-annual-reviews").click();
        assertThat(nurse.locator("h1")).hasText("Annual reviews");
        assertThat(nurse.locator("#review-next")).hasText("No annual review is recorded: one is due now.");
        nurse.getByLabel("GP (copy of the letter)").fill("Dr A Patel, Riverside Surgery");
        nurse.locator("#open-review").click();
        assertThat(nurse.locator(".notice[role=status]")).hasText("The review is open with the past year's figures.");
        assertThat(nurse.locator("#abr")).hasText(abr);
        assertThat(nurse.locator("#hjhs-latest")).hasText(String.valueOf(AnnualReviewFixtures.HJHS_NOW));
        assertThat(nurse.locator("#hjhs-change")).containsText("Previously " + AnnualReviewFixtures.HJHS_BEFORE);
        assertThat(nurse.locator("svg.abr-trend rect.bar")).not().hasCount(0);
        String reviewUrl = nurse.url().replaceAll("\\?.*", "");
        nurse.getByLabel("Your assessment").fill("Confident home infusions; two missed doses in August.");
        nurse.getByLabel("Your part of the care plan").fill("Stock check every month by phone.");
        nurse.locator("#save-nursing").click();
        assertThat(nurse.locator(".notice[role=status]")).hasText("Your part is saved.");
        assertThat(nurse.locator("#part-nursing")).containsText("two missed doses in August");
        screenshot(nurse, "annual-review-desktop");

        // the physiotherapist, on a phone, adds the physiotherapy part
        Page phone = signIn(physio.username(), PHONE_WIDTH);
        phone.navigate(reviewUrl);
        assertThat(phone.locator("#hjhs-latest")).hasText(String.valueOf(AnnualReviewFixtures.HJHS_NOW));
        assertThat(phone.locator("#part-nursing")).containsText("two missed doses in August");
        phone.getByLabel("Your assessment").fill("Left knee swelling down since last year; gait better.");
        phone.getByLabel("Your part of the care plan").fill("Quadriceps strengthening twice a week.");
        phone.locator("#save-physiotherapy").click();
        assertThat(phone.locator(".notice[role=status]")).hasText("Your part is saved.");
        assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(phone, "annual-review-phone");

        // the clinician finds the patient on the centre's list of reviews due, writes, records a decision and signs
        Page clinician = signIn(site.staff(Role.CLINICIAN).username(), DESKTOP_WIDTH);
        clinician.locator("#annual-reviews-due-link").click();
        assertThat(clinician.locator("h1")).hasText("Annual reviews due");
        clinician.getByRole(AriaRole.LINK, named("Show every patient")).click();
        assertThat(clinician.locator("tr[data-patient='" + patient.patientId() + "']"))
                .containsText("In progress");
        screenshot(clinician, "annual-reviews-due-desktop");
        clinician.getByRole(AriaRole.LINK, named("Owen Annual")).click();
        clinician.locator("#continue-review").click();
        clinician.getByLabel("Your assessment").fill("Good control on prophylaxis; no inhibitor.");
        clinician.getByLabel("Your part of the care plan").fill("Continue prophylaxis; PK study at the next visit.");
        clinician.locator("#save-haematology").click();
        assertThat(clinician.locator(".notice[role=status]")).hasText("Your part is saved.");

        clinician.locator("#record-decision").click();
        assertThat(clinician.locator("h1")).hasText("Shared decisions");
        clinician.getByLabel("What changes in the plan").fill("Factor VIII prophylaxis to emicizumab");
        clinician.getByLabel("Options discussed").fill("Stay on factor three times a week; emicizumab weekly");
        clinician.getByLabel("What matters to the patient").fill("Fewer injections before work");
        clinician.getByLabel("The patient's choice").fill("Emicizumab every week");
        clinician.getByLabel("Who agreed").fill("Owen and the clinician");
        screenshot(clinician, "shared-decision-form-desktop");
        clinician.locator("#save-decision").click();
        assertThat(clinician.locator(".notice[role=status]")).hasText("The decision is recorded.");
        assertThat(clinician.locator("#decisions")).containsText("Fewer injections before work");

        clinician.locator("#complete-review").click();
        assertThat(clinician.locator(".notice[role=status]"))
                .hasText("The review is completed and signed. The clinic letter is ready.");
        assertThat(clinician.locator("#review-status")).hasText("Completed and signed");
        assertThat(clinician.locator("form textarea")).hasCount(0);
        Download download =
                clinician.waitForDownload(() -> clinician.locator("#letter-pdf").click());
        byte[] pdf = Files.readAllBytes(download.path());
        // kept for people to look at, beside the screenshots
        Files.createDirectories(java.nio.file.Paths.get("target", "screenshots"));
        Files.write(java.nio.file.Paths.get("target", "screenshots", "clinic-letter.pdf"), pdf);
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(extractor.getTextFromPage(p)).append(' ');
        }
        String letter = text.toString().replaceAll("\\s+", " ");
        assertThat(letter)
                .contains("Owen Annual", "Dr A Patel, Riverside Surgery")
                .contains("Annualised bleeding rate (ABR): " + abr)
                .contains("HJHS total " + AnnualReviewFixtures.HJHS_NOW + " of 124")
                .contains("Previously " + AnnualReviewFixtures.HJHS_BEFORE + " on")
                .contains("Quadriceps strengthening twice a week.", "Stock check every month by phone.")
                .contains("Emicizumab every week", "Signed by")
                .doesNotContain("DRAFT");

        // the decision shows on the patient's record
        clinician.navigate("/patients/" + patient.patientId());
        assertThat(clinician.locator("#shared-decisions-summary"))
                .containsText("Factor VIII prophylaxis to emicizumab");

        Page physioPhone = signIn(physio.username(), PHONE_WIDTH);
        physioPhone.navigate("/annual-reviews/due?all=true");
        assertThat((Integer) physioPhone.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(physioPhone, "annual-reviews-due-phone");
        physioPhone.navigate("/patients/" + patient.patientId() + "/shared-decisions");
        assertThat((Integer) physioPhone.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(physioPhone, "shared-decisions-phone");
        physioPhone.navigate("/patients/" + patient.patientId() + "/annual-reviews");
        screenshot(physioPhone, "annual-reviews-list-phone");
    }
}
