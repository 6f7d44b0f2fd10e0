package org.hemonet.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.hemonet.demo.DemoDiaryHistory.Persona;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.support.BrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A generated demo diary history in the browser (docs/demo.md), on patients of this test's own: the patient's
 * outcomes page shows a year of bleeds and adherence, and the North nurse's attention list shows the personas. Full-page
 * screenshots at 360 and 1280 px go to target/screenshots (demo-history-*).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDiaryBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientRegistry patients;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    TreatmentPlans plans;

    @Autowired
    DemoDiaryLoader loader;

    Map<Persona, DemoDiaryFixture.Patient> fixture;

    @BeforeAll
    void generateHistory() {
        fixture = DemoDiaryFixture.create(
                jdbc, patients, accounts, plans, loader, "Historytest", LocalDate.now(ZoneId.of("Europe/London")));
    }

    @Test
    void aPatientWithHistorySeesTheirYearOnMyOutcomes() {
        String username = fixture.get(Persona.NEW_TARGET_JOINT).username();
        for (int width : new int[] {PHONE_WIDTH, DESKTOP_WIDTH}) {
            Page page = signIn(username, width);
            page.navigate("/my-outcomes");
            assertThat(page.locator("h1")).isVisible();
            assertThat(page.locator("main")).not().containsText("nothing ever logged");
            assertThat(page.locator("main")).containsText("%");
            screenshot(page, "demo-history-my-outcomes-" + width);
        }
    }

    @Test
    void theNorthNurseSeesThePersonasOnTheAttentionList() {
        for (int width : new int[] {PHONE_WIDTH, DESKTOP_WIDTH}) {
            Page page = signIn("nurse.north", width);
            page.navigate("/attention");
            assertThat(page.locator("h1")).hasText("Patients needing attention");
            for (Persona persona :
                    new Persona[] {Persona.NEW_TARGET_JOINT, Persona.SILENT, Persona.RISING_ABR, Persona.POOR_ADHERENCE
                    }) {
                assertThat(page.locator(".attention-row[data-patient='"
                                + fixture.get(persona).id() + "']"))
                        .isVisible();
            }
            screenshot(page, "demo-history-attention-" + width);
            page.navigate("/patients/" + fixture.get(Persona.NEW_TARGET_JOINT).id() + "/diary-review");
            assertThat(page.locator("main")).containsText("target joint");
            screenshot(page, "demo-history-diary-review-" + width);
        }
    }
}
