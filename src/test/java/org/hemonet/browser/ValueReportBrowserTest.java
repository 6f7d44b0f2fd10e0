package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.hemonet.support.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 value reports: the network analyst opens them from the navigation on a desktop, switches to per-capita
 * figures by region, reads them and downloads the CSV; the page also works on a phone.
 */
class ValueReportBrowserTest extends BrowserTest {

    @Test
    void analystOpensValueReportSwitchesToPerCapitaByRegionAndDownloadsTheFigures() throws IOException {
        Page page = signIn("analyst", DESKTOP_WIDTH);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Value reports").setExact(true))
                .first()
                .click();
        assertThat(page.locator("h1")).hasText("Value reports");
        assertThat(page.locator("table.value-table")).containsText("Network total");
        assertThat(page.locator(".value-bars li").first()).isVisible();

        page.locator("#groupBy").selectOption("region");
        page.locator("#period").selectOption("year");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                .click();
        assertThat(page.locator("table.value-table thead")).containsText("Region");
        assertThat(page.locator("table.value-table")).containsText("North West");
        screenshot(page, "value-report-by-region-desktop");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Per capita"))
                .click();
        assertThat(page.locator("table.per-capita")).containsText("North West");
        assertThat(page.locator("table.per-capita")).containsText("FVIII");
        assertThat(page.locator("table.per-capita")).containsText("FIX");
        assertThat(page.locator("table.per-capita")).containsText("7,520,000");
        assertThat(page.locator(".value-footnote")).containsText("fewer than 8 patients");
        screenshot(page, "value-report-per-capita-desktop");

        Download download = page.waitForDownload(
                () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download CSV"))
                        .click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(csv)
                .startsWith("region,year,factor,patients,iu,population,population_year,iu_per_capita")
                .contains("North West")
                .contains("Network");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("By regimen"))
                .click();
        assertThat(page.locator("table.regimens")).containsText("Prophylaxis, factor concentrate");
        assertThat(page.locator("table.overlap")).isVisible();
        screenshot(page, "value-report-regimens-desktop");
    }

    @Test
    void valueReportFitsAPhone() {
        Page page = signIn("commissioner", PHONE_WIDTH);
        page.navigate("/reports/value");
        assertThat(page.locator("h1")).hasText("Value reports");
        screenshot(page, "value-report-phone");
        org.assertj.core.api.Assertions.assertThat(
                        ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                .as("page width: no horizontal page scroll")
                .isLessThanOrEqualTo(PHONE_WIDTH);
        page.navigate("/reports/value?view=per-capita");
        assertThat(page.locator("table.per-capita")).containsText("FVIII");
        screenshot(page, "value-report-per-capita-phone");
    }
}
