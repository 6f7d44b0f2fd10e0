package org.hemonet.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.diary.internal.PhotoFixtures;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.SignIn;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Secure messaging as people use it (issue 16): a parent of two writes about one child on a phone with a photo, sees
 * the out-of-hours banner, and later the team's answer and the read receipt; a nurse answers from the team inbox,
 * assigns the thread and marks it done; a clinician of another centre gets the 404 page. Screenshots at 360 and 1280 px
 * go to {@code target/screenshots/messaging-*}.
 */
class MessagingBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    JdbcClient jdbc;

    TestNetwork.Site site;
    TestNetwork.Staff nurse;
    TestNetwork.Staff otherClinician;
    PatientAccounts.Created leo;
    PatientAccounts.Created mia;
    String parent;

    @BeforeEach
    void aFamilyWithTwoChildren() {
        TestNetwork network = TestNetwork.in(context);
        site = network.centre("Inbox");
        nurse = site.staff(Role.NURSE);
        otherClinician = network.centre("Far").staff(Role.CLINICIAN);
        leo = site.patient("Lenny", "Marsh");
        mia = site.patient("Mia", "Marsh");
        parent = "parent-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(
                parent,
                "Jo Marsh",
                Role.PATIENT,
                SignIn.DEMO_PASSWORD,
                Set.of(),
                Map.of(leo.patientId(), "GUARDIAN", mia.patientId(), "GUARDIAN"),
                null));
    }

    @Test
    void aParentSendsAPhotoAboutOneChildANurseAnswersFromTheTeamInboxAndAnotherCentreCannotOpenIt() {
        // the parent, on a phone
        Page phone = signIn(parent, PHONE_WIDTH);
        phone.locator("#main-nav").getByText("Messages").click();
        assertThat(phone.locator(".out-of-hours").innerText())
                .contains("For a bleed now, call — do not message.", "999");
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New message"))
                .click();
        assertThat(phone.locator(".out-of-hours").innerText()).contains(site.name(), "24-hour line");
        phone.getByLabel("Who is this about?").selectOption(mia.patientId().toString());
        phone.getByLabel("Subject").fill("Swollen elbow");
        phone.getByLabel("Message").fill("Mia's elbow is swollen since lunch. Photo attached.");
        phone.locator("#file")
                .setInputFiles(new FilePayload("elbow.jpg", "image/jpeg", PhotoFixtures.jpegWithMetadata(6)));
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        phone.waitForURL("**/messages/threads/*");
        String threadPath = phone.url().replaceAll("^https?://[^/]+", "").replaceAll("[?#].*$", "");
        assertThat(phone.locator("h1").innerText()).isEqualTo("Swollen elbow");
        assertThat(phone.locator(".thread-meta").innerText()).contains("About Mia Marsh");
        assertThat(phone.locator("ol.conversation img").count()).isEqualTo(1);
        assertThat(phone.locator("ol.conversation").innerText()).contains("Not read yet");
        assertFits(phone);
        screenshot(phone, "messaging-parent-sent-360");
        phone.locator("#file")
                .setInputFiles(new FilePayload(
                        "letter.pdf", "application/pdf", "not a PDF at all".getBytes(StandardCharsets.UTF_8)));
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        assertThat(phone.locator("[role=alert]").innerText())
                .as("judged by content, not by name")
                .contains("That file was not added: send a photo (JPEG or PNG) or a PDF.");
        assertThat(phone.locator("ol.conversation > li").count()).isEqualTo(2);
        UUID threadId = UUID.fromString(threadPath.substring(threadPath.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select patient_id from message.thread where id = :id")
                        .param("id", threadId)
                        .query(UUID.class)
                        .single())
                .as("the thread is about the child chosen")
                .isEqualTo(mia.patientId());

        // the nurse, from the team inbox
        Page desk = signIn(nurse.username(), DESKTOP_WIDTH);
        assertThat(desk.locator("#main-nav a[href='/messages'] .unread-count").innerText())
                .as("the text and the photo are two messages")
                .isEqualTo("2");
        desk.locator("#main-nav").getByText("Team inbox").click();
        assertThat(desk.locator(".thread-list").innerText()).contains("Swollen elbow", "Mia Marsh", "2 new");
        screenshot(desk, "messaging-team-inbox-1280");
        desk.getByText("Swollen elbow").click();
        desk.waitForURL("**" + threadPath);
        assertThat(desk.locator("ol.conversation img").count()).isEqualTo(1);
        desk.getByLabel("Reply").fill("Please hold ice on it and come to clinic at 2pm today.");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
        desk.waitForURL("**" + threadPath + "?sent*");
        desk.getByLabel("Assign to").selectOption(nurse.accountId().toString());
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save assignment"))
                .click();
        assertThat(desk.locator(".thread-meta").innerText()).contains("Assigned to");
        screenshot(desk, "messaging-nurse-thread-1280");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark done"))
                .click();
        desk.waitForURL("**/messages?done");
        assertThat(desk.locator(".thread-list").count())
                .as("no open thread left")
                .isZero();
        desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Done"))
                .click();
        assertThat(desk.locator(".thread-list").innerText()).contains("Swollen elbow");

        // the parent sees the answer and that the team read the message (one browser at a time: sign in again)
        phone = signIn(parent, PHONE_WIDTH);
        phone.navigate("/messages");
        assertThat(phone.locator(".thread-list").innerText()).contains("Swollen elbow", "1 new");
        phone.getByText("Swollen elbow").click();
        assertThat(phone.locator("ol.conversation").innerText())
                .contains("Please hold ice on it and come to clinic at 2pm today.", "Read by the team at");
        assertFits(phone);
        screenshot(phone, "messaging-parent-reply-360");
        Page wide = signIn(parent, DESKTOP_WIDTH);
        wide.navigate(threadPath);
        screenshot(wide, "messaging-parent-thread-1280");

        // a clinician of another centre: the same 404 page as an unknown thread
        Page stranger = signIn(otherClinician.username(), PHONE_WIDTH);
        Response refused = stranger.navigate(threadPath);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(stranger.content()).doesNotContain("Swollen elbow", "Marsh");
        String refusedText = stranger.locator("main").innerText();
        Response unknown = stranger.navigate("/messages/threads/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(stranger.locator("main").innerText()).isEqualTo(refusedText);
        stranger.navigate("/messages");
        assertThat(stranger.content()).doesNotContain("Swollen elbow");
    }

    private static void assertFits(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("no sideways scroll").isLessThanOrEqualTo(0);
    }
}
