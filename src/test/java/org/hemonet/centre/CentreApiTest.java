package org.hemonet.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Centres and the designation report over the demo network. */
class CentreApiTest extends IntegrationTest {

    private static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The demo's four centres plus any a test in the same JVM created for its own fixtures. */
    private long centresInTheNetwork() {
        long count =
                jdbc.sql("select count(*) from centre.centre").query(Long.class).single();
        assertThat(count).isGreaterThanOrEqualTo(4);
        return count;
    }

    @Test
    void listsCentresWithRosterAndShowsOne() {
        ApiClient client = new ApiClient(port).signIn("clinician.north");
        JsonNode centres = JSON.readTree(client.get("/api/v1/centres").body());
        assertThat((long) centres.size()).isEqualTo(centresInTheNetwork());
        JsonNode west = null;
        for (JsonNode centre : centres) {
            if (centre.get("code").asString().equals("WEST")) {
                west = centre;
            }
        }
        assertThat(west).isNotNull();
        assertThat(west.get("missingCoreRoles").toString()).contains("PHYSIOTHERAPIST", "SOCIAL_WORKER");
        var one = client.get("/api/v1/centres/" + west.get("id").asString());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(one.body()).get("name").asString()).isEqualTo("West Haemophilia Centre");
        assertThat(client.get("/api/v1/centres/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void designationReportAssessesEveryCentreAgainstEachStandard() {
        var response = new ApiClient(port).signIn("analyst").get("/api/v1/reports/designation");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("minimumSeverePatients").asInt()).isEqualTo(40);
        assertThat((long) report.get("centres").size()).isEqualTo(centresInTheNetwork());
        for (JsonNode centre : report.get("centres")) {
            assertThat(centre.get("standards").size()).isEqualTo(4);
            // the demo centres are small: none reaches 40 severe patients
            assertThat(centre.get("standards").get(0).get("met").asBoolean()).isFalse();
            assertThat(centre.get("meetsAll").asBoolean()).isFalse();
        }
        assertThat(new ApiClient(port)
                        .signIn("patient.tom")
                        .get("/api/v1/reports/designation")
                        .statusCode())
                .isEqualTo(403);
    }
}
