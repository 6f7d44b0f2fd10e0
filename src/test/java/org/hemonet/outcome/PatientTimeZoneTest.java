package org.hemonet.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A patient's days are counted where the patient lives (clinical.md §4: exposure days and observation time are
 * calendar days in the patient's time zone). The registry holds the zone; the patient may correct it; outcomes use it.
 */
class PatientTimeZoneTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientRegistry registry;

    @Autowired
    AccountAdministration accounts;

    @Test
    void outcomesCountDaysInTheTimeZoneThePatientSet() {
        UUID north = jdbc.sql("select id from centre.centre where code = 'NORTH'")
                .query(UUID.class)
                .single();
        PatientAccounts.Created created =
                new PatientAccounts(registry, accounts).create(north, "Zoe", "Westward-" + UUID.randomUUID());
        UUID id = created.patientId();
        // 06:00 UTC on 10 March 2026: 10 March in London, still 9 March (22:00) in Los Angeles
        infusion(id, Instant.parse("2026-03-10T06:00:00Z"));
        ApiClient patient = new ApiClient(port).signIn(created.username());
        String ninth = "/api/v1/patients/" + id + "/outcomes?from=2026-03-09&to=2026-03-09";

        assertThat(patient.get("/api/v1/patients/" + id).body()).contains("\"timeZone\":\"Europe/London\"");
        // in London the diary starts on 10 March: no observation time on the 9th, one exposure day on the 10th
        assertThat(patient.get(ninth).body()).contains("\"observationDays\":null");
        assertThat(patient.get("/api/v1/patients/" + id + "/outcomes?from=2026-03-10&to=2026-03-10")
                        .body())
                .contains("\"exposureDays\":1");

        var unknown = patient.patchJson(
                "/api/v1/patients/" + id, "{\"timeZone\": \"Mars/Olympus_Mons\", \"reason\": \"moved\"}", "\"0\"");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("timeZone").contains("Europe/London");
        var offset = patient.patchJson(
                "/api/v1/patients/" + id, "{\"timeZone\": \"+01:00\", \"reason\": \"moved\"}", "\"0\"");
        assertThat(offset.statusCode()).isEqualTo(400);

        var moved = patient.patchJson(
                "/api/v1/patients/" + id,
                "{\"timeZone\": \"America/Los_Angeles\", \"reason\": \"Moved to California\"}",
                "\"0\"");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(moved.body()).contains("\"timeZone\":\"America/Los_Angeles\"");
        var outcomes = patient.get(ninth);
        assertThat(outcomes.statusCode()).isEqualTo(200);
        assertThat(outcomes.body()).contains("\"exposureDays\":1").contains("\"observationDays\":1");
        assertThat(patient.get("/api/v1/patients/" + id + "/outcomes?from=2026-03-10&to=2026-03-10")
                        .body())
                .contains("\"exposureDays\":0");
    }

    private void infusion(UUID patient, Instant at) {
        jdbc.sql(
                        """
                        insert into diary.infusion (id, patient_id, administered_at, product_id, batch_number, dose, unit,
                            reason, recorded_by)
                        values (:id, :p, :at, :product, 'TZ1', 2000, 'IU', 'PROPHYLAXIS', 'test')""")
                .param("id", UUID.randomUUID())
                .param("p", patient)
                .param("at", Timestamp.from(at))
                .param("product", UUID.randomUUID())
                .update();
    }
}
