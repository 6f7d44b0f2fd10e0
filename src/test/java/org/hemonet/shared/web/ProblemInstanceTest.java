package org.hemonet.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Problem details name the request's own path in {@code instance} (RFC 9457 §3.1.5), also when the error is answered
 * on the servlet container's error dispatch (an unknown route, a method the route does not take) or by the security
 * filters (issue 19).
 */
class ProblemInstanceTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();

    private ApiClient nurse;

    @BeforeEach
    void signIn() {
        TestNetwork.Staff staff = TestNetwork.in(context).centre("Problems").staff(Role.NURSE);
        nurse = new ApiClient(port).signIn(staff.username());
    }

    @Test
    void anUnknownApiRouteAnswers404NamingThatPath() {
        var response = nurse.get("/api/v1/no-such-route/42?x=1");

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, "https://hemonet.org/problems/not-found", 404, "/api/v1/no-such-route/42");
    }

    @Test
    void aMethodTheRouteDoesNotTakeAnswers405NamingThatPath() {
        var response = nurse.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", nurse.cookie("XSRF-TOKEN"))
                .DELETE());

        assertThat(response.statusCode()).isEqualTo(405);
        assertProblem(response, "https://hemonet.org/problems/method-not-allowed", 405, "/api/v1/me");
    }

    @Test
    void anUnsignedApiRequestAnswers401NamingThatPath() {
        var response = new ApiClient(port).get("/api/v1/patients");

        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response, "https://hemonet.org/problems/unauthorized", 401, "/api/v1/patients");
    }

    private void assertProblem(HttpResponse<String> response, String type, int status, String instance) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("type").asString()).isEqualTo(type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("instance").asString()).isEqualTo(instance);
    }
}
