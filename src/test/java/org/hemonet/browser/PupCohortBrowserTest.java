package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A haematologist on a phone (360 px) records on a child's record that he was previously untreated, and finds him in
 * the PUP cohort page's FVIII figures: one PUP followed, no inhibitor, 0 % by ED 20 with him still followed, and ED 50
 * and 150 not reached yet. Nothing scrolls sideways.
 */
class PupCohortBrowserTest extends BrowserTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry patients;

    @Autowired
    JdbcClient jdbc;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    private static void fitsThePhone(Page page) {
        Object scroll = page.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) scroll).intValue())
                .as("sideways scrolling on " + page.url())
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }

    @Test
    void aClinicianMarksAChildPreviouslyUntreatedAndSeesTheCohortOnAPhone() {
        LocalDate today = LocalDate.now(LONDON);
        TestNetwork.Site site = TestNetwork.in(context).centre("PUP browser");
        TestNetwork.Staff clinician = site.staff(Role.CLINICIAN);
        UUID child = UUID.randomUUID();
        patients.register(new NewPatient(
                child,
                site.centreId(),
                "Noah",
                "Firstdose",
                today.minusMonths(13),
                Sex.MALE,
                null,
                null,
                null,
                DiagnosisType.HEMOPHILIA_A,
                null,
                false,
                new BigDecimal("0.5"),
                today.minusMonths(12),
                new BigDecimal("9.5"),
                today.minusMonths(1),
                List.of(),
                null));
        DemoProducts demo = jdbc.sql(
                        """
                        select p.id, b.batch_number from product.product p
                        join product.batch b on b.product_id = p.id
                        where p.product_class like 'FVIII%' and p.unit = 'IU' order by p.brand_name, b.batch_number limit 1
                        """)
                .query((rs, n) -> new DemoProducts(rs.getObject("id", UUID.class), rs.getString("batch_number")))
                .single();
        ApiClient api = new ApiClient(port).signIn(clinician.username());
        for (int day = 24; day >= 1; day--) { // 24 exposure days, one a day until yesterday
            String at =
                    today.minusDays(day).atTime(8, 0).atZone(LONDON).toInstant().toString();
            HttpResponse<String> logged = api.postJson(
                    "/api/v1/patients/" + child + "/infusions",
                    """
                    {"administeredAt": "%s", "productId": "%s", "batchNumber": "%s", "doseIu": 250, "reason": "PROPHYLAXIS"}"""
                            .formatted(at, demo.productId(), demo.batchNumber()));
            assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        }

        Page page = signIn(clinician.username(), PHONE_WIDTH);
        page.navigate("/patients/" + child);
        assertThat(page.locator("#treatment-history")).containsText("Not recorded");
        page.getByLabel("Previously untreated when first seen?").selectOption("true");
        page.getByLabel("Why is the record corrected?").fill("first seen at diagnosis, never treated");
        page.getByRole(AriaRole.BUTTON, named("Save correction")).click();
        assertThat(page.locator("#treatment-history")).containsText("Yes");
        assertThat(page.locator("#history")).containsText("first seen at diagnosis, never treated");
        assertThat(page.getByLabel("Exposure days before joining")).hasValue("0");
        fitsThePhone(page);
        screenshot(page, "pup-record-phone");
        for (String card : List.of("inhibitors", "correct")) {
            page.locator("#" + card)
                    .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                            .setPath(java.nio.file.Paths.get("target", "screenshots", "pup-record-" + card + ".png")));
        }

        page.navigate("/");
        page.getByRole(AriaRole.BUTTON, named("Menu")).click();
        page.getByRole(AriaRole.LINK, named("PUP cohorts")).click();
        assertThat(page.locator("h1")).hasText("Previously untreated patients: new inhibitors");
        var fviii = page.locator("#pups-FVIII");
        assertThat(fviii.locator("dl")).containsText("PUPs followed");
        assertThat(fviii.locator("dd").first()).hasText("1");
        assertThat(fviii.locator("dd").nth(1)).hasText("0");
        assertThat(fviii.locator("tbody tr").nth(0)).containsText("ED 20");
        assertThat(fviii.locator("tbody tr").nth(0)).containsText("0.0 %");
        assertThat(fviii.locator("tbody tr").nth(0).locator("td").nth(1)).hasText("1");
        assertThat(fviii.locator("tbody tr").nth(1).locator("td").nth(0)).hasText("–");
        assertThat(page.locator("#pups-FIX dd").first()).hasText("0");
        fitsThePhone(page);
        screenshot(page, "pup-cohorts-phone");
    }
}
