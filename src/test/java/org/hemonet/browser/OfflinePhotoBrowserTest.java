package org.hemonet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.util.Arrays;
import java.util.List;
import org.hemonet.diary.internal.PhotoFixtures;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.PhotoMetadata;
import org.hemonet.support.BrowserTest;
import org.hemonet.support.PatientAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bleed's photo chosen while the phone is offline waits in the browser with the bleed, and is sent (without its
 * EXIF) once the bleed is synced; the patient sees it waiting, sent, or why it could not be sent, and the bleed is
 * kept either way. At most 20 MB of photos wait on the phone.
 */
class OfflinePhotoBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientRegistry patients;

    @Autowired
    AccountAdministration accounts;

    PatientAccounts.Created patient;

    @BeforeEach
    void aPatientOfEast() {
        // East: no other test counts its patients
        patient = new PatientAccounts(patients, accounts).createAtCentreOf(jdbc, "clinician.east", "Owain", "Offline");
    }

    @Test
    void aPhotoTakenOfflineWaitsWithTheBleedAndArrivesWithoutItsExifWhenThePhoneIsBackOnline() {
        Page page = bleedFormOffline();
        page.locator(".body-map .site[data-site=LEFT_ELBOW]").click();
        page.locator("#photo")
                .setInputFiles(new FilePayload("elbow.jpg", "image/jpeg", PhotoFixtures.jpegWithMetadata(6)));
        save(page);

        assertThat(page.locator("#diary-offline")).isVisible();
        assertThat(page.locator("#photo-queue")).isVisible();
        assertThat(page.locator("#photo-queue .photo-queue-item.waiting"))
                .containsText("it will be sent when you are online");
        screenshot(page, "photos-offline-waiting-phone");
        assertThat(storedPhotos()).isEmpty();

        page.context().setOffline(false);

        page.waitForURL("**/diary?patient=*");
        assertThat(page.locator("#bleed-list")).containsText("Left elbow");
        assertThat(page.locator("#photo-queue .photo-queue-item.sent")).containsText("Photo sent");
        assertThat(page.locator("#bleed-list img.thumb")).hasCount(1);
        screenshot(page, "photos-offline-sent-phone");
        List<byte[]> stored = storedPhotos();
        assertThat(stored).hasSize(1);
        byte[] photo = stored.get(0);
        for (String secret : List.of(PhotoFixtures.GPS, PhotoFixtures.SERIAL, PhotoFixtures.NAME)) {
            assertThat(PhotoFixtures.contains(photo, secret)).as(secret).isFalse();
        }
        assertThat(PhotoFixtures.indexOf(photo, PhotoMetadata.orientationExif(6)))
                .isPositive();
        assertThat(PhotoFixtures.pixels(photo)).isEqualTo(PhotoFixtures.pixels(PhotoFixtures.jpegWithMetadata(6)));

        page.locator("#photo-queue .photo-dismiss").click();
        assertThat(page.locator("#photo-queue")).isHidden();
    }

    @Test
    void aPhotoTheServerRefusesIsExplainedAndTheBleedIsKept() {
        Page page = bleedFormOffline();
        page.locator(".body-map .site[data-site=RIGHT_KNEE]").click();
        byte[] damaged = Arrays.copyOf(PhotoFixtures.jpeg(), PhotoFixtures.jpeg().length - 30);
        page.locator("#photo").setInputFiles(new FilePayload("knee.jpg", "image/jpeg", damaged));
        save(page);
        assertThat(page.locator("#photo-queue .photo-queue-item.waiting")).isVisible();

        page.context().setOffline(false);

        page.waitForURL("**/diary?patient=*");
        assertThat(page.locator("#bleed-list")).containsText("Right knee");
        assertThat(page.locator("#photo-queue .photo-queue-item.failed"))
                .containsText("The photo could not be sent: The JPEG photo is incomplete");
        assertThat(page.locator("#photo-queue .photo-queue-item.failed")).containsText("The bleed is saved");
        screenshot(page, "photos-offline-refused-phone");
        assertThat(storedPhotos()).isEmpty();
    }

    @Test
    void whenTwentyMegabytesOfPhotosWaitThePatientIsToldAndCanSaveTheBleedWithoutThePhoto() {
        Page page = bleedFormOffline();
        // photos of another record already fill the phone's 20 MB
        page.evaluate(
                """
                () => new Promise((resolve, reject) => {
                  const open = indexedDB.open("hemonet-diary", 1);
                  open.onupgradeneeded = () => open.result.createObjectStore("photos", { keyPath: "id" });
                  open.onsuccess = () => {
                    const tx = open.result.transaction("photos", "readwrite");
                    tx.objectStore("photos").put({ id: "other", patientId: "someone-else", blob: new Blob(["x"]),
                      size: 20 * 1024 * 1024 - 100, state: "waiting", queuedAt: new Date().toISOString() });
                    tx.oncomplete = () => { open.result.close(); resolve(); };
                    tx.onerror = () => reject(tx.error);
                  };
                })""");
        page.locator(".body-map .site[data-site=LEFT_ANKLE]").click();
        page.locator("#photo").setInputFiles(new FilePayload("ankle.png", "image/png", PhotoFixtures.png()));
        save(page);

        assertThat(page.locator("#photo-queue-full")).isVisible();
        assertThat(page.locator("#photo-queue-full")).containsText("20 MB");
        assertThat(page.locator("#diary-offline")).isHidden();
        screenshot(page, "photos-offline-full-phone");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save without the photo"))
                .click();
        assertThat(page.locator("#diary-offline")).isVisible();
        assertThat(page.locator("#photo-queue-full")).isHidden();
        page.context().setOffline(false);
        page.waitForURL("**/diary?patient=*");
        assertThat(page.locator("#bleed-list")).containsText("Left ankle");
        assertThat(storedPhotos()).isEmpty();
    }

    @Test
    void onlineADamagedPhotoIsRefusedOnTheFormAndTheBleedIsNotStoredWithoutIt() {
        Page page = signIn(patient.username(), PHONE_WIDTH);
        page.locator("#diary-link").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log a bleed"))
                .click();
        page.locator(".body-map .site[data-site=RIGHT_HIP]").click();
        byte[] damaged = Arrays.copyOf(PhotoFixtures.jpegWithMetadata(0), 400);
        page.locator("#photo").setInputFiles(new FilePayload("hip.jpg", "image/jpeg", damaged));
        save(page);

        assertThat(page.locator("[role=alert]")).containsText("The photo file could not be read");
        screenshot(page, "photos-damaged-online-phone");
        assertThat(jdbc.sql("select count(*) from diary.bleed where patient_id = :p")
                        .param("p", patient.patientId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private Page bleedFormOffline() {
        Page page = signIn(patient.username(), PHONE_WIDTH);
        page.locator("#diary-link").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log a bleed"))
                .click();
        page.context().setOffline(true);
        return page;
    }

    private static void save(Page page) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true))
                .click();
    }

    private List<byte[]> storedPhotos() {
        return jdbc.sql("select bytes from diary.bleed_photo where patient_id = :p")
                .param("p", patient.patientId())
                .query(byte[].class)
                .list();
    }
}
