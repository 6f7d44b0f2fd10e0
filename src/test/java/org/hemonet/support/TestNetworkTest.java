package org.hemonet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.hemonet.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The test fixtures themselves: a centre of the test's own with staff who can sign in, and the test clock. */
class TestNetworkTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    @Test
    void staffOfAFreshCentreSeeOnlyItsOwnPatients() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Fixture");
        TestNetwork.Staff nurse = site.staff(Role.NURSE);
        PatientAccounts.Created patient = site.patient("Fixture", "Patient");

        ApiClient client = new ApiClient(port).signIn(nurse.username());
        var list = client.get("/api/v1/patients?q=Fixture");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(patient.patientId().toString()).doesNotContain("Bradley");
        assertThat(new ApiClient(port)
                        .signIn("clinician.north")
                        .get("/api/v1/patients/" + patient.patientId())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theApplicationClockIsTheTestClockAndZonedViewsFollowIt() {
        Instant noon = Instant.parse("2027-03-28T12:00:00Z");
        TestClock.get().set(noon);
        Clock london = clock.withZone(ZoneId.of("Europe/London"));

        TestClock.get().advance(Duration.ofHours(2));

        assertThat(clock.instant()).isEqualTo(noon.plus(Duration.ofHours(2)));
        assertThat(london.instant()).isEqualTo(noon.plus(Duration.ofHours(2)));
        TestClock.get().reset();
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }
}
