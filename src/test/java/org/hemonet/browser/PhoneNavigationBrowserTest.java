package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.hemonet.support.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The top navigation on a 360 px phone and a 1280 px desktop: staff (eight items) get a "Menu" button on a phone, the
 * full list on a desktop, and the full list without JavaScript; patients (four items) always see their list.
 */
class PhoneNavigationBrowserTest extends BrowserTest {

    private static final String[] STAFF_ITEMS = {
        "Patients",
        "Needs attention",
        "Register a patient",
        "Centres",
        "Products",
        "Recalls",
        "Deliveries",
        "Team inbox"
    };

    private static Locator menuButton(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"));
    }

    private static Locator nav(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
    }

    @Test
    void onAPhoneTheStaffNavigationFoldsBehindAMenuButtonAndTheHeadingIsOnTheFirstScreen() {
        Page page = signIn("nurse.north", PHONE_WIDTH);

        assertThat(menuButton(page)).isVisible();
        assertThat(menuButton(page)).hasAttribute("aria-expanded", "false");
        assertThat(menuButton(page)).hasAttribute("aria-controls", "main-nav");
        assertThat(nav(page)).isHidden();
        BoundingBox heading = page.locator("main h1").first().boundingBox();
        // before the menu the eight items took four rows and the heading started about 300 px down
        org.assertj.core.api.Assertions.assertThat(heading.y + heading.height)
                .as("main heading bottom")
                .isLessThan(200);
        screenshot(page, "nav-nurse-north-360-closed");

        menuButton(page).click();
        assertThat(menuButton(page)).hasAttribute("aria-expanded", "true");
        for (String item : STAFF_ITEMS) {
            assertThat(nav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(item)))
                    .isVisible();
        }
        screenshot(page, "nav-nurse-north-360-open");

        nav(page)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Products"))
                .click();
        page.waitForURL("**/products");
        assertThat(nav(page)).isHidden();
        assertThat(menuButton(page)).hasAttribute("aria-expanded", "false");
    }

    @Test
    void theMenuButtonWorksWithTheKeyboard() {
        Page page = signIn("nurse.north", PHONE_WIDTH);
        menuButton(page).focus();
        page.keyboard().press("Enter");
        assertThat(nav(page)).isVisible();
        page.keyboard().press("Tab");
        assertThat(nav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Patients")))
                .isFocused();
        page.keyboard().press("Escape");
        assertThat(nav(page)).isHidden();
        assertThat(menuButton(page)).isFocused();
        page.keyboard().press(" ");
        assertThat(nav(page)).isVisible();
    }

    @Test
    void onADesktopEveryStaffItemIsVisibleWithoutTheButton() {
        Page page = signIn("nurse.north", DESKTOP_WIDTH);
        assertThat(menuButton(page)).isHidden();
        for (String item : STAFF_ITEMS) {
            assertThat(nav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(item)))
                    .isVisible();
        }
    }

    @Test
    void withoutJavaScriptThePhoneShowsTheWholeStaffNavigation() {
        Page page = signIn("nurse.north", PHONE_WIDTH, false);
        assertThat(menuButton(page)).isHidden();
        for (String item : STAFF_ITEMS) {
            assertThat(nav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(item)))
                    .isVisible();
        }
    }

    @Test
    void aPatientKeepsTheShortNavigationInViewOnAPhone() {
        Page page = signIn("patient.tom", PHONE_WIDTH);
        assertThat(menuButton(page)).hasCount(0);
        for (String item : new String[] {"My record", "Diary", "My treatment", "Messages"}) {
            assertThat(nav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(item)))
                    .isVisible();
        }
    }

    @Test
    void screenshotsOfTheNavigationForStaffAndPatients() {
        for (String user : new String[] {"clinician.north", "patient.tom"}) {
            for (int width : new int[] {PHONE_WIDTH, DESKTOP_WIDTH}) {
                Page page = signIn(user, width);
                assertThat(page.locator("main h1").first()).isInViewport();
                screenshot(page, "nav-" + user.replace('.', '-') + "-" + width);
            }
        }
    }
}
