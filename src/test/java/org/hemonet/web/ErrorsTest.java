package org.hemonet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Friendly HTML errors for people, RFC 9457 problem details for the API; never exception text. */
@AutoConfigureMockMvc
class ErrorsTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    private static RequestPostProcessor asErrorDispatch(int status, String uri) {
        return request -> {
            request.setAttribute("jakarta.servlet.error.status_code", status);
            request.setAttribute("jakarta.servlet.error.request_uri", uri);
            return request;
        };
    }

    @LocalServerPort
    int port;

    @Test
    void unknownApiPathGivesAProblemDetail() {
        var response = new ApiClient(port).signIn("clinician.north").get("/api/v1/no-such-thing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"type\":\"https://hemonet.org/problems/not-found\"", "\"status\":404")
                .doesNotContain("static resource", "Exception");
    }

    @Test
    void unknownPageOverHttpGivesTheFriendly404Page() {
        var response = new ApiClient(port).signIn("patient.tom").get("/no-such-page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body())
                .contains("Page not found", "Go to the home page")
                .doesNotContain("Exception");
    }

    @Test
    void apiWithoutSignInGivesAnUnauthorizedProblem() throws Exception {
        mvc.perform(get("/api/v1/anything"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://hemonet.org/problems/unauthorized"));
    }

    @Test
    void unknownPageGivesTheFriendlyNotFoundPage() throws Exception {
        mvc.perform(get("/error").with(asErrorDispatch(404, "/no-such-page")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Page not found")))
                .andExpect(content().string(Matchers.containsString("Go to the home page")));
    }

    @Test
    void unknownPageForASignedInUserIsTheFriendly404() throws Exception {
        mvc.perform(get("/no-such-page").session(SignIn.as(mvc, "patient.tom"))).andExpect(status().isNotFound());
    }

    @Test
    void serverErrorPageShowsNoExceptionText() throws Exception {
        mvc.perform(get("/error").with(asErrorDispatch(500, "/somewhere")))
                .andExpect(content().string(Matchers.containsString("Something went wrong on our side")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
    }

    @Test
    void healthIsPublicWithoutDetails() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void signInPageIsPublic() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().exists("X-Request-Id"))
                .andExpect(content().string(Matchers.containsString("Sign in")));
    }
}
