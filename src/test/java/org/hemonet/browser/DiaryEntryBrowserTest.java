package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.hemonet.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 6 on a 360 px phone: the patient logs today's prophylaxis dose with one tap, corrects it, logs a bleed with a
 * photo; the clinician of the centre adds a note to the bleed and the patient reads it under the entry.
 */
class DiaryEntryBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    UUID tom() {
        return jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
    }

    static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xf3, 0xd9, 0xc4));
        g.fillRect(0, 0, 120, 90);
        g.setColor(new Color(0x7d, 0x2a, 0x5a));
        g.fillOval(35, 25, 50, 38);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void patientLogsTheScheduledDoseWithOneTapCorrectsItAndAddsAPhotoAndReadsTheClinicianNote() throws IOException {
        Page page = signIn("patient.tom", PHONE_WIDTH);
        page.locator("#diary-link").click();
        Locator oneTap = page.locator("#one-tap-dose");
        assertThat(oneTap).isVisible();
        assertThat(oneTap).containsText("Log today's dose:");
        assertThat(oneTap).containsText(" IU ");
        assertThat(oneTap).containsText("batch ");
        screenshot(page, "diaryentry-one-tap-phone");

        oneTap.click();
        assertThat(page.locator("[role=status]")).containsText("Today's dose is saved");
        Locator newest = page.locator("#infusion-list > li").first();
        assertThat(newest).containsText("Prophylaxis");
        assertThat(page.locator(".one-tap-status")).containsText("already logged");

        // the dose was 500 IU more than planned: correct it, with a reason
        newest.locator(".edit-link").click();
        assertThat(page.locator("h1")).containsText("Correct an infusion");
        String planned = page.locator("#doseIu").inputValue();
        int corrected = Integer.parseInt(planned) + 500;
        page.locator("#doseIu").fill(String.valueOf(corrected));
        page.locator("#correctionReason").fill("Gave one more vial");
        screenshot(page, "diaryentry-correct-infusion-phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator("[role=status]")).containsText("Correction saved");
        newest = page.locator("#infusion-list > li").first();
        assertThat(newest).containsText(corrected + " IU");
        assertThat(newest).containsText("corrected");

        // a bleed with a photo from the phone's camera
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log a bleed"))
                .click();
        page.locator(".body-map .site[data-site=RIGHT_ANKLE]").click();
        page.locator("#cause").selectOption("TRAUMATIC");
        page.locator("#photo").setInputFiles(new FilePayload("ankle.png", "image/png", photo()));
        assertThat(page.locator(".body-map .site[data-site=RIGHT_ANKLE]")).hasAttribute("aria-pressed", "true");
        screenshot(page, "diaryentry-bleed-with-photo-phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator("[role=status]")).containsText("Bleed saved");
        Locator withPhoto = page.locator("#bleed-list > li")
                .filter(new Locator.FilterOptions().setHas(page.locator("img.thumb")))
                .first();
        assertThat(withPhoto).containsText("Right ankle");
        assertThat(withPhoto.locator("img.thumb")).hasJSProperty("naturalWidth", 120);
        String bleedEntry = withPhoto.getAttribute("id");
        screenshot(page, "diaryentry-list-phone");

        // the clinician of Tom's centre reads the diary and adds a note to that bleed
        Page clinician = signIn("clinician.north", DESKTOP_WIDTH);
        clinician.navigate("/diary?patient=" + tom());
        Locator entry = clinician.locator("#" + bleedEntry);
        assertThat(entry.locator("img.thumb")).isVisible();
        entry.locator("input[name=text]").fill("Rest it and use ice; call us if it still swells tomorrow.");
        entry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add note"))
                .click();
        assertThat(clinician.locator("[role=status]")).containsText("Note added");
        assertThat(clinician.locator("#" + bleedEntry + " .annotations")).containsText("call us if it still swells");
        screenshot(clinician, "diaryentry-clinician-desktop");

        Page patient = signIn("patient.tom", PHONE_WIDTH);
        patient.locator("#diary-link").click();
        Locator annotated = patient.locator("#" + bleedEntry + " .annotations");
        assertThat(annotated).containsText("Note from Dr "); // the clinician's name, not the login name
        assertThat(annotated).containsText("Rest it and use ice");
        assertThat(patient.locator("#" + bleedEntry + " form.annotate")).hasCount(0);
        screenshot(patient, "diaryentry-note-seen-phone");

        Page desktop = signIn("patient.tom", DESKTOP_WIDTH);
        desktop.locator("#diary-link").click();
        screenshot(desktop, "diaryentry-list-desktop");
    }
}
