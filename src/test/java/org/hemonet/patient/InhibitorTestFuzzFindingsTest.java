package org.hemonet.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.hemonet.identity.Role;
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
 * Inputs the fuzzer (issue 14, {@code ./mvnw -Pfuzz}, InhibitorTestFuzzTest) found answered 500, kept as regression
 * tests: each is now a 400 problem naming the field, and nothing is stored.
 */
class InhibitorTestFuzzFindingsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void implausibleDilutionsAreA400NamingTheDilution() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Fuzz findings");
        TestNetwork.Staff clinician = site.staff(Role.CLINICIAN);
        PatientAccounts.Created patient = site.patient("Dilys", "Tenfold");
        ApiClient staff = new ApiClient(port).signIn(clinician.username());
        String sampledOn = LocalDate.now(TestClock.get()).minusDays(1).toString();
        for (String dilution : new String[] {"1e400", "100000000"}) {
            HttpResponse<String> response = staff.postJson(
                    "/api/v1/patients/" + patient.patientId() + "/inhibitor-tests",
                    "{\"sampledOn\": \"%s\", \"residualActivityPercent\": 50, \"dilution\": %s}"
                            .formatted(sampledOn, dilution));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).contains("dilution");
        }
        assertThat(jdbc.sql("select count(*) from patient.inhibitor_test where patient_id = :p")
                        .param("p", patient.patientId())
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
