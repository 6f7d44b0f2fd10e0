package org.hemonet.shared.web;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A NUL character (U+0000) in any JSON text is a 400 naming the field, for every API (NulFreeText): here registering
 * a patient, where a NUL in the given name used to reach PostgreSQL and fail as a 500. Nothing is stored; the same
 * request without it is accepted.
 */
class NulFreeTextTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNulInAPatientsNameIsA400NamingTheFieldAndNothingIsStored() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Nul");
        ApiClient clinician =
                new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        String family = "Nultest" + UUID.randomUUID().toString().substring(0, 6);
        String body =
                """
                {"centreId": "%s", "givenName": "%s", "familyName": "%s", "dateOfBirth": "1990-04-02",
                 "sex": "MALE", "diagnosis": {"type": "HEMOPHILIA_A", "baselineFactorLevelIuPerDl": 0.5,
                 "measuredOn": "2025-03-01"}, "weightKg": 70}""";

        var refused = clinician.postJson("/api/v1/patients", body.formatted(site.centreId(), "Ann\\u0000a", family));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"givenName\"", "NUL character (U+0000)");
        assertThat(jdbc.sql("select count(*) from patient.patient where family_name = :f")
                        .param("f", family)
                        .query(Integer.class)
                        .single())
                .isZero();

        var accepted = clinician.postJson("/api/v1/patients", body.formatted(site.centreId(), "Anna", family));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void aNulInsideAListOfTextIsRefusedToo() throws Exception {
        var mapper = context.getBean(tools.jackson.databind.json.JsonMapper.class);
        record Tags(java.util.List<String> tags) {}
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> mapper.readValue("{\"tags\": [\"ok\", \"b\\u0000d\"]}", Tags.class))
                .hasMessageContaining("NUL character");
        assertThat(mapper.readValue("{\"tags\": [\"ok\"]}", Tags.class).tags()).containsExactly("ok");
    }

    @Test
    void aNulInAQueryOrFormParameterIsA400NamingIt() {
        TestNetwork.Site site = TestNetwork.in(context).centre("NulParams");
        ApiClient clinician =
                new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());

        var api = clinician.get("/api/v1/patients?centreId=" + site.centreId() + "&q=Ann%00a");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
        assertThat(api.body()).contains("\"field\":\"q\"", "NUL character (U+0000)");
        assertThat(clinician
                        .get("/api/v1/patients?centreId=" + site.centreId() + "&q=Anna")
                        .statusCode())
                .isEqualTo(200);

        // a parameter name with a quote and a backslash still gives a problem body that parses, naming it
        var odd = clinician.get("/api/v1/patients?centreId=" + site.centreId() + "&a%22b%5C=x%00");
        assertThat(odd.statusCode()).as(odd.body()).isEqualTo(400);
        tools.jackson.databind.JsonNode problem = new tools.jackson.databind.ObjectMapper().readTree(odd.body());
        assertThat(problem.path("field").asString()).isEqualTo("a\"b\\");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("a\"b\\");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/patients");

        var page = clinician.getHtml("/?q=Ann%00a");
        assertThat(page.statusCode()).isEqualTo(400);
    }
}
