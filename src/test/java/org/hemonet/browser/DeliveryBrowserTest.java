package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.UUID;
import org.hemonet.supply.HomeStock;
import org.hemonet.supply.StockLine;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A nurse orders a delivery, schedules it on the centre's delivery list, and the courier sees it on a phone — name,
 * address, window and items, no diagnosis — and marks it delivered: the patient's home stock goes up. The nurse also
 * plans an operation and sees the plan history.
 */
class DeliveryBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HomeStock homeStock;

    /** Demo North patient 13 by id (not Tom): this test's own; patients other tests register do not shift it. */
    private UUID patient() {
        return jdbc.sql(
                        """
                        select p.id from patient.patient p
                        where p.centre_id = (select centre_id from patient.patient where given_name = 'Tom'
                                             and family_name = 'Bradley')
                          and not (p.given_name = 'Tom' and p.family_name = 'Bradley')
                          and p.created_at = (select min(created_at) from patient.patient)
                        order by p.id offset 13 limit 1
                        """)
                .query(UUID.class)
                .single();
    }

    private String nameOf(UUID id) {
        return jdbc.sql("select given_name || ' ' || family_name from patient.patient where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private long octaviaVials(UUID patient) {
        return homeStock.stockOf(patient).items().stream()
                .filter(line -> line.unit().name().equals("IU"))
                .mapToLong(StockLine::vials)
                .sum();
    }

    private Page signInCourier(int width) {
        Page page = newPage(width);
        page.navigate("/login");
        page.getByLabel("Username").fill("courier");
        page.getByLabel("Password").fill(SignIn.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url -> !url.endsWith("/login"));
        if (page.url().contains("/login/second-factor")) {
            page.getByLabel("Code").fill(SignIn.totpCode());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                    .click();
        }
        page.waitForURL("**/provider/deliveries**");
        return page;
    }

    @Test
    void nurseSchedulesADeliveryAndTheCourierDeliversItOnAPhoneWithoutClinicalData() {
        UUID patient = patient();
        String name = nameOf(patient);
        Page nurse = signIn("nurse.north", DESKTOP_WIDTH);
        nurse.navigate("/patients/" + patient + "/treatment");
        nurse.getByLabel("Product").selectOption(new SelectOption().setLabel("Octavia (octocog alfa)"));
        nurse.getByLabel("Dose per kg (IU/kg, or mg/kg for emicizumab)").fill("30");
        nurse.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prescribe"))
                .click();
        assertThat(nurse.locator(".notice").first()).containsText("The new regimen is saved.");

        nurse.getByLabel("Number of vials").fill("8");
        nurse.getByLabel("Delivery window").selectOption(new SelectOption().setLabel("Order only (schedule later)"));
        nurse.getByLabel("Delivery address").fill("4 Orchard Close\nBolton BL1 4XX");
        nurse.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book delivery"))
                .click();
        assertThat(nurse.locator("ul.deliveries")).containsText("Ordered");

        nurse.getByLabel("Operation", new Page.GetByLabelOptions().setExact(true))
                .fill("Left ankle arthrodesis");
        nurse.getByLabel("Day of the operation")
                .fill(java.time.LocalDate.now().plusDays(21).toString());
        nurse.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make surgery plan"))
                .click();
        assertThat(nurse.locator(".plans-surgery-days").first()).containsText("Before the operation");
        assertThat(nurse.locator(".plans-history")).containsText("In force or to come");
        screenshot(nurse, "plans-treatment-desktop");

        nurse.navigate("/deliveries?status=ORDERED");
        Locator card = nurse.locator(".plans-delivery").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(card).hasCount(1);
        card.getByLabel("Date").fill(java.time.LocalDate.now().toString());
        card.getByLabel("Window").selectOption("EARLY");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Schedule"))
                .click();
        assertThat(nurse.locator(".notice").first()).containsText("Saved.");
        nurse.navigate("/deliveries");
        // the patient may have other deliveries (the demo's, or another test's): this one is the 8 vials of Octavia
        assertThat(nurse.locator(".plans-delivery")
                        .filter(new Locator.FilterOptions().setHasText(name))
                        .filter(new Locator.FilterOptions().setHasText("8 × Octavia")))
                .containsText("Scheduled");
        screenshot(nurse, "plans-centre-deliveries-desktop");

        long before = octaviaVials(patient);
        Page courier = signInCourier(PHONE_WIDTH);
        Locator mine = courier.locator(".provider-delivery")
                .filter(new Locator.FilterOptions().setHasText(name))
                .filter(new Locator.FilterOptions().setHasText("8 × Octavia"));
        assertThat(mine).hasCount(1);
        assertThat(mine).containsText("4 Orchard Close");
        assertThat(mine).containsText("early slot");
        assertThat(mine).containsText("8 × Octavia");
        // the page content (the footer names the network, "haemophilia and bleeding disorder care")
        String body = courier.locator("ul.plans-delivery-list").innerText().toLowerCase();
        assertThat(body)
                .doesNotContain("haemophilia", "hemophilia", "severe", "moderate", "inhibitor", "diagnosis", "batch");
        screenshot(courier, "plans-provider-phone");
        mine.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Delivered").setExact(true))
                .click();
        assertThat(courier.locator(".notice").first()).containsText("Saved. Thank you.");
        // this delivery (the patient may hold others, delivered by other tests): the card with this address
        assertThat(courier.locator(".provider-delivery")
                        .filter(new Locator.FilterOptions().setHasText(name))
                        .filter(new Locator.FilterOptions().setHasText("4 Orchard Close")))
                .containsText("Delivered");
        assertThat(octaviaVials(patient) - before).isEqualTo(8);

        courier.navigate("/patients/" + patient + "/treatment");
        assertThat(courier.locator("body")).not().containsText(name);
    }

    @Test
    void screenshotsAtPhoneAndDesktopWidths() {
        Page nurse = signIn("nurse.north", PHONE_WIDTH);
        nurse.navigate("/deliveries");
        assertThat(nurse.locator("h1")).hasText("Home deliveries");
        screenshot(nurse, "plans-centre-deliveries-phone");
        nurse.navigate("/patients/" + patient() + "/treatment");
        screenshot(nurse, "plans-treatment-phone");
        Page courier = signInCourier(DESKTOP_WIDTH);
        assertThat(courier.locator("h1")).containsText("Deliveries on");
        screenshot(courier, "plans-provider-desktop");
    }
}
