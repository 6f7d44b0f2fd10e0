package org.hemonet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BearerTokens;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.SignIn;
import org.hemonet.support.TestNetwork;
import org.hemonet.support.TwoNodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, two app nodes on one database: what a load balancer may send to either node works on either. A bearer
 * token issued by one node is accepted by the other (one signing key, kept in the database), a browser session made
 * on one node is the same session on the other (Spring Session JDBC), and a session survives a restart of its node.
 */
class TwoNodesTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String SESSION_COOKIE = "HEMONET_SESSION";

    static TwoNodes nodes;
    static TestNetwork.Site site;

    @BeforeAll
    static void twoNodes() {
        nodes = TwoNodes.shared();
        site = TestNetwork.in(nodes.a().context()).centre("Two nodes");
        site.staff(Role.CLINICIAN);
    }

    private static HttpResponse<String> get(int port, String path, String header, String value) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Accept", path.startsWith("/api") ? "application/json" : "text/html")
                            .header(header, value)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> withBearer(int port, String path, String token) {
        return get(port, path, "Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> withSession(int port, String path, String sessionId) {
        return get(port, path, "Cookie", SESSION_COOKIE + "=" + sessionId);
    }

    @Test
    void aBearerTokenIssuedByOneNodeIsAcceptedByTheOther() {
        PatientAccounts.Created patient = site.patient("Idris", "Tokenhall");
        String path = "/api/v1/patients/" + patient.patientId();

        String fromA = new BearerTokens(nodes.a().port()).user(patient.username(), "patient/*.rs");
        HttpResponse<String> onB = withBearer(nodes.b().port(), path, fromA);
        assertThat(onB.statusCode()).as(onB.body()).isEqualTo(200);
        assertThat(onB.body()).contains(patient.patientId().toString());

        String fromB = new BearerTokens(nodes.b().port()).user(patient.username(), "patient/*.rs");
        HttpResponse<String> onA = withBearer(nodes.a().port(), path, fromB);
        assertThat(onA.statusCode()).as(onA.body()).isEqualTo(200);

        // the signature is checked on the other node too: a token whose signature was altered is refused
        String altered = fromA.substring(0, fromA.length() - 4) + (fromA.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(withBearer(nodes.b().port(), path, altered).statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionMadeOnOneNodeIsTheSameSessionOnTheOther() {
        PatientAccounts.Created patient = site.patient("Megan", "Sessionby");
        ApiClient browser = new ApiClient(nodes.a().port());
        browser.signInWithPassword(patient.username(), SignIn.DEMO_PASSWORD);
        String session = browser.cookie(SESSION_COOKIE);
        assertThat(session).isNotBlank();

        HttpResponse<String> onB = withSession(nodes.b().port(), "/", session);
        assertThat(onB.statusCode())
                .as("signed in on node B with node A's session")
                .isEqualTo(200);
        assertThat(onB.body()).contains("Megan Sessionby");

        // without it node B sends the browser to sign in
        HttpResponse<String> stranger = withSession(nodes.b().port(), "/", "not-a-session");
        assertThat(stranger.statusCode()).isEqualTo(302);
        assertThat(stranger.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void aSessionSurvivesARestartOfItsNode() {
        PatientAccounts.Created patient = site.patient("Owen", "Restarter");
        ApiClient browser = new ApiClient(nodes.a().port());
        browser.signInWithPassword(patient.username(), SignIn.DEMO_PASSWORD);
        String session = browser.cookie(SESSION_COOKIE);
        int portBefore = nodes.a().port();

        TwoNodes.Node restarted = nodes.restartA();
        assertThat(restarted.port()).as("a new process, a new port").isNotEqualTo(portBefore);

        HttpResponse<String> after = withSession(restarted.port(), "/", session);
        assertThat(after.statusCode()).as("still signed in after the restart").isEqualTo(200);
        assertThat(after.body()).contains("Owen Restarter");
    }
}
