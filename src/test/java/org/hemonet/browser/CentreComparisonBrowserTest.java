package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hemonet.support.BleedYears;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18: the commissioner opens the centres compared from the navigation, picks a year in which this test's centre
 * (12 patients, 4 of them with no bleed) kept diaries (2021, earlier than the diaries other tests write on the test
 * clock; open diaries count in every later year, so other tests' earlier centres are in 2021 too, and "Funnel Wold" is
 * the one hidden beside a lone small one), reads the table and the funnel plot, switches the funnel to diary coverage
 * and downloads the CSV, in which no count outside the network total lies between 1 and 7.
 */
class CentreComparisonBrowserTest extends BrowserTest {

    private static final int YEAR = 2021;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void commissionerComparesCentresSwitchesTheFunnelAndDownloadsADisclosureControlledCsv() throws IOException {
        TestNetwork network = TestNetwork.in(context);
        TestNetwork.Site site = network.centre("Funnel Vale");
        // not the centre hidden beside another test's small one (secondary suppression takes the smallest shown)
        BleedYears.smallestShownCentre(network, jdbc, "Funnel Wold", YEAR, "centres-browser-test");
        int[] episodes = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 5, 8};
        for (int i = 0; i < episodes.length; i++) {
            withEpisodes(site.patient("F" + i, "Vale").patientId(), episodes[i]);
        }

        Page page = signIn("commissioner", DESKTOP_WIDTH);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Centres compared"))
                .first()
                .click();
        assertThat(page.locator("h1")).containsText("Centres compared");
        page.locator("#year").fill(Integer.toString(YEAR));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                .click();
        assertThat(page.locator("h1")).hasText("Centres compared, " + YEAR);
        // 12 patients rounded to 10 for the commissioner; ABR median of 0,0,0,0,1,1,2,2,3,3,5,8 = 1.50
        Locator vale = page.locator("table.centres-table tr", new Page.LocatorOptions().setHasText("Funnel Vale"));
        assertThat(vale).containsText("10");
        assertThat(vale).containsText("1.50");
        assertThat(page.locator("svg.funnel-chart .dot")).not().hasCount(0);
        assertThat(page.locator("table.funnel-table")).containsText("Funnel Vale");
        screenshot(page, "centres-compared-desktop");

        page.getByLabel("Funnel plot measure")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Diary kept"))
                .click();
        assertThat(page.getByLabel("Funnel plot measure").locator("a[aria-current=page]"))
                .hasText("Diary kept");
        assertThat(page).hasURL(Pattern.compile(".*year=" + YEAR + ".*measure=withDiaryProportion.*"));
        // every one of the centre's patients kept a diary: 1.000
        assertThat(page.locator("table.funnel-table tr", new Page.LocatorOptions().setHasText("Funnel Vale")))
                .containsText("1.000");

        Download download = page.waitForDownload(
                () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download CSV"))
                        .click());
        List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(lines.get(0)).startsWith("centre,year,patients,with_diary");
        org.assertj.core.api.Assertions.assertThat(lines)
                .anyMatch(l -> l.startsWith("Funnel Vale") && l.contains("," + YEAR + ",10,10,1.50,"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (line.startsWith("Network") || cells.length < 9) {
                continue; // the exact network row and the footnote
            }
            org.assertj.core.api.Assertions.assertThat(List.of(cells[2], cells[3]))
                    .as(line)
                    .allSatisfy(
                            c -> org.assertj.core.api.Assertions.assertThat(c).doesNotMatch("[1-7]"));
        }

        // the centre's annual report, generated in the background, then downloaded
        page.locator("#annualCentre")
                .selectOption(new com.microsoft.playwright.options.SelectOption()
                        .setLabel(page.locator(
                                        "#annualCentre option", new Page.LocatorOptions().setHasText("Funnel Vale"))
                                .textContent()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate PDF"))
                .click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the PDF")))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(60_000));
        screenshot(page, "annual-report-ready-desktop");
        Download pdf = page.waitForDownload(
                () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the PDF"))
                        .click());
        org.assertj.core.api.Assertions.assertThat(
                        new String(Files.readAllBytes(pdf.path()), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        Page phone = signIn("commissioner", PHONE_WIDTH);
        phone.navigate("/reports/centres?year=" + YEAR);
        assertThat(phone.locator("svg.funnel-chart")).isVisible();
        screenshot(phone, "centres-compared-phone");
        org.assertj.core.api.Assertions.assertThat(
                        ((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling on a phone")
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }

    private void withEpisodes(UUID patient, int episodes) {
        BleedYears.write(jdbc, patient, YEAR, episodes, "centres-browser-test");
    }
}
