package org.hemonet.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19: the diary pages read and show local times in the patient's own time zone (a setting on the patient,
 * default the centre's), not in a zone written into the code.
 */
class PatientZoneDiaryPagesTest extends IntegrationTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewPatientsZoneIsTheirCentresAndTheDiaryFormReadsLocalTimesInThePatientsOwnZone() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Zones");
        PatientAccounts.Created patient = site.patient("Nora", "York");
        String centreZone = jdbc.sql("select time_zone from centre.centre where id = :id")
                .param("id", site.centreId())
                .query(String.class)
                .single();
        String patientZone = jdbc.sql("select time_zone from patient.patient where id = :id")
                .param("id", patient.patientId())
                .query(String.class)
                .single();
        assertThat(patientZone).isEqualTo(centreZone);

        ApiClient phone = new ApiClient(port).signIn(patient.username());
        var moved = phone.patchJson(
                "/api/v1/patients/" + patient.patientId(),
                "{\"timeZone\": \"America/New_York\", \"reason\": \"moved to New York\"}",
                "\"0\"");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        // the form offers "now" in New York
        String form =
                phone.getHtml("/diary/bleed?patient=" + patient.patientId()).body();
        String nowInNewYork =
                LocalDateTime.now(NEW_YORK).truncatedTo(ChronoUnit.MINUTES).toString();
        String nowInLondon = LocalDateTime.now(ZoneId.of("Europe/London"))
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        assertThat(form)
                .containsAnyOf(
                        nowInNewYork,
                        LocalDateTime.now(NEW_YORK)
                                .minusMinutes(1)
                                .truncatedTo(ChronoUnit.MINUTES)
                                .toString());
        assertThat(form).doesNotContain("value=\"" + nowInLondon + "\"");

        // a bleed at 07:30 local, three hours ago or earlier, is stored as that New York instant
        LocalDateTime local =
                LocalDateTime.now(NEW_YORK).minusHours(3).withMinute(30).truncatedTo(ChronoUnit.MINUTES);
        HttpResponse<String> saved = phone.postForm(
                "/diary/bleed",
                "patient=%s&startedAt=%s&site=LEFT_KNEE&cause=SPONTANEOUS&pain=4"
                        .formatted(patient.patientId(), URLEncoder.encode(local.toString(), StandardCharsets.UTF_8)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        Instant stored = jdbc.sql("select started_at from diary.bleed where patient_id = :p")
                .param("p", patient.patientId())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(stored).isEqualTo(local.atZone(NEW_YORK).toInstant());

        // and the diary list shows it at the same local time
        String list = phone.getHtml("/diary?patient=" + patient.patientId()).body();
        assertThat(list).contains(String.format("%02d:%02d", local.getHour(), local.getMinute()));
    }
}
