package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.PatientAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5, done when: a network analyst issues a recall on a desktop and sees the affected patients (as pseudonyms,
 * by centre); the affected patient signs in on a phone, sees the safety message and acknowledges it; the recall page
 * shows the acknowledgement, and the centre acknowledges from it.
 */
class RecallAcknowledgementBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    PatientRegistry patients;

    @Autowired
    AccountAdministration accounts;

    @Test
    void analystIssuesARecallThePatientAcknowledgesOnAPhoneAndTheRecallShowsIt() {
        UUID octavia = jdbc.sql("select id from product.product where brand_name = 'Octavia'")
                .query(UUID.class)
                .single();
        // East: no other test counts its patients
        UUID east = jdbc.sql(
                        """
                        select ac.centre_id from identity.account_centre ac
                        join identity.account a on a.id = ac.account_id where a.username = 'clinician.east'
                        """)
                .query(UUID.class)
                .single();
        String eastName = jdbc.sql("select name from centre.centre where id = :id")
                .param("id", east)
                .query(String.class)
                .single();
        String batch = "RAB-" + UUID.randomUUID().toString().substring(0, 8);
        catalogue.receiveBatch(octavia, batch, LocalDate.now().plusYears(2), 500, 1000, LocalDate.now(), null);
        PatientAccounts.Created patient = new PatientAccounts(patients, accounts).create(east, "Rhys", "Ambrose");
        ApiClient nurse = new ApiClient(port).signIn("clinician.east");
        var booked = nurse.postJson(
                "/api/v1/deliveries",
                """
                {"patientId":"%s","scheduledFor":"%s","window":"STANDARD",
                 "items":[{"productId":"%s","batchNumber":"%s","vials":6,"iuPerVial":1000}]}
                """
                        .formatted(patient.patientId(), LocalDate.now(), octavia, batch));
        org.assertj.core.api.Assertions.assertThat(booked.statusCode()).isEqualTo(201);
        String deliveryId = booked.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
        org.assertj.core.api.Assertions.assertThat(
                        nurse.postJson("/api/v1/deliveries/" + deliveryId + "/delivered", "{}")
                                .statusCode())
                .isEqualTo(200);

        // the analyst raises the recall on a desktop and sees the reached patient as a pseudonym at East
        Page analyst = signIn("analyst", DESKTOP_WIDTH);
        analyst.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Recalls"))
                .click();
        analyst.locator("#productId").selectOption(octavia.toString());
        analyst.locator("#batchNumbers").fill(batch);
        analyst.locator("#reason").fill("Particles seen in vials");
        analyst.locator("#level").selectOption("PATIENT");
        analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise recall"))
                .click();
        assertThat(analyst.locator("h1")).containsText(batch);
        String recallUrl = analyst.url().replaceFirst("\\?.*$", "");
        var centreCard = analyst.locator(".recall-centre", new Page.LocatorOptions().setHasText(eastName));
        assertThat(centreCard.locator("table.recall-patients")).containsText("P-");
        assertThat(centreCard.locator("table.recall-patients")).containsText("received, vials at home");
        assertThat(centreCard.locator("table.recall-patients")).containsText("Not yet");
        assertThat(analyst.locator("main")).not().containsText("Ambrose");
        assertThat(analyst.locator(".outstanding")).containsText("not acknowledged");
        screenshot(analyst, "recall-analyst-desktop");

        // the patient signs in on a phone: the unread safety message is in the navigation and the inbox
        Page phone = signIn(patient.username(), PHONE_WIDTH);
        assertThat(phone.locator(".nav .unread-count")).hasText("1");
        assertThat(phone.locator(".unread-messages")).containsText("unread message");
        screenshot(phone, "recall-home-phone");
        phone.locator(".nav a[href='/messages']").click();
        assertThat(phone.locator(".message-list")).containsText("Action needed");
        screenshot(phone, "recall-inbox-phone");
        phone.locator(".message-list a").first().click();
        assertThat(phone.locator("h1")).containsText(batch);
        assertThat(phone.locator(".message-body")).containsText("Do not use them");
        screenshot(phone, "recall-message-phone");
        phone.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("I have checked my stock and set these vials aside"))
                .click();
        assertThat(phone.locator("[role=status]")).containsText("Thank you");
        assertThat(phone.locator(".notice.acknowledged")).containsText("Rhys Ambrose");
        assertThat(phone.locator(".nav .unread-count")).hasCount(0);
        screenshot(phone, "recall-acknowledged-phone");

        // the analyst's recall page shows the acknowledgement, without a name (one browser context at a time)
        analyst = signIn("analyst", DESKTOP_WIDTH);
        analyst.navigate(recallUrl);
        centreCard = analyst.locator(".recall-centre", new Page.LocatorOptions().setHasText(eastName));
        assertThat(centreCard.locator("table.recall-patients")).containsText("by the patient or parent");
        assertThat(analyst.locator("main")).not().containsText("Ambrose");
        screenshot(analyst, "recall-analyst-acknowledged-desktop");

        // East's clinician sees who acknowledged, by name, and acknowledges for the centre
        // the centre's team inbox holds the recall message, which opens the recall page
        Page clinician = signIn("clinician.east", PHONE_WIDTH);
        // on a phone the staff navigation is folded behind "Menu", which carries the unread count
        assertThat(clinician.locator("#nav-toggle .unread-count")).isVisible();
        clinician.locator("#nav-toggle").click();
        assertThat(clinician.locator(".nav a[href='/messages'] .unread-count")).isVisible();
        clinician.locator(".nav a[href='/messages']").click();
        assertThat(clinician.locator("h1")).hasText("Team inbox");
        clinician
                .locator(".message-list a", new Page.LocatorOptions().setHasText(batch))
                .click();
        assertThat(clinician.locator(".message-body")).containsText("reaches patients of your centre");
        screenshot(clinician, "recall-team-message-phone");
        clinician
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the recall"))
                .click();
        assertThat(clinician.locator("h1")).containsText(batch);
        var own = clinician.locator(".recall-centre", new Page.LocatorOptions().setHasText(eastName));
        assertThat(own.locator("table.recall-patients")).containsText("Rhys Ambrose");
        assertThat(own.locator("table.recall-patients")).containsText("by Rhys Ambrose");
        own.getByRole(AriaRole.BUTTON).click();
        assertThat(clinician.locator("[role=status]")).containsText("acknowledged for your centre");
        assertThat(own.locator(".ack-done")).containsText("Acknowledged for the centre by");
        screenshot(clinician, "recall-clinician-phone");
    }
}
