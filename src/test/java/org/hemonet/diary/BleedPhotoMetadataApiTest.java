package org.hemonet.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hemonet.diary.internal.PhotoFixtures;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A phone photo's EXIF (GPS, serial number), XMP, IPTC and comments never reach the database or another reader; a
 * photo that cannot be read is refused naming the photo's problem and the photo stored before stays (security.md §16,
 * §20).
 */
class BleedPhotoMetadataApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientRegistry patients;

    @Autowired
    AccountAdministration accounts;

    PatientAccounts.Created patient;
    ApiClient phone;
    String photoPath;

    @BeforeEach
    void aPatientWithABleed() {
        // East: no other test counts its patients
        patient = new PatientAccounts(patients, accounts).createAtCentreOf(jdbc, "clinician.east", "Ffion", "Exif");
        phone = new ApiClient(port).signIn(patient.username());
        HttpResponse<String> bleed = phone.postJson(
                "/api/v1/patients/" + patient.patientId() + "/bleeds",
                """
                {"startedAt": "%s", "site": "RIGHT_ANKLE", "cause": "TRAUMATIC", "pain": 3}"""
                        .formatted(Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(bleed.statusCode()).as(bleed.body()).isEqualTo(201);
        String bleedId = bleed.body().replaceAll("(?s)^\\{\"id\":\"([0-9a-f-]+)\".*", "$1");
        photoPath = "/api/v1/patients/" + patient.patientId() + "/bleeds/" + bleedId + "/photo";
    }

    @Test
    void aPhotoWithGpsExifIsStoredAndServedWithoutItAndStillShowsTheSamePictureTheRightWayUp() {
        byte[] original = PhotoFixtures.jpegWithMetadata(6);

        HttpResponse<String> stored = postPhoto(original);

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        HttpResponse<byte[]> served = phone.getBytes(photoPath);
        assertThat(served.statusCode()).isEqualTo(200);
        byte[] downloaded = served.body();
        assertThat(stored.body()).contains("\"bytes\":" + downloaded.length);
        assertThat(downloaded.length).isLessThan(original.length);
        assertNoMetadata(downloaded);
        assertThat(PhotoFixtures.pixels(downloaded)).isEqualTo(PhotoFixtures.pixels(original));
        assertThat(PhotoFixtures.indexOf(downloaded, org.hemonet.shared.PhotoMetadata.orientationExif(6)))
                .as("the orientation is kept")
                .isPositive();
        byte[] inDatabase = jdbc.sql("select bytes from diary.bleed_photo where patient_id = :p")
                .param("p", patient.patientId())
                .query(byte[].class)
                .single();
        assertThat(inDatabase).isEqualTo(downloaded);
    }

    @Test
    void aPngWithTextAndExifChunksIsStoredWithoutThem() {
        byte[] original = PhotoFixtures.withPngChunks(
                PhotoFixtures.png(),
                PhotoFixtures.chunk("tEXt", "Author\0" + PhotoFixtures.NAME),
                PhotoFixtures.chunk("eXIf", "MM\0*" + PhotoFixtures.GPS));

        assertThat(postPhoto(original).statusCode()).isEqualTo(201);

        byte[] downloaded = phone.getBytes(photoPath).body();
        assertNoMetadata(downloaded);
        assertThat(PhotoFixtures.pngChunks(downloaded)).containsExactly("IHDR", "IDAT", "IEND");
    }

    @Test
    void aDamagedPhotoIsRefusedNamingItsProblemAndThePhotoStoredBeforeStays() {
        byte[] first = PhotoFixtures.jpeg();
        assertThat(postPhoto(first).statusCode()).isEqualTo(201);

        byte[] cutOff = Arrays.copyOf(PhotoFixtures.jpegWithMetadata(0), 400); // cut inside its metadata
        HttpResponse<String> refused = postPhoto(cutOff);
        HttpResponse<String> noEnd = postPhoto(Arrays.copyOf(first, first.length - 2));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"photo\"", "The JPEG photo is incomplete");
        assertThat(noEnd.statusCode()).isEqualTo(400);
        assertThat(noEnd.body()).contains("ends before its end marker");
        assertThat(phone.getBytes(photoPath).body()).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from diary.bleed_photo where patient_id = :p")
                        .param("p", patient.patientId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aPhotoStoredBeforeStrippingWasAddedIsServedWithoutItsMetadata() {
        byte[] old = PhotoFixtures.jpegWithMetadata(0);
        UUID bleedId = UUID.fromString(photoPath.replaceAll(".*/bleeds/([0-9a-f-]+)/photo", "$1"));
        jdbc.sql(
                        """
                        insert into diary.bleed_photo (id, bleed_id, patient_id, content_type, bytes, uploaded_at, uploaded_by)
                        values (:id, :b, :p, 'image/jpeg', :bytes, now(), 'before-stripping')""")
                .param("id", UUID.randomUUID())
                .param("b", bleedId)
                .param("p", patient.patientId())
                .param("bytes", old)
                .update();

        byte[] served = phone.getBytes(photoPath).body();

        assertNoMetadata(served);
        assertThat(PhotoFixtures.pixels(served)).isEqualTo(PhotoFixtures.pixels(old));
    }

    private static void assertNoMetadata(byte[] photo) {
        for (String secret : List.of(PhotoFixtures.GPS, PhotoFixtures.SERIAL, PhotoFixtures.NAME)) {
            assertThat(PhotoFixtures.contains(photo, secret)).as(secret).isFalse();
        }
    }

    private HttpResponse<String> postPhoto(byte[] bytes) {
        return phone.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + photoPath))
                .header("Content-Type", "application/octet-stream")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", phone.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }
}
