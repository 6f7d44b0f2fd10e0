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
 * Issue 20 on the PK study page: damoctocog alfa pegol (the demo's Damara) now has its own model, Solms 2020 (one
 * compartment, lean body weight and VWF antigen). A clinician picks it, enters the two covariates, a dose and three
 * levels, and gets an individual estimate with its band and regimens. Reads only (the study is previewed, not saved).
 */
class PkSolmsBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    /** A haemophilia A patient of the north centre (any: the model is picked on the page). */
    private UUID haemophiliaAPatient() {
        return jdbc.sql(
                        """
                        select p.id from patient.patient p
                        join patient.diagnosis d on d.patient_id = p.id and d.superseded_at is null
                        where d.type = 'HEMOPHILIA_A' and p.voided_at is null
                          and p.centre_id in (select c.centre_id from identity.account_centre c
                                              join identity.account a on a.id = c.account_id
                                              where a.username = 'clinician.north')
                        order by p.id limit 1""")
                .query(UUID.class)
                .single();
    }

    @Test
    void damoctocogAlfaPegolIsEstimatedWithTheSolmsModel() {
        Page page = signIn("clinician.north", DESKTOP_WIDTH);
        page.navigate("/patients/" + haemophiliaAPatient() + "/pk");
        page.locator("#pk-models summary").click();
        assertThat(page.locator("#pk-models")).containsText("damoctocog alfa pegol");

        page.locator("#model").selectOption("fviii-solms-2020");
        page.locator("#weightKg").fill("70");
        page.locator("#ageYears").fill("30");
        page.locator("#leanBodyWeightKg").fill("56.5");
        page.locator("#vwfIuPerDl").fill("110");
        page.locator("details.typed summary").click();
        String day = LocalDate.now().minusDays(3).toString();
        page.locator("#doseAt").fill(day + "T09:00");
        page.locator("#doseIu").fill("3500");
        // on the typical curve of docs/pk.md (LBW 56.5 kg, VWF 110 IU/dL): 115.5, 44.5 and 16.8 IU/dL
        page.locator("#sampleAt0").fill(day + "T09:30");
        page.locator("#sampleLevel0").fill("115.5");
        page.locator("#sampleAt1").fill(LocalDate.now().minusDays(2) + "T09:00");
        page.locator("#sampleLevel1").fill("44.5");
        page.locator("#sampleAt2").fill(LocalDate.now().minusDays(1) + "T09:00");
        page.locator("#sampleLevel2").fill("16.8");
        page.getByText("Estimate", new Page.GetByTextOptions().setExact(true)).click();

        assertThat(page.locator("h2").nth(1)).hasText("Individual estimate");
        double hours = Double.parseDouble(page.locator(".half-life").innerText().replace(" h", ""));
        assertThat(hours).isBetween(15.0, 19.5);
        assertThat(page.locator("table.regimens tbody tr")).hasCount(3);
        assertThat(page.locator("canvas#pk-chart")).isVisible();
        page.waitForTimeout(300);
        screenshot(page, "pk-solms-desktop");
    }
}
