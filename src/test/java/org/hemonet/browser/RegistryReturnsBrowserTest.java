package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import org.hemonet.identity.Role;
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
 * Issue 15: a clinician opens "Registry returns" from the navigation, chooses last year and their centre, and downloads
 * the national annual return and the WBDR file; each holds the centre's one patient (registered, haemophilia A without
 * a baseline level: not classified; data-sharing consent given).
 */
class RegistryReturnsBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClinicianDownloadsTheCentresReturnsFromThePage() throws Exception {
        TestNetwork.Site site = TestNetwork.in(context).centre("Returned");
        TestNetwork.Staff clinician = site.staff(Role.CLINICIAN);
        PatientAccounts.Created patient = site.patient("Rhys", "Returned");
        LocalDate today = LocalDate.now(TestClock.get());
        org.assertj.core.api.Assertions.assertThat(new ApiClient(port)
                        .signIn(clinician.username())
                        .postJson(
                                "/api/v1/patients/" + patient.patientId() + "/consents",
                                "{\"kind\":\"DATA_SHARING\",\"given\":true,\"recordedOn\":\"%s\"}".formatted(today))
                        .statusCode())
                .isEqualTo(201);
        String code = jdbc.sql("select code from centre.centre where id = :id")
                .param("id", site.centreId())
                .query(String.class)
                .single();
        int lastYear = today.getYear() - 1;

        Page page = signIn(clinician.username(), DESKTOP_WIDTH);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registry returns"))
                .first()
                .click();
        assertThat(page.locator("h1")).hasText("Registry returns");
        assertThat(page.locator("#returns-exact")).isVisible();
        assertThat(page.locator("#year")).hasValue(Integer.toString(lastYear));
        page.locator("#centreId").selectOption(site.centreId().toString());
        screenshot(page, "registry-returns-desktop");

        Download national = page.waitForDownload(() -> page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Download the national annual return (CSV)"))
                .click());
        org.assertj.core.api.Assertions.assertThat(national.suggestedFilename())
                .isEqualTo("national-annual-return-" + lastYear + ".csv");
        String csv = Files.readString(national.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(csv)
                .startsWith(
                        "year,centre_code,centre,table,diagnosis,category,product_id,product,product_class,unit,value")
                .contains(lastYear + "," + code + "," + site.name()
                        + ",registered_by_severity,HEMOPHILIA_A,NOT_CLASSIFIED,,,,,1\r\n")
                .doesNotContain("Rhys");

        Download wbdr = page.waitForDownload(() -> page.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download the WBDR file (CSV)"))
                .click());
        String rows = Files.readString(wbdr.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(rows.split("\r\n"))
                .hasSize(2)
                .satisfies(lines -> org.assertj.core.api.Assertions.assertThat(lines[1])
                        .matches("[0-9a-f]{32}," + lastYear + "," + code + ",1990,MALE,HEMOPHILIA_A,.*"));
        org.assertj.core.api.Assertions.assertThat(rows)
                .doesNotContain("Rhys")
                .doesNotContain(patient.patientId().toString());

        Page phone = signIn(site.staff(Role.NURSE).username(), PHONE_WIDTH);
        phone.navigate("/returns");
        assertThat(phone.locator("h1")).hasText("Registry returns");
        screenshot(phone, "registry-returns-phone");
        org.assertj.core.api.Assertions.assertThat(
                        ((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling on a phone")
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }
}
