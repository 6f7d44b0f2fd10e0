package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The further measures, the rate funnel and the service measures on the centres page (issue 18), at desktop and phone
 * width: a centre of 8 patients, each infused in 2025 (8 treatment-years), two of them with a reported adverse event
 * in 2025 → 25.00 per 100 treatment-years, seen as computed by the centre's own clinician.
 */
class CentreMeasuresBrowserTest extends BrowserTest {

    private static final int YEAR = 2025;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClinicianSeesTheFurtherMeasuresTheRateFunnelAndTheServiceMeasures() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Rate Tarn");
        for (int i = 0; i < 8; i++) {
            UUID p = site.patient("R" + i, "Tarn").patientId();
            infused(p);
            if (i < 2) {
                adverseEvent(p, site.centreId());
            }
        }
        Page page = signIn(site.staff(Role.CLINICIAN).username(), DESKTOP_WIDTH);
        page.navigate("/reports/centres?year=" + YEAR);
        assertThat(page.locator("h1")).hasText("Centres compared, " + YEAR);
        assertThat(page.locator("table.centres-care tr", new Page.LocatorOptions().setHasText(site.name())))
                .containsText("25.00");
        assertThat(page.locator("table.service-table tr", new Page.LocatorOptions().setHasText(site.name())))
                .containsText("8");
        page.getByLabel("Funnel plot measure")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Adverse events"))
                .click();
        assertThat(page.getByLabel("Funnel plot measure").locator("a[aria-current=page]"))
                .hasText("Adverse events");
        assertThat(page.locator("svg.funnel-chart")).containsText("Treatment-years at the centre");
        assertThat(page.locator("table.funnel-table tr", new Page.LocatorOptions().setHasText(site.name())))
                .containsText("25.00");
        assertThat(page.locator("figure.funnel figcaption")).containsText("Poisson");
        screenshot(page, "centres-measures-desktop");

        Page phone = signIn(site.staff(Role.CLINICIAN).username(), PHONE_WIDTH);
        phone.navigate("/reports/centres?year=" + YEAR + "&measure=adverseEventsPer100TreatmentYears#service");
        assertThat(phone.locator("table.service-table")).isVisible();
        screenshot(phone, "centres-measures-phone");
        org.assertj.core.api.Assertions.assertThat(
                        ((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling on a phone")
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }

    private void infused(UUID patient) {
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, dose, unit, reason,
                            recorded_by)
                        values (:id, :p, timestamptz '2025-03-10 09:00Z', :product, 1000, 'IU', 'PROPHYLAXIS',
                            'measures-browser-test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("product", UUID.randomUUID())
                .update();
    }

    private void adverseEvent(UUID patient, UUID centre) {
        jdbc.sql(
                        """
                        insert into safety.adverse_event (id, patient_id, centre_id, category, onset_on, serious, outcome,
                            status, source, reporter, reporter_role, created_at, updated_at, updated_by)
                        values (:id, :p, :c, 'ACUTE_REACTION', :onset, false, 'RECOVERED', 'REPORTED', 'STAFF',
                            'measures-browser-test', 'CLINICIAN', now(), now(), 'measures-browser-test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("c", centre)
                .param("onset", LocalDate.of(YEAR, 6, 1))
                .update();
    }
}
