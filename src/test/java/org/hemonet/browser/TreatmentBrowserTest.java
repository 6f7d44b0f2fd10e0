package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.hemonet.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A nurse prescribes a regimen and books a delivery; a patient sees their plan, stock and forecast. */
class TreatmentBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    /** A North patient other than Tom, whose plan this test may change without disturbing other tests. */
    private String[] northPatient() {
        return jdbc.sql(
                        """
                        select given_name, family_name from patient.patient
                        where centre_id = (select centre_id from patient.patient where given_name = 'Tom'
                                           and family_name = 'Bradley')
                          and family_name <> 'Bradley'
                          and exists (select 1 from patient.weight w where w.patient_id = patient.id)
                          and patient.created_at = (select min(created_at) from patient.patient)
                          and (select count(*) from patient.patient same where same.given_name = patient.given_name
                               and same.family_name = patient.family_name) = 1
                        order by id desc limit 1
                        """)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
    }

    @Test
    void nursePrescribesARegimenAndBooksADelivery() {
        String[] name = northPatient();
        Page page = signIn("nurse.north", DESKTOP_WIDTH);
        page.locator("#q").fill(name[0] + " " + name[1]);
        assertThat(page.locator("table.patients tbody tr")).hasCount(1);
        page.locator("table.patients tbody tr")
                .first()
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Plan"))
                .click();
        assertThat(page.locator("h1")).hasText("Treatment of " + name[0] + " " + name[1]);

        page.getByLabel("Product").selectOption(new SelectOption().setLabel("Elora (efmoroctocog alfa)"));
        page.getByLabel("Dose per kg (IU/kg, or mg/kg for emicizumab)").fill("50");
        page.getByLabel("Schedule", new Page.GetByLabelOptions().setExact(true)).selectOption("EVERY_N_DAYS");
        page.getByLabel("Every how many days or weeks").fill("4");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prescribe"))
                .click();
        assertThat(page.locator(".notice").first()).containsText("The new regimen is saved.");
        assertThat(page.locator(".card.plan")).containsText("Elora");
        assertThat(page.locator(".card.plan")).containsText("every 4 days");

        page.getByLabel("Number of vials").fill("12");
        page.getByLabel("Delivery window").selectOption("LATE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book delivery"))
                .click();
        assertThat(page.locator(".notice").first()).containsText("The delivery is booked.");
        assertThat(page.locator("ul.deliveries")).containsText("late slot");
        assertThat(page.locator("ul.deliveries")).containsText("12 × Elora");
        screenshot(page, "treatment-staff-desktop");
    }

    @Test
    void patientSeesTheirPlanStockAndForecastOnAPhone() {
        Page page = signIn("patient.tom", PHONE_WIDTH);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My treatment"))
                .click();
        assertThat(page.locator("h1")).hasText("Treatment of Tom Bradley");
        assertThat(page.locator(".card.plan")).containsText("Octavia");
        assertThat(page.locator(".card.plan")).containsText("Mon, Wed, Fri");
        assertThat(page.locator(".card.stock")).containsText("Home stock");
        assertThat(page.locator(".card.stock")).containsText("days of stock left");
        assertThat(page.locator("body")).not().containsText("Prescribe a regimen");
        screenshot(page, "treatment-patient-phone");
    }
}
