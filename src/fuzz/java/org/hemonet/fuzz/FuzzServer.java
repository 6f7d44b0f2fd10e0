package org.hemonet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hemonet.HemonetApplication;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestClockConfiguration;
import org.hemonet.support.TestDatabase;
import org.hemonet.support.TestNetwork;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application on the test JVM's database, started once for all fuzz tests, with a test centre, its clinician,
 * a patient of it and the demo administrator signed in over real HTTP. The fuzz tests send their inputs as a client
 * would, so that every layer (JSON or CSV parsing, validation, domain rules, SQL) is exercised and the property is the
 * one a client sees: no answer 5xx, every refusal a 4xx problem.
 */
final class FuzzServer {

    private static FuzzServer instance;

    final ConfigurableApplicationContext context;
    final int port;
    final TestNetwork.Site site;
    final PatientAccounts.Created patient;
    final ApiClient patientClient;
    final ApiClient clinicianClient;
    final ApiClient adminClient;

    private FuzzServer() {
        Map<String, String> properties = new LinkedHashMap<>(TestDatabase.properties());
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("hemonet.demo.enabled", "true");
        properties.put("hemonet.demo.diary-history", "false");
        properties.put("hemonet.security.totp-replay-protection", "false");
        properties.put("hemonet.db.pool-size", "6");
        // the fuzzer sends thousands of requests a minute from one address: no sign-in is repeated, but keep quiet
        properties.put("logging.level.org.hemonet", "WARN");
        try {
            properties.put("hemonet.data-dir", Files.createTempDirectory("hemonet-fuzz").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        context = new SpringApplicationBuilder(HemonetApplication.class, TestClockConfiguration.class).run(args);
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        site = TestNetwork.in(context).centre("Fuzz");
        TestNetwork.Staff clinician = site.staff(Role.CLINICIAN);
        patient = site.patient("Fuzzy", "Input");
        patientClient = new ApiClient(port).signIn(patient.username());
        clinicianClient = new ApiClient(port).signIn(clinician.username());
        adminClient = new ApiClient(port).signIn("admin");
    }

    static synchronized FuzzServer get() {
        if (instance == null) {

            instance = new FuzzServer();
        }
        return instance;
    }

    /** The property of every fuzz test: a clean answer, 2xx, or 4xx with a problem body; never 5xx. */
    static void assertClean(HttpResponse<String> response, String input) {
        assertClean(response, input, -1);
    }

    /**
     * As {@link #assertClean(HttpResponse, String)}, where {@code documentedStatus} is a 4xx the endpoint documents with
     * a JSON body of its own (the registry import's 422 with its list of errors, docs/import.md).
     */
    static void assertClean(HttpResponse<String> response, String input, int documentedStatus) {
        assertThat(response.statusCode())
                .as("answer to %s: %s", input, response.body())
                .isLessThan(500);
        if (response.statusCode() == documentedStatus) {
            assertThat(response.body()).as("the documented answer to %s", input).contains("\"errors\"");
        } else if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as("a 4xx answers with a problem body: %s", input)
                    .startsWith("application/problem+json");
        }
    }
}
