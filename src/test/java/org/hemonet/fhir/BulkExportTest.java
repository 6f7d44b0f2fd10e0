package org.hemonet.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.BearerTokens;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestClock;
import org.hemonet.support.TestNetwork;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FHIR Bulk Data export (issue 15): kick-off with {@code Prefer: respond-async} → 202 and {@code Content-Location};
 * polling → 202 with {@code X-Progress}, then 200 with the manifest; NDJSON files downloaded with the same bearer token,
 * every line parsed and validated against R4. A centre's clinician exports their centre (another centre's group is
 * unknown to them, and so is another account's job); the system client exports the whole demo network; the
 * pseudonymised variant leaves no name, identifier, day of birth or real patient id; {@code _type} and {@code _since}.
 */
class BulkExportTest extends IntegrationTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private TestNetwork.Site site;
    private TestNetwork.Staff clinician;

    @org.springframework.beans.factory.annotation.Value("${hemonet.data-dir:./data}")
    String dataDir;

    private PatientAccounts.Created ada;
    private PatientAccounts.Created ben;
    private DemoProducts product;

    @BeforeEach
    void aCentreWithTwoPatientsAndTheirInfusions() {
        site = TestNetwork.in(context).centre("Bulk");
        clinician = site.staff(Role.CLINICIAN);
        ada = site.patient("Ada", "Bulk");
        ben = site.patient("Ben", "Bulk");
        product = DemoProducts.factorConcentrate(jdbc);
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int day = 1; day <= 3; day++) {
            infuse(nurse, ada.patientId(), now.minus(Duration.ofDays(day)));
        }
        infuse(nurse, ben.patientId(), now.minus(Duration.ofDays(1)));
    }

    private void infuse(ApiClient nurse, UUID patient, Instant at) {
        var r = nurse.postJson(
                "/api/v1/patients/" + patient + "/infusions",
                "{\"administeredAt\": \"%s\", \"productId\": \"%s\", \"batchNumber\": \"%s\", \"doseIu\": 1000, \"reason\": \"PROPHYLAXIS\"}"
                        .formatted(at, product.productId(), product.batchNumber()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private HttpResponse<String> get(String url, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base() + url))
                .header("Accept", "application/fhir+json")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Kicks off, polls to the end, and returns the manifest. */
    private JsonNode export(String path, String token) throws InterruptedException {
        HttpResponse<String> kickOff = get(path, token, Map.of("Prefer", "respond-async"));
        assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
        String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
        assertThat(status).contains("/fhir/$export-poll-status?_jobId=");
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> poll = get(status, token, Map.of());
            if (poll.statusCode() == 200) {
                return json.readTree(poll.body());
            }
            assertThat(poll.statusCode()).as(poll.body()).isEqualTo(202);
            assertThat(poll.headers().firstValue("X-Progress").orElse("")).contains("patients");
            Thread.sleep(100);
        }
        throw new AssertionError("The export did not finish in a minute");
    }

    /** The lines of each file of the manifest, by type. */
    private Map<String, List<String>> files(JsonNode manifest, String token) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        for (JsonNode output : manifest.get("output")) {
            HttpResponse<String> file = get(output.get("url").asString(), token, Map.of());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+ndjson");
            List<String> lines = file.body().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).hasSize(output.get("count").asInt());
            files.put(output.get("type").asString(), lines);
            assertThat(get(output.get("url").asString(), null, Map.of()).statusCode())
                    .as("the files need the bearer token")
                    .isEqualTo(401);
        }
        return files;
    }

    private R4Validation validator(String token) {
        HttpResponse<String> codeSystems = get("/fhir/CodeSystem", token, Map.of());
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, codeSystems.body());
        List<CodeSystem> systems = bundle.getEntry().stream()
                .map(e -> (CodeSystem) e.getResource())
                .toList();
        return new R4Validation(FHIR, systems);
    }

    @Test
    void aClinicianExportsTheirCentreAndEveryLineIsValidR4() throws Exception {
        String token = new BearerTokens(port).user(clinician.username(), "user/*.rs");
        JsonNode manifest = export("/fhir/Group/" + site.centreId() + "/$export", token);
        assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
        assertThat(manifest.get("request").asString()).contains("/Group/" + site.centreId() + "/$export");
        Map<String, List<String>> files = files(manifest, token);
        assertThat(files.get("Patient")).hasSize(2);
        assertThat(String.join("\n", files.get("Patient")))
                .contains(ada.patientId().toString(), "Ada", "Bulk");
        assertThat(files.get("MedicationAdministration")).hasSize(4);
        assertThat(files.get("Organization")).hasSize(1);
        assertThat(files.get("Condition")).hasSize(2);
        R4Validation validation = validator(token);
        files.values().forEach(lines -> lines.forEach(validation::assertValid));

        // another centre's clinician: the group and the job are unknown to them
        TestNetwork.Site other = TestNetwork.in(context).centre("BulkOther");
        String otherToken =
                new BearerTokens(port).user(other.staff(Role.CLINICIAN).username(), "user/*.rs");
        assertThat(get("/fhir/Group/" + site.centreId() + "/$export", otherToken, Map.of("Prefer", "respond-async"))
                        .statusCode())
                .isEqualTo(404);
        String statusUrl = get("/fhir/Group/" + site.centreId() + "/$export", token, Map.of("Prefer", "respond-async"))
                .headers()
                .firstValue("Content-Location")
                .orElseThrow();
        assertThat(get(statusUrl, otherToken, Map.of()).statusCode()).isEqualTo(404);
        // a staff member cannot export the whole network; a patient cannot export at all
        assertThat(get("/fhir/$export", token, Map.of("Prefer", "respond-async"))
                        .statusCode())
                .isEqualTo(403);
        String patientToken = new BearerTokens(port).user(ada.username(), "patient/*.rs");
        assertThat(get("/fhir/Patient/$export", patientToken, Map.of("Prefer", "respond-async"))
                        .statusCode())
                .isIn(403, 401);
        // the kick-off asks for an asynchronous answer, and only for types that exist
        assertThat(get("/fhir/Group/" + site.centreId() + "/$export", token, Map.of())
                        .statusCode())
                .isEqualTo(400);
        assertThat(get(
                                "/fhir/Group/" + site.centreId() + "/$export?_type=Encounter",
                                token,
                                Map.of("Prefer", "respond-async"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theSystemClientExportsTheWholeDemoNetworkAndEveryLineParsesAndValidates() throws Exception {
        String token = new BearerTokens(port).system("system/*.rs");
        JsonNode manifest = export("/fhir/$export", token);
        Map<String, List<String>> files = files(manifest, token);
        assertThat(files.get("Patient").size())
                .as("the demo network's 69 and the tests' own")
                .isGreaterThan(60);
        assertThat(String.join("\n", files.get("MedicationAdministration")))
                .contains("Patient/" + ada.patientId(), "Patient/" + ben.patientId());
        assertThat(files.get("Medication").size()).isGreaterThan(5);
        R4Validation validation = validator(new BearerTokens(port).user(clinician.username(), "user/*.rs"));
        for (Map.Entry<String, List<String>> file : files.entrySet()) {
            for (String line : file.getValue()) {
                // every line is one resource of the file's type
                assertThat(FHIR.newJsonParser().parseResource(line).fhirType()).isEqualTo(file.getKey());
            }
        }
        // validation is slow: every line of the small types, and a spread of the infusions
        List<String> sample = new ArrayList<>();
        files.forEach((type, lines) -> {
            int step = type.equals("MedicationAdministration") ? Math.max(1, lines.size() / 200) : 1;
            for (int i = 0; i < lines.size(); i += step) {
                sample.add(lines.get(i));
            }
        });
        sample.forEach(validation::assertValid);
        String patients = String.join("\n", files.get("Patient"));
        assertThat(patients).as("infection status never leaves in an export").doesNotContain("HIV");
    }

    @Test
    void thePseudonymisedVariantLeavesNoNameIdentifierDayOfBirthOrRealId() throws Exception {
        String token = new BearerTokens(port).user(clinician.username(), "user/*.rs");
        JsonNode manifest = export("/fhir/Group/" + site.centreId() + "/$export?pseudonymised=true", token);
        Map<String, List<String>> files = files(manifest, token);
        String everything =
                String.join("\n", files.values().stream().flatMap(List::stream).toList());
        assertThat(everything)
                .doesNotContain(ada.patientId().toString(), ben.patientId().toString(), "\"Ada\"", "\"Ben\"")
                .doesNotContain("\"family\"", "\"identifier\":[{\"use\"")
                .contains(site.centreId().toString(), product.productId().toString());
        List<String> pseudonyms = new ArrayList<>();
        for (String line : files.get("Patient")) {
            Patient p = FHIR.newJsonParser().parseResource(Patient.class, line);
            assertThat(p.getName()).isEmpty();
            assertThat(p.getIdentifier()).isEmpty();
            assertThat(p.getTelecom()).isEmpty();
            assertThat(p.getBirthDateElement().getValueAsString()).hasSize(4);
            pseudonyms.add(p.getIdElement().getIdPart());
        }
        // within the export the pseudonyms link: Ada's three infusions name one of the two pseudonymous patients
        long linked = files.get("MedicationAdministration").stream()
                .filter(l -> pseudonyms.stream().anyMatch(id -> l.contains("Patient/" + id)))
                .count();
        assertThat(linked).isEqualTo(4);
        R4Validation validation = validator(token);
        files.values().forEach(lines -> lines.forEach(validation::assertValid));
    }

    @Test
    void theResourcesAddedAfterTheFirstExportAreExportedValidAndPseudonymised() throws Exception {
        ApiClient doctor = new ApiClient(port).signIn(clinician.username());
        UUID patient = ada.patientId();
        created(doctor.postJson(
                "/api/v1/patients/" + patient + "/contacts",
                "{\"name\": \"Greta Guardian\", \"relationship\": \"Stepmother\", \"phone\": \"+44 20 7946 0002\","
                        + " \"guardian\": true}"));
        HttpResponse<String> bleed = created(doctor.postJson(
                "/api/v1/patients/" + patient + "/bleeds",
                """
                {"startedAt": "%s", "site": "LEFT_KNEE", "cause": "SPONTANEOUS", "pain": 4, "jointImmobilising": false,
                 "daysLostSchool": 0, "daysLostWork": 0, "note": "Fell off a bike on Acacia Avenue"}"""
                        .formatted(Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS))));
        UUID bleedId = UUID.fromString(json.readTree(bleed.body()).get("id").asString());
        HttpResponse<String> corrected = doctor.send(HttpRequest.newBuilder(
                        URI.create(base() + "/api/v1/patients/" + patient + "/bleeds/" + bleedId + "/corrections"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", doctor.cookie("XSRF-TOKEN"))
                .header("If-Match", "W/\"0\"")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"reason\": \"Greta says it was the right knee\", \"site\": \"RIGHT_KNEE\"}")));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        String zero =
                """
                {"swelling": 0, "durationOfSwelling": 0, "muscleAtrophy": 0, "crepitus": 0, "flexionLoss": 0,
                 "extensionLoss": 0, "jointPain": 0, "strength": 0}""";
        created(doctor.postJson(
                "/api/v1/patients/" + patient + "/joint-scores",
                """
                {"assessedOn": "%s", "note": "Assessed at Acacia clinic", "joints": {"LEFT_ELBOW": %s, "RIGHT_ELBOW": %s,
                 "LEFT_KNEE": %s, "RIGHT_KNEE": %s, "LEFT_ANKLE": %s, "RIGHT_ANKLE": %s}, "gait": 1}"""
                        .formatted(java.time.LocalDate.now().minusDays(1), zero, zero, zero, zero, zero, zero)));
        created(doctor.postJson(
                "/api/v1/adverse-events",
                """
                {"patientId": "%s", "category": "ACUTE_REACTION", "onsetOn": "%s", "productId": "%s",
                 "serious": false, "narrative": "Rash after the evening dose at Acacia Avenue", "status": "REPORTED"}"""
                        .formatted(patient, java.time.LocalDate.now().minusDays(1), product.productId())));
        created(doctor.postJson(
                "/api/v1/deliveries",
                """
                {"patientId":"%s","scheduledFor":"%s","window":"STANDARD",
                 "items":[{"productId":"%s","batchNumber":"%s","vials":6,"iuPerVial":1000}]}"""
                        .formatted(
                                patient,
                                java.time.LocalDate.now().plusDays(2),
                                product.productId(),
                                product.batchNumber())));
        context.getBean(org.hemonet.centre.CentreDirectory.class)
                .addTeamMember(
                        UUID.randomUUID(),
                        site.centreId(),
                        org.hemonet.centre.TeamRole.HAEMATOLOGIST,
                        "Dr Hester Haematologist");

        String token = new BearerTokens(port).user(clinician.username(), "user/*.rs");
        R4Validation validation = validator(token);
        Map<String, List<String>> files = files(export("/fhir/Group/" + site.centreId() + "/$export", token), token);
        assertThat(files.get("RelatedPerson")).singleElement().asString().contains("Greta Guardian");
        assertThat(files.get("Practitioner")).anySatisfy(l -> assertThat(l).contains("Dr Hester Haematologist"));
        assertThat(files.get("PractitionerRole")).isNotEmpty();
        assertThat(files.get("SupplyDelivery")).hasSize(1);
        assertThat(files.get("AdverseEvent")).singleElement().asString().contains("Rash after the evening dose");
        assertThat(files.get("Provenance"))
                .singleElement()
                .asString()
                .contains(
                        "Greta says it was the right knee",
                        bleedId.toString().replace("-", "").substring(0, 18));
        String observations = String.join("\n", files.get("Observation"));
        assertThat(observations)
                .contains("\"code\":\"bleed\"", "right-knee", "Fell off a bike", "\"code\":\"hjhs\"")
                .contains(bleedId.toString());
        files.values().forEach(lines -> lines.forEach(validation::assertValid));

        Map<String, List<String>> pseudonymised =
                files(export("/fhir/Group/" + site.centreId() + "/$export?pseudonymised=true", token), token);
        String everything = String.join(
                "\n", pseudonymised.values().stream().flatMap(List::stream).toList());
        assertThat(everything)
                .doesNotContain("Greta", "Stepmother", "+44 20", "Acacia", "Hester", "Rash after")
                .doesNotContain(patient.toString(), bleedId.toString())
                .doesNotContain(bleedId.toString().replace("-", "").substring(0, 18))
                .doesNotContain(clinician.username());
        assertThat(pseudonymised.get("RelatedPerson")).hasSize(1);
        assertThat(pseudonymised.get("AdverseEvent")).hasSize(1);
        // the delivery's reference (as printed on its paperwork) is left out; its product keeps its catalogue id
        assertThat(FHIR.newJsonParser()
                        .parseResource(
                                org.hl7.fhir.r4.model.SupplyDelivery.class,
                                pseudonymised.get("SupplyDelivery").get(0))
                        .getIdentifier())
                .isEmpty();
        // the correction still points at the (pseudonymous) bleed it corrected, within the export
        org.hl7.fhir.r4.model.Provenance provenance = FHIR.newJsonParser()
                .parseResource(
                        org.hl7.fhir.r4.model.Provenance.class,
                        pseudonymised.get("Provenance").get(0));
        String target = provenance.getTargetFirstRep().getReference().replaceAll("/_history/.*", "");
        assertThat(String.join("\n", pseudonymised.get("Observation")))
                .contains("\"id\":\"" + target.replace("Observation/", "") + "\"");
        pseudonymised.values().forEach(lines -> lines.forEach(validation::assertValid));
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    @Test
    void typeAndSinceNarrowTheExport() throws Exception {
        String token = new BearerTokens(port).user(clinician.username(), "user/*.rs");
        Instant since = Instant.now();
        Thread.sleep(20);
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        infuse(nurse, ben.patientId(), Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS));
        JsonNode manifest = export(
                "/fhir/Group/" + site.centreId() + "/$export?_type=Patient,MedicationAdministration&_since=" + since,
                token);
        Map<String, List<String>> files = files(manifest, token);
        assertThat(files).containsOnlyKeys("Patient", "MedicationAdministration");
        assertThat(files.get("MedicationAdministration"))
                .as("recorded after _since")
                .hasSize(1);
        assertThat(files.get("Patient")).hasSize(2);
    }

    @Test
    void sinceAlsoNarrowsBleedsJointScoresDeliveriesAndCorrectedInfusions() throws Exception {
        ApiClient doctor = new ApiClient(port).signIn(clinician.username());
        UUID patient = ada.patientId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // five days ago: a bleed, a joint score and a delivery
        TestClock.get().set(now.minus(Duration.ofDays(5)));
        UUID oldBleed = id(created(doctor.postJson("/api/v1/patients/" + patient + "/bleeds", bleed(now, 6))));
        String zero =
                """
                {"swelling": 0, "durationOfSwelling": 0, "muscleAtrophy": 0, "crepitus": 0, "flexionLoss": 0,
                 "extensionLoss": 0, "jointPain": 0, "strength": 0}""";
        UUID oldScore = id(created(doctor.postJson(
                "/api/v1/patients/" + patient + "/joint-scores",
                """
                {"assessedOn": "%s", "joints": {"LEFT_ELBOW": %s, "RIGHT_ELBOW": %s, "LEFT_KNEE": %s,
                 "RIGHT_KNEE": %s, "LEFT_ANKLE": %s, "RIGHT_ANKLE": %s}, "gait": 0}"""
                        .formatted(
                                java.time.LocalDate.now(TestClock.get()).minusDays(1),
                                zero,
                                zero,
                                zero,
                                zero,
                                zero,
                                zero))));
        created(doctor.postJson(
                "/api/v1/deliveries",
                """
                {"patientId":"%s","scheduledFor":"%s","window":"STANDARD",
                 "items":[{"productId":"%s","batchNumber":"%s","vials":6,"iuPerVial":1000}]}"""
                        .formatted(
                                patient,
                                java.time.LocalDate.now(TestClock.get()).plusDays(2),
                                product.productId(),
                                product.batchNumber())));
        TestClock.get().reset();
        Instant since = Instant.now();
        Thread.sleep(20);
        // after _since: a new bleed and a correction of one of the infusions recorded before it
        UUID newBleed = id(created(doctor.postJson("/api/v1/patients/" + patient + "/bleeds", bleed(now, 1))));
        UUID infusion = UUID.fromString(json.readTree(
                        doctor.get("/api/v1/patients/" + patient + "/infusions").body())
                .get(0)
                .get("id")
                .asString());
        HttpResponse<String> corrected = doctor.send(HttpRequest.newBuilder(
                        URI.create(base() + "/api/v1/patients/" + patient + "/infusions/" + infusion + "/corrections"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", doctor.cookie("XSRF-TOKEN"))
                .header("If-Match", "W/\"0\"")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"it was 1500\", \"doseIu\": 1500}")));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);

        String token = new BearerTokens(port).user(clinician.username(), "user/*.rs");
        R4Validation validation = validator(token);
        Map<String, List<String>> all = files(
                export(
                        "/fhir/Group/" + site.centreId()
                                + "/$export?_type=Observation,MedicationAdministration,SupplyDelivery",
                        token),
                token);
        assertThat(String.join("\n", all.get("Observation")))
                .contains(oldBleed.toString(), newBleed.toString(), oldScore.toString());
        assertThat(all.get("MedicationAdministration")).hasSize(4);
        assertThat(all.get("SupplyDelivery")).hasSize(1);

        Map<String, List<String>> changed = files(
                export(
                        "/fhir/Group/" + site.centreId()
                                + "/$export?_type=Patient,Observation,MedicationAdministration,SupplyDelivery&_since="
                                + since,
                        token),
                token);
        String observations = String.join("\n", changed.get("Observation"));
        assertThat(observations).contains(newBleed.toString()).doesNotContain(oldBleed.toString(), oldScore.toString());
        assertThat(changed.get("MedicationAdministration"))
                .as("only the infusion corrected after _since")
                .singleElement()
                .asString()
                .contains(infusion.toString(), "1500");
        assertThat(changed.getOrDefault("SupplyDelivery", List.of())).isEmpty();
        assertThat(changed.get("Patient"))
                .as("no time of change: exported whole")
                .hasSize(2);
        changed.values().forEach(lines -> lines.forEach(validation::assertValid));

        TestNetwork.Site other = TestNetwork.in(context).centre("BulkSinceElsewhere");
        other.patient("Oda", "Elsewhere");
        HttpResponse<String> theirs = get(
                "/fhir/Group/" + other.centreId() + "/$export?_since=" + since,
                token,
                Map.of("Prefer", "respond-async"));
        assertThat(theirs.statusCode()).as("another centre's group, as unknown").isEqualTo(404);
        validation.assertValid(theirs.body());
    }

    private static String bleed(Instant now, int daysAgo) {
        return """
                {"startedAt": "%s", "site": "RIGHT_ELBOW", "cause": "TRAUMATIC", "daysLostSchool": 0, "daysLostWork": 0}"""
                .formatted(now.minus(Duration.ofDays(daysAgo)));
    }

    private UUID id(HttpResponse<String> response) {
        return UUID.fromString(json.readTree(response.body()).get("id").asString());
    }

    @Test
    void aCancelledExportIsGoneWithItsFiles() throws Exception {
        String token = new BearerTokens(port).user(clinician.username(), "user/*.rs");
        JsonNode manifest = export("/fhir/Group/" + site.centreId() + "/$export", token);
        String fileUrl = manifest.get("output").get(0).get("url").asString();
        String jobId = fileUrl.replaceAll(".*_jobId=([0-9a-f-]+).*", "$1");
        java.nio.file.Path directory = java.nio.file.Path.of(dataDir, "fhir-export", jobId);
        assertThat(directory).isDirectory();
        String status = "/fhir/$export-poll-status?_jobId=" + jobId;

        HttpResponse<String> cancel = http.send(
                HttpRequest.newBuilder(URI.create(base() + status))
                        .header("Authorization", "Bearer " + token)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
        assertThat(get(status, token, Map.of()).statusCode()).isEqualTo(404);
        assertThat(get(fileUrl, token, Map.of()).statusCode()).isEqualTo(404);
        assertThat(directory).doesNotExist();
        assertThat(jdbc.sql("select count(*) from audit.event where resource_type = 'BulkExportRequest'"
                                + " and action = 'VOID' and resource_id = :id")
                        .param("id", jobId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
