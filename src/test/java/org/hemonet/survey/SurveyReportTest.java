package org.hemonet.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.report.SurveyReport;
import org.hemonet.shared.Actor;
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
 * Survey results in the network reports under disclosure control (clinical.md §8): a centre of 9 patients shows its
 * rounded count and means, centres of 3 and 2 show {@code *}, the network count beside them is hidden and the network
 * means (built on 14 patients, two hidden centres that cannot be told apart) are shown; each patient's latest response
 * of the year counts once. Means worked by hand in the comments. Only this test answers in 2019.
 */
class SurveyReportTest extends IntegrationTest {

    private static final int YEAR = 2019;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Surveys surveys;

    @Autowired
    SurveyReport report;

    @Test
    void centresOfFewerThanEightPatientsAreHiddenAndEachPatientsLatestAnswerCountsOnce() {
        TestNetwork network = TestNetwork.in(context);
        TestNetwork.Site a = network.centre("Prom A");
        TestNetwork.Site b = network.centre("Prom B");
        TestNetwork.Site d = network.centre("Prom D");

        TestClock.get().set(Instant.parse(YEAR + "-03-01T10:00:00Z"));
        PatientAccounts.Created first = a.patient("Early", "Answer");
        pain(first, 10, 10); // replaced by the same patient's later answer of the year
        TestClock.get().set(Instant.parse(YEAR + "-06-15T10:00:00Z"));
        pain(first, 8, 4);
        for (int i = 0; i < 4; i++) {
            pain(a.patient("High" + i, "Answer"), 8, 4); // (8 + 4) / 2 = 6.0; 5 patients of A in all
        }
        for (int i = 0; i < 4; i++) {
            pain(a.patient("Low" + i, "Answer"), 4, 2); // 3.0; A: (5 × 6.0 + 4 × 3.0) / 9 = 4.67 → 4.7
        }
        for (int i = 0; i < 3; i++) {
            pain(b.patient("Bee" + i, "Answer"), 10, 10); // 10.0, 3 patients: hidden
        }
        for (int i = 0; i < 2; i++) {
            pain(d.patient("Dee" + i, "Answer"), 0, 0); // 0.0, 2 patients: hidden
        }
        TestClock.get().set(Instant.parse((YEAR + 1) + "-01-10T10:00:00Z"));
        pain(first, 0, 0); // next year: not in this year's report

        Actor analyst = new Actor(UUID.randomUUID(), "analyst", "NETWORK_ANALYST", Set.of(), Set.of());
        SurveyReport.Report shown = report.report(analyst, "hemonet-pain", YEAR);
        assertThat(shown.domains()).extracting(Domain::id).containsExactly("intensity", "interference");
        Map<String, SurveyReport.Row> rows = new java.util.HashMap<>();
        shown.centres().forEach(r -> rows.put(r.name(), r));
        assertThat(rows.get(a.name()).patients())
                .as("9 rounded to the nearest 5")
                .isEqualTo("10");
        assertThat(rows.get(a.name()).scores()).containsExactly("4.7", "2.0");
        assertThat(rows.get(b.name()).patients()).isEqualTo("*");
        assertThat(rows.get(b.name()).scores()).containsExactly("*", "*");
        assertThat(rows.get(d.name()).scores()).containsExactly("*", "*");
        assertThat(shown.network().patients()).as("beside hidden centres").isEqualTo("*");
        // (9 × 4.67 + 3 × 10 + 2 × 0) / 14 = (42 + 30 + 0) / 14 = 5.14 → 5.1; interference 2.0 for everyone
        assertThat(shown.network().scores()).containsExactly("5.1", "2.0");

        TestClock.get().reset();
        HttpResponse<String> page =
                new ApiClient(port).signIn("analyst").getHtml("/reports/surveys?instrument=hemonet-pain&year=" + YEAR);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(a.name(), "4.7", b.name());
        assertThat(page.body()).doesNotContain("Early", "Answer");
        HttpResponse<String> asPatient = new ApiClient(port)
                .signIn(first.username())
                .getHtml("/reports/surveys?instrument=hemonet-pain&year=" + YEAR);
        assertThat(asPatient.statusCode()).isEqualTo(403);
    }

    private void pain(PatientAccounts.Created patient, int highest, int usual) {
        UUID account = jdbc.sql("select id from identity.account where username = :u")
                .param("u", patient.username())
                .query(UUID.class)
                .single();
        Actor actor = new Actor(account, patient.username(), "PATIENT", Set.of(), Set.of(patient.patientId()));
        surveys.submit(
                actor,
                patient.patientId(),
                "hemonet-pain",
                Map.of(
                        "pain-highest", highest,
                        "pain-usual", usual,
                        "interference-home", 2,
                        "interference-moving", 2,
                        "interference-work", "NA",
                        "interference-sleep", 2,
                        "interference-enjoyment", 2));
    }
}
