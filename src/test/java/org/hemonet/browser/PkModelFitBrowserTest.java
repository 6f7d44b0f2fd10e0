package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20 on the PK study page: a patient on a concentrate without a validated model sees no estimate and is told why;
 * the plasma-derived FIX model (Brekkan 2016, newly mapped) gives an individual estimate, band and regimens. Reads only.
 */
class PkModelFitBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    /** A haemophilia B patient of the north centre whose active plan is on nonacog alfa (no validated model). */
    private UUID patientOnNonacog() {
        return jdbc.sql(
                        """
                        select p.id from patient.patient p
                        join supply.treatment_plan t on t.patient_id = p.id
                        join product.product pr on pr.id = t.product_id
                        where pr.generic_name = 'nonacog alfa' and t.voided_at is null and t.valid_to is null
                          and p.centre_id in (select c.centre_id from identity.account_centre c
                                              join identity.account a on a.id = c.account_id
                                              where a.username = 'clinician.north')
                        order by p.id limit 1""")
                .query(UUID.class)
                .single();
    }

    @Test
    void aProductWithoutAModelShowsNoEstimateAndBrekkanEstimatesPlasmaDerivedFix() {
        UUID patient = patientOnNonacog();
        Page phone = signIn("clinician.north", PHONE_WIDTH);
        phone.navigate("/patients/" + patient + "/pk");
        assertThat(phone.locator("#no-pk-model")).containsText("No validated PK model for this product");
        assertThat(phone.locator("#no-pk-model")).containsText("nonacog alfa");
        assertThat(phone.locator("canvas#pk-chart")).hasCount(0);
        phone.locator("#pk-models summary").click();
        assertThat(phone.locator("#pk-models")).containsText("human coagulation factor IX (plasma-derived)");
        assertThat(phone.locator("#pk-models")).containsText("Not fully verified");
        screenshot(phone, "pk-no-model-phone");

        Page page = signIn("clinician.north", DESKTOP_WIDTH);
        page.navigate("/patients/" + patient + "/pk");
        page.locator("#model").selectOption("fix-brekkan-2016");
        page.locator("#weightKg").fill("70");
        page.locator("details.typed summary").click();
        String day = LocalDate.now().minusDays(3).toString();
        page.locator("#doseAt").fill(day + "T09:00");
        page.locator("#doseIu").fill("3500");
        page.locator("#sampleAt0").fill(day + "T09:30");
        page.locator("#sampleLevel0").fill("50");
        page.locator("#sampleAt1").fill(LocalDate.now().minusDays(2) + "T09:00");
        page.locator("#sampleLevel1").fill("14");
        page.locator("#sampleAt2").fill(LocalDate.now().minusDays(1) + "T09:00");
        page.locator("#sampleLevel2").fill("7");
        page.getByText("Estimate", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("h2").nth(1)).hasText("Individual estimate");
        double hours = Double.parseDouble(page.locator(".half-life").innerText().replace(" h", ""));
        assertThat(hours).isBetween(10.0, 60.0);
        assertThat(page.locator("table.regimens tbody tr")).hasCount(3);
        assertThat(page.locator("canvas#pk-chart")).isVisible();
        page.waitForTimeout(300);
        screenshot(page, "pk-brekkan-desktop");
    }
}
