package org.hemonet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BleedYears;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where disclosure control hides every centre's figure, the funnel has nothing to plot, and the page says why rather
 * than "no patients" (issue 18). Year 2003, earlier than every other test's diary (diaries count in every later year,
 * so no other test's centre is in it): one centre of 3 patients, hidden from a network analyst (clinical.md §8).
 */
class FunnelAllHiddenTest extends IntegrationTest {

    private static final int YEAR = 2003;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFunnelSaysEveryCentreIsHiddenRatherThanNoPatients() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Hidden Holm");
        for (int i = 0; i < 3; i++) {
            BleedYears.write(jdbc, site.patient("H" + i, "Holm").patientId(), YEAR, i, "funnel-hidden-test");
        }
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        HttpResponse<String> funnel = analyst.get("/api/v1/reports/funnel?year=" + YEAR);
        assertThat(funnel.statusCode()).as(funnel.body()).isEqualTo(200);
        assertThat(funnel.body()).contains("\"n\":\"*\"").contains("\"limits\":[]");

        String page = analyst.getHtml("/reports/centres?year=" + YEAR).body();
        assertThat(page).contains("Hidden Holm");
        assertThat(page).contains("Every centre&#39;s figure is hidden by disclosure control");
        assertThat(page)
                .doesNotContain("No patients match these filters")
                .doesNotContain("drawn around the centres shown")
                .doesNotContain("svg class=\"chart funnel-chart");
    }
}
