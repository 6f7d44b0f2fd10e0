package org.hemonet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Pages write their links as they are (no resource-URL rewriting filter, see {@link WebConfiguration}) and the static
 * files those links name are still served: the style sheet, the scripts and a version-less webjar path, which the
 * webjars locator resolves when it is requested.
 */
class StaticResourceLinksTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void theFilesPagesLinkToAreServedUnderTheirPlainPaths() {
        ApiClient anonymous = new ApiClient(port);
        String login = anonymous.getHtml("/login").body();
        assertThat(login).contains("/css/hemonet.css");
        for (String path :
                new String[] {"/css/hemonet.css", "/js/hemonet.js", "/webjars/chart.js/dist/chart.umd.min.js"}) {
            var response = anonymous.getBytes(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body().length).as(path).isGreaterThan(100);
        }
    }

    @Test
    void aPageWithAChartLinksTheVersionLessWebjarPathAsWritten() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Links");
        UUID patient = site.patient("Lena", "Linkcheck").patientId();
        ApiClient clinician =
                new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        var page = clinician.getHtml("/patients/" + patient + "/pk");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("src=\"/webjars/chart.js/dist/chart.umd.min.js\"")
                .contains("href=\"/css/hemonet.css\"");
    }
}
