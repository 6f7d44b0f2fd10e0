package org.hemonet.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An input the fuzzer found answered 500 (issue 14, {@code ./mvnw -Pfuzz}, DiarySyncFuzzTest, 5-minute run): a bleed
 * note holding NUL characters, which PostgreSQL text cannot store. Now a 400 naming the note, nothing stored.
 */
class DiarySyncFuzzFindingsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNoteWithANulCharacterIsA400NamingTheNote() {
        PatientAccounts.Created patient =
                TestNetwork.in(context).centre("Sync findings").patient("Nula", "Note");
        ApiClient phone = new ApiClient(port).signIn(patient.username());
        UUID bleed = UUID.randomUUID();
        Instant startedAt = TestClock.get().instant().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String body =
                """
                {"entries":[{"id":"%s","type":"BLEED","patientId":"%s","bleed":{"startedAt":"%s",
                 "site":"LEFT_ILIOPSOAS","cause":"TRAUMATIC","pain":6,"note":"],iii\\u0000\\u0000"}}]}"""
                        .formatted(bleed, patient.patientId(), startedAt);
        HttpResponse<String> response = phone.postJson(
                "/api/v1/diary/sync",
                body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("entries[0].bleed.note", "NUL");
        assertThat(jdbc.sql("select count(*) from diary.bleed where id = :id")
                        .param("id", bleed)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
