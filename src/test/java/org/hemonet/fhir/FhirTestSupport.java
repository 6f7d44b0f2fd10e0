package org.hemonet.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * What the FHIR resource tests share: a bearer token of their own clinician, HTTP and HAPI clients that record every
 * FHIR body the server sends, and the check after each test that every one of them validates against R4 with the
 * server's own code systems.
 */
abstract class FhirTestSupport extends IntegrationTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final ObjectMapper JSON = new ObjectMapper();
    private static R4Validation validation;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    final List<String> responses = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();
    TestNetwork.Site site;
    TestNetwork.Staff clinician;
    PatientAccounts.Created patient;
    DemoProducts product;
    String token;

    @AfterEach
    void everyResponseValidates() {
        if (validation == null) {
            Bundle systems = FHIR.newRestfulGenericClient(base() + "/fhir")
                    .search()
                    .forResource(CodeSystem.class)
                    .withAdditionalHeader("Authorization", "Bearer " + token)
                    .returnBundle(Bundle.class)
                    .execute();
            validation = new R4Validation(
                    FHIR,
                    systems.getEntry().stream()
                            .map(e -> (CodeSystem) e.getResource())
                            .toList());
        }
        for (String body : responses) {
            validation.assertValid(body);
        }
    }

    /** Successful audit events of one action on one resource type of the patient. */
    long audited(UUID patientId, String action, String resourceType) {
        return audited(patientId, action, resourceType, "SUCCESS");
    }

    long audited(UUID patientId, String action, String resourceType, String outcome) {
        return jdbc.sql(
                        """
                        select count(*) from audit.event where patient_id = :p and action = :a
                        and resource_type = :r and outcome = :o""")
                .params(Map.of("p", patientId, "a", action, "r", resourceType, "o", outcome))
                .query(Long.class)
                .single();
    }

    String base() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
    }

    /** A POST to the JSON API (not a FHIR body, so not validated). */
    HttpResponse<String> post(String path, String json, String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(
                request.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A FHIR request with the token; a FHIR body in the answer is kept for validation. */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request.header("Accept", "application/fhir+json")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.body().startsWith("{\"resourceType\"")) {
            responses.add(response.body());
        }
        return response;
    }

    IGenericClient client() {
        IGenericClient client = FHIR.newRestfulGenericClient(base() + "/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        client.registerInterceptor(new FhirApiTest.Recorder(responses));
        return client;
    }
}
