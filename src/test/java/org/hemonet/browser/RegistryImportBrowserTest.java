package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.SignIn;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * Issue 15: a network administrator imports a centre's registry from the admin page — a file with a bad row is
 * checked and its row named by line and column, nothing stored; the corrected file imports behind a progress bar.
 */
class RegistryImportBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    PatientRegistry registry;

    @Test
    void anAdministratorChecksAFileSeesTheBadRowThenImportsTheCorrectedFile() throws Exception {
        TestNetwork.Site site = TestNetwork.in(context).centre("Onboarding");
        String admin = "t-admin-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(
                admin,
                "Onboarding Admin",
                Role.ADMIN,
                SignIn.DEMO_PASSWORD,
                Set.of(),
                Map.of(),
                SignIn.DEMO_TOTP_SECRET));
        String sample = new ClassPathResource("interchange/registry-import-sample.csv")
                .getContentAsString(StandardCharsets.UTF_8);
        String withBadRow = sample.replace("2012-09-30,MALE", "2012-09-31,MALE");

        Page page = signIn(admin, DESKTOP_WIDTH);
        page.navigate("/");
        page.locator("a[href='/imports']").click();
        assertThat(page.locator("h1")).hasText("Import a registry");
        page.locator("#centreId").selectOption(site.centreId().toString());
        page.locator("#file")
                .setInputFiles(
                        new FilePayload("registry.csv", "text/csv", withBadRow.getBytes(StandardCharsets.UTF_8)));
        page.locator("button[value='true']").click();
        assertThat(page.locator("#import-outcome")).containsText("Nothing was stored");
        assertThat(page.locator("#import-errors tbody tr")).hasCount(1);
        assertThat(page.locator("#import-errors tbody tr")).containsText("9");
        assertThat(page.locator("#import-errors tbody tr")).containsText("birth_date");
        assertThat(registry.patientsByRecordNumber(site.centreId(), List.of("H-1001")))
                .isEmpty();
        screenshot(page, "registry-import-errors-desktop");

        page.locator("a[href='/imports']").click();
        page.locator("#centreId").selectOption(site.centreId().toString());
        page.locator("#file")
                .setInputFiles(new FilePayload("registry.csv", "text/csv", sample.getBytes(StandardCharsets.UTF_8)));
        page.locator("button[value='false']").click();
        assertThat(page.locator("#import-outcome")).containsText("Imported: 10 rows, 10 stored");
        assertThat(page.locator("table.data")).containsText("Infusions");
        assertThat(registry.patientsByRecordNumber(site.centreId(), List.of("H-1001", "H-1002")))
                .hasSize(2);
        screenshot(page, "registry-import-done-desktop");
    }

    @Test
    void theImportPageFitsAPhone() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Onboarding phone");
        String clinician = site.staff(Role.CLINICIAN).username();
        Page page = signIn(clinician, PHONE_WIDTH);
        page.navigate("/imports");
        assertThat(page.locator("#centreId option:checked")).hasText(site.name());
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "registry-import-phone");
        Page nurse = signIn(site.staff(Role.NURSE).username(), PHONE_WIDTH);
        var response = nurse.navigate("/imports");
        assertThat(response.status()).isEqualTo(403);
    }
}
