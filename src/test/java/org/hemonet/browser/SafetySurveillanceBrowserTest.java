package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 13 in the browser, at 360 px and 1280 px without sideways scrolling on the phone: the network administrator
 * adds a product from the products page and withdraws it; the analyst sees a signal on the safety dashboard (a product
 * of the test's own with 3 acute reactions in 1 treatment-year, interval 618.7–8767.3 per 1000 TY, above its class's
 * 500 = 3 events in 6 TY) and the quarterly return under disclosure control; a nurse opens the serious event with a
 * batch number and starts the batch recall, which opens pre-filled for that product and batch. Data five years back, in
 * the fibrinogen class that no other test treats in that year.
 */
class SafetySurveillanceBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext applicationContext;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    private static void fitsThePhone(Page page) {
        Object scroll = page.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) scroll).intValue())
                .as("sideways scrolling on " + page.url())
                .isLessThanOrEqualTo(PHONE_WIDTH);
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void adminMaintainsTheCatalogueAnalystSeesASignalAndTheReturnAndANurseStartsTheRecall() {
        int year = LocalDate.now().getYear() - 5;
        String suffix = UUID.randomUUID().toString().substring(0, 5);
        ApiClient admin = new ApiClient(port).signIn("admin");
        String product =
                """
                {"genericName": "human fibrinogen", "brandName": "%s", "manufacturer": "Test",
                 "productClass": "FIBRINOGEN_CONCENTRATE", "unit": "MG", "vialSizes": [1000, 2000], "listPricePerUnit": 0.4}""";
        String signalled = "Fibrosig " + suffix;
        String c = id(admin.postJson("/api/v1/products", product.formatted(signalled)));
        String d = id(admin.postJson("/api/v1/products", product.formatted("Fibroquiet " + suffix)));
        assertThat(admin.postJson(
                                "/api/v1/products/" + c + "/batches",
                                "{\"batchNumber\": \"FS-%s\", \"expiresOn\": \"%s\", \"vials\": 100, \"unitsPerVial\": 1000, \"receivedOn\": \"%d-01-10\"}"
                                        .formatted(suffix, LocalDate.now().plusYears(1), year))
                        .statusCode())
                .isEqualTo(201);

        TestNetwork.Site site = TestNetwork.in(applicationContext).centre("Browser Safety");
        ApiClient nurseApi = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        String infusion =
                "{\"administeredAt\": \"%d-05-01T09:00:00Z\", \"productId\": \"%s\", \"doseMg\": 2000, \"reason\": \"PROPHYLAXIS\"}";
        UUID first = site.patient("Zed", "Signal").patientId();
        id(nurseApi.postJson("/api/v1/patients/" + first + "/infusions", infusion.formatted(year, c)));
        String serious = null;
        for (int i = 0; i < 3; i++) {
            serious = id(nurseApi.postJson(
                    "/api/v1/adverse-events",
                    """
                    {"patientId": "%s", "category": "ACUTE_REACTION", "onsetOn": "%d-05-0%d", "productId": "%s",
                     "batchNumber": "FS-%s", "serious": true, "outcome": "RECOVERED", "narrative": "Rigors", "status": "REPORTED"}"""
                            .formatted(first, year, i + 1, c, suffix)));
        }
        for (String name : List.of("Ava", "Bo", "Cy", "Di", "Ed")) {
            UUID p = site.patient(name, "Quiet").patientId();
            id(nurseApi.postJson("/api/v1/patients/" + p + "/infusions", infusion.formatted(year, d)));
        }

        // the administrator adds a product from the page, then withdraws it
        for (int width : new int[] {DESKTOP_WIDTH, PHONE_WIDTH}) {
            String brand = "Pagefactor " + suffix + width;
            Page page = signIn("admin", width);
            page.navigate("/products");
            page.getByLabel("Brand", new Page.GetByLabelOptions().setExact(true))
                    .fill(brand);
            page.getByLabel("Generic name").fill("testocog epsilon");
            page.getByLabel("Manufacturer").fill("Browser Pharma");
            page.getByLabel("Class", new Page.GetByLabelOptions().setExact(true))
                    .selectOption("FVIII_RECOMBINANT_STANDARD");
            page.getByLabel("Unit", new Page.GetByLabelOptions().setExact(true)).selectOption("IU");
            page.getByLabel("Vial sizes").fill("500, 1000");
            page.getByLabel("List price per unit (GBP)").fill("0.55");
            page.getByLabel("PK model (optional, must be fitted on this molecule)")
                    .fill("fix-brekkan-2016");
            page.getByRole(AriaRole.BUTTON, named("Add product")).click();
            assertThat(page.locator("#product-error")).containsText("PK model");
            assertThat(page.getByLabel("Brand", new Page.GetByLabelOptions().setExact(true)))
                    .hasValue(brand);
            screenshot(page, "product-add-error-" + width);
            page.getByLabel("PK model (optional, must be fitted on this molecule)")
                    .fill("");
            page.getByRole(AriaRole.BUTTON, named("Add product")).click();
            assertThat(page.locator("#product-done")).containsText("added");
            Locator row = page.locator("table.products tr", new Page.LocatorOptions().setHasText(brand));
            assertThat(row).containsText("Active");
            page.getByRole(AriaRole.LINK, named("Withdraw a product")).click();
            page.getByLabel("Product", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new com.microsoft.playwright.options.SelectOption()
                            .setLabel(brand + " (testocog epsilon)"));
            page.getByLabel("Why is it withdrawn?").fill("Licence lapsed");
            screenshot(page, "product-withdraw-" + width);
            page.getByRole(AriaRole.BUTTON, named("Withdraw product")).click();
            assertThat(page.locator("#product-done")).containsText("withdrawn");
            assertThat(page.locator("table.products tr", new Page.LocatorOptions().setHasText(brand)))
                    .containsText("Withdrawn");
            if (width == PHONE_WIDTH) {
                fitsThePhone(page);
            }
            screenshot(page, "products-" + width);
        }

        // the analyst: the signal on the dashboard, and the quarterly return
        for (int width : new int[] {DESKTOP_WIDTH, PHONE_WIDTH}) {
            Page page = signIn("analyst", width);
            page.navigate("/safety/rates?from=" + year + "&to=" + year + "&category=ACUTE_REACTION");
            Locator signal = page.locator("#signals li", new Page.LocatorOptions().setHasText(signalled));
            assertThat(signal).containsText("Allergic or other acute reaction");
            assertThat(signal).containsText("3000.0 per 1000 TY (95 % CI 618.7–8767.3; 3 events in 1 TY)");
            assertThat(signal).containsText("500.0 per 1000 TY");
            assertThat(page.locator("#class-rates")).containsText("Fibrinogen concentrate");
            assertThat(page.locator("body")).not().containsText("Rigors");
            screenshot(page, "safety-dashboard-signal-" + width);
            if (width == PHONE_WIDTH) {
                fitsThePhone(page);
            }

            page.navigate("/safety/returns");
            page.locator("#year").fill(Integer.toString(year));
            page.locator("#quarter").selectOption("2");
            page.getByRole(AriaRole.BUTTON, named("Show")).click();
            assertThat(page.locator("#disclosure-note")).isVisible();
            Locator centre =
                    page.locator("article.centre-return", new Page.LocatorOptions().setHasText("Browser Safety"));
            assertThat(centre.locator("table.centre-events tr", new Locator.LocatorOptions().setHasText(signalled)))
                    .containsText("*");
            assertThat(page.locator("body")).not().containsText("Zed");
            assertThat(page.locator("#returns-empty")).containsText("Nothing to return");
            screenshot(page, "safety-returns-" + width);
            if (width == PHONE_WIDTH) {
                fitsThePhone(page);
            }
        }

        // the nurse: the serious event offers the recall, which opens pre-filled
        for (int width : new int[] {DESKTOP_WIDTH, PHONE_WIDTH}) {
            Page page = signIn(site.staff(Role.NURSE).username(), width);
            page.navigate("/safety/adverse-events/" + serious);
            assertThat(page.locator("#recall-offer")).containsText("FS-" + suffix);
            screenshot(page, "event-recall-offer-" + width);
            if (width == PHONE_WIDTH) {
                fitsThePhone(page);
            }
            page.getByRole(AriaRole.LINK, named("Start a batch recall")).click();
            assertThat(page.locator("#raise-recall")).isVisible();
            assertThat(page.locator("#recall-prefilled")).isVisible();
            assertThat(page.locator("#productId")).hasValue(c);
            assertThat(page.locator("#batchNumbers")).hasValue("FS-" + suffix);
            assertThat(page.locator("#reason")).containsText("Serious adverse event");
            screenshot(page, "recall-prefilled-" + width);
            if (width == PHONE_WIDTH) {
                fitsThePhone(page);
            }
        }
    }
}
