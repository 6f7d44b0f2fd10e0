package org.hemonet.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.NewPatient;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.patient.Sex;
import org.hemonet.shared.Actor;
import org.hemonet.supply.Prescription;
import org.hemonet.supply.Regimen;
import org.hemonet.supply.Schedule;
import org.hemonet.supply.TreatmentPlans;
import org.hemonet.support.BearerTokens;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The FHIR API (issue 15) through HAPI's generic client with bearer tokens from the built-in authorization server, on
 * PostgreSQL. Every response body the server sends in these tests is validated against the R4 base specification
 * ({@link R4Validation}) after each test: zero errors.
 */
class FhirApiTest extends IntegrationTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String REASON = "https://hemonet.org/fhir/CodeSystem/infusion-reason";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static R4Validation validation;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientRegistry registry;

    @Autowired
    Clock clock;

    @Autowired
    TreatmentPlans plans;

    private final List<String> responses = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private TestNetwork.Site site;
    private TestNetwork.Staff clinician;
    private PatientAccounts.Created patient;
    private DemoProducts product;

    @BeforeEach
    void network() {
        site = TestNetwork.in(context).centre("Fhir");
        clinician = site.staff(Role.CLINICIAN);
        patient = site.patient("Fenna", "Fhir");
        product = DemoProducts.factorConcentrate(jdbc);
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    }

    /** Every body the server answered with in the test is valid R4: zero errors, only the tolerated warnings. */
    @AfterEach
    void everyResponseValidates() {
        R4Validation validator = validator();
        for (String body : responses) {
            validator.assertValid(body);
        }
    }

    private R4Validation validator() {
        if (validation == null) {
            Bundle codeSystems = client(token(clinician.username(), "user/*.rs"))
                    .search()
                    .forResource(CodeSystem.class)
                    .returnBundle(Bundle.class)
                    .execute();
            List<CodeSystem> systems = codeSystems.getEntry().stream()
                    .map(e -> (CodeSystem) e.getResource())
                    .toList();
            validation = new R4Validation(FHIR, systems);
        }
        return validation;
    }

    // --- the contract of the issue ---

    @Test
    void clinicianCreatesReadsSearchesAnInfusionAndARetryDoesNotDuplicateIt() {
        IGenericClient fhir = client(token(clinician.username(), "user/*.cruds"));
        UUID clientId = UUID.randomUUID();
        MedicationAdministration infusion = infusion(patient.patientId(), clientId, new BigDecimal("2000"));

        MethodOutcome first = fhir.create()
                .resource(infusion)
                .conditionalByUrl("MedicationAdministration?identifier=urn:ietf:rfc:3986|urn:uuid:" + clientId)
                .execute();
        assertThat(first.getCreated()).isTrue();
        assertThat(first.getId().getIdPart()).isEqualTo(clientId.toString());

        MedicationAdministration read = fhir.read()
                .resource(MedicationAdministration.class)
                .withId(clientId.toString())
                .execute();
        assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patient.patientId());
        assertThat(read.getDosage().getDose().getValue()).isEqualByComparingTo("2000");
        assertThat(read.getDosage().getDose().getCode()).isEqualTo("[iU]");
        Medication given = (Medication) read.getContained().get(0);
        assertThat(given.getBatch().getLotNumber()).isEqualTo(product.batchNumber());
        assertThat(given.getCode().getCoding()).anyMatch(c -> c.getSystem().equals("http://www.whocc.no/atc"));
        assertThat(read.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("prophylaxis");
        assertThat(audited(patient.patientId(), "READ", "Infusion", "SUCCESS"))
                .as("the read is audited once, the create as a create only")
                .isEqualTo(1);

        MethodOutcome retry = fhir.create()
                .resource(infusion(patient.patientId(), clientId, new BigDecimal("2000")))
                .conditionalByUrl("MedicationAdministration?identifier=urn:ietf:rfc:3986|urn:uuid:" + clientId)
                .execute();
        assertThat(retry.getCreated()).as("a retried create stores nothing").isNotEqualTo(Boolean.TRUE);
        assertThat(retry.getId().getIdPart()).isEqualTo(clientId.toString());

        Bundle found = fhir.search()
                .byUrl("MedicationAdministration?patient=" + patient.patientId())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getTotal()).isEqualTo(1);
        assertThat(found.getEntryFirstRep().getResource().getIdElement().getIdPart())
                .isEqualTo(clientId.toString());
        assertThat(jdbc.sql("select count(*) from diary.infusion where patient_id = :p")
                        .param("p", patient.patientId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(audited(patient.patientId(), "CREATE", "Infusion", "SUCCESS"))
                .isEqualTo(1);
    }

    @Test
    void patientLogsTheirOwnInfusionWithAPatientScope() {
        IGenericClient fhir = client(token(patient.username(), "patient/*.cruds"));
        UUID clientId = UUID.randomUUID();
        MethodOutcome created = fhir.create()
                .resource(infusion(patient.patientId(), clientId, new BigDecimal("1500")))
                .conditionalByUrl("MedicationAdministration?identifier=urn:uuid:" + clientId)
                .execute();
        assertThat(created.getCreated()).isTrue();
        Bundle own = fhir.search()
                .byUrl("MedicationAdministration?patient=Patient/" + patient.patientId() + "&date=ge2000-01-01")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(own.getEntry()).hasSize(1);
        Patient me = fhir.read()
                .resource(Patient.class)
                .withId(patient.patientId().toString())
                .execute();
        assertThat(me.getNameFirstRep().getFamily()).isEqualTo("Fhir");
    }

    @Test
    void anotherCentresPatientIsNotFoundLikeAnUnknownIdAndTheRefusalIsAudited() throws Exception {
        TestNetwork.Site other = TestNetwork.in(context).centre("Elsewhere");
        PatientAccounts.Created stranger = other.patient("Sam", "Stranger");
        TestNetwork.Staff otherClinician = other.staff(Role.CLINICIAN);
        UUID theirInfusion = UUID.randomUUID();
        client(token(otherClinician.username(), "user/*.cruds"))
                .create()
                .resource(infusion(stranger.patientId(), theirInfusion, new BigDecimal("1000")))
                .execute();
        responses.clear(); // the other centre's own answers are not this test's subject

        String token = token(clinician.username(), "user/*.cruds");
        IGenericClient fhir = client(token);
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> fhir.read()
                        .resource(Patient.class)
                        .withId(stranger.patientId().toString())
                        .execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> fhir.read()
                        .resource(MedicationAdministration.class)
                        .withId(theirInfusion.toString())
                        .execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> fhir.search()
                        .byUrl("MedicationAdministration?patient=" + stranger.patientId())
                        .returnBundle(Bundle.class)
                        .execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> fhir.create()
                        .resource(infusion(stranger.patientId(), UUID.randomUUID(), new BigDecimal("1000")))
                        .execute())
                .isInstanceOf(UnprocessableEntityException.class);

        for (String path : List.of(
                "Patient/%s", "MedicationAdministration?patient=%s", "Condition/%s-dx", "Patient/%s/$everything")) {
            HttpResponse<String> theirs = get("/fhir/" + path.formatted(stranger.patientId()), token);
            HttpResponse<String> nobodys = get("/fhir/" + path.formatted(unknown), token);
            assertThat(theirs.statusCode()).as(path).isEqualTo(404);
            assertThat(theirs.body()).as(path).isEqualTo(nobodys.body());
        }
        HttpResponse<String> theirs = get("/fhir/MedicationAdministration/" + theirInfusion, token);
        HttpResponse<String> nobodys = get("/fhir/MedicationAdministration/" + unknown, token);
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.body()).isEqualTo(nobodys.body());
        assertThat(JSON.readTree(theirs.body())
                        .at("/issue/0/details/coding/0/code")
                        .asText())
                .isEqualTo("not-found");
        assertThat(audited(stranger.patientId(), "READ", "Patient", "DENIED")).isPositive();
        assertThat(audited(stranger.patientId(), "READ", "Infusion", "DENIED")).isPositive();
    }

    @Test
    void clinicianSearchFindsOnlyTheirCentresPatientsWithPagingLinks() {
        site.patient("Fabian", "Fhir");
        site.patient("Frida", "Fhir");
        PatientAccounts.Created elsewhere =
                TestNetwork.in(context).centre("Other").patient("Olga", "Other");
        IGenericClient fhir = client(token(clinician.username(), "user/*.rs"));

        Bundle all = fhir.search()
                .byUrl("Patient?_count=50")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(all.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(all.getEntry()).hasSize(3);
        assertThat(all.getEntry()).allMatch(e -> ((Patient) e.getResource())
                .getManagingOrganization()
                .getReference()
                .equals("Organization/" + site.centreId()));
        assertThat(all.getEntry()).noneMatch(e -> e.getResource()
                .getIdElement()
                .getIdPart()
                .equals(elsewhere.patientId().toString()));
        assertThat(audited(patient.patientId(), "READ", "Patient", "SUCCESS")).isEqualTo(1);

        Bundle firstPage = fhir.search()
                .byUrl("Patient?_count=2")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(firstPage.getEntry()).hasSize(2);
        assertThat(firstPage.getLink(Bundle.LINK_NEXT)).isNotNull();
        Bundle secondPage = fhir.loadPage().next(firstPage).execute();
        assertThat(secondPage.getEntry()).hasSize(1);
        assertThat(secondPage.getLink(Bundle.LINK_NEXT)).isNull();

        Bundle byName = fhir.search()
                .byUrl("Patient?name=Frida")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(byName.getEntry()).hasSize(1);
        Bundle theirs = fhir.search()
                .byUrl("Patient?name=Olga")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(theirs.getEntry()).isEmpty();
    }

    @Test
    void patientIdentifierSearchMatchesTheNationalId() {
        UUID id = UUID.randomUUID();
        registry.register(
                staffActor(),
                new NewPatient(
                        id,
                        site.centreId(),
                        "Ned",
                        "Number",
                        LocalDate.of(2001, 2, 3),
                        Sex.MALE,
                        "NHS",
                        nhsNumber(),
                        null,
                        DiagnosisType.HEMOPHILIA_A,
                        null,
                        false,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null));
        Patient ned = client(token(clinician.username(), "user/*.rs"))
                .read()
                .resource(Patient.class)
                .withId(id.toString())
                .execute();
        Identifier nhs = ned.getIdentifierFirstRep();
        assertThat(nhs.getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        Bundle found = client(token(clinician.username(), "user/*.rs"))
                .search()
                .byUrl("Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|" + nhs.getValue())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getEntry()).hasSize(1);
        assertThat(ned.getGender()).isEqualTo(Enumerations.AdministrativeGender.MALE);
        assertThat(ned.getBirthDateElement().getValueAsString()).isEqualTo("2001-02-03");
    }

    @Test
    void registryDiagnosisAndLaboratoryResultsAreConditionAndObservations() {
        UUID id = UUID.randomUUID();
        LocalDate sampled = LocalDate.now(clock).minusDays(30);
        registry.register(
                staffActor(),
                new NewPatient(
                        id,
                        site.centreId(),
                        "Lara",
                        "Lab",
                        LocalDate.of(1995, 6, 7),
                        Sex.MALE,
                        null,
                        null,
                        null,
                        DiagnosisType.HEMOPHILIA_A,
                        null,
                        false,
                        new BigDecimal("0.5"),
                        sampled,
                        new BigDecimal("70"),
                        sampled,
                        List.of(new NewPatient.BethesdaAssay(sampled, new BigDecimal("50"), BigDecimal.ONE)),
                        null));
        IGenericClient fhir = client(token(clinician.username(), "user/*.rs"));

        Condition condition =
                fhir.read().resource(Condition.class).withId(id + "-dx").execute();
        assertThat(condition.getCode().getCoding())
                .anyMatch(c -> c.getSystem().equals("http://snomed.info/sct")
                        && c.getCode().equals("28293008"));
        assertThat(condition.getSeverity().getCoding())
                .anyMatch(c -> c.getSystem().equals("http://snomed.info/sct")
                        && c.getCode().equals("24484000"));

        Bundle observations = fhir.search()
                .byUrl("Observation?patient=" + id)
                .returnBundle(Bundle.class)
                .execute();
        List<String> codes = observations.getEntry().stream()
                .map(e -> ((Observation) e.getResource())
                        .getCode()
                        .getCodingFirstRep()
                        .getCode())
                .toList();
        assertThat(codes).contains("3209-4", "3204-5");
        Observation titre = observations.getEntry().stream()
                .map(e -> (Observation) e.getResource())
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("3204-5"))
                .findFirst()
                .orElseThrow();
        assertThat(titre.getValueQuantity().getCode()).isEqualTo("[beth'U]/mL");
        Observation reread = fhir.read()
                .resource(Observation.class)
                .withId(titre.getIdElement().getIdPart())
                .execute();
        assertThat(reread.getValueQuantity().getValue())
                .isEqualByComparingTo(titre.getValueQuantity().getValue());
        Bundle byCode = fhir.search()
                .byUrl("Observation?patient=" + id + "&code=http://loinc.org|3209-4")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(byCode.getEntry()).hasSize(1);
    }

    @Test
    void treatmentPlansAreMedicationRequests() {
        UUID fviii = jdbc.sql(
                        """
                        select id from product.product where product_class = 'FVIII_RECOMBINANT_STANDARD'
                        and status = 'ACTIVE' order by id limit 1""")
                .query(UUID.class)
                .single();
        plans.prescribe(
                staffActor(),
                patient.patientId(),
                new Prescription(
                        Regimen.PROPHYLAXIS,
                        fviii,
                        null,
                        new BigDecimal("1000"),
                        null,
                        null,
                        Schedule.Kind.WEEKDAYS,
                        null,
                        Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                        LocalTime.of(8, 0),
                        "Europe/London",
                        LocalDate.now(clock).minusDays(10),
                        null,
                        null));
        Bundle found = client(token(clinician.username(), "user/*.rs"))
                .search()
                .byUrl("MedicationRequest?patient=" + patient.patientId())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getEntry()).hasSize(1);
        MedicationRequest plan = (MedicationRequest) found.getEntryFirstRep().getResource();
        assertThat(plan.getMedicationReference().getReference()).isEqualTo("Medication/" + fviii);
        assertThat(plan.getDosageInstructionFirstRep().getTiming().getRepeat().getDayOfWeek())
                .extracting(d -> d.getValue().toCode())
                .containsExactly("mon", "wed", "fri");
        assertThat(plan.getDosageInstructionFirstRep()
                        .getDoseAndRateFirstRep()
                        .getDoseQuantity()
                        .getCode())
                .isEqualTo("[iU]");

        client(token(clinician.username(), "user/*.cruds"))
                .create()
                .resource(infusion(patient.patientId(), UUID.randomUUID(), new BigDecimal("1000")))
                .execute();
        Bundle everything = client(token(clinician.username(), "user/*.rs"))
                .operation()
                .onInstance(new org.hl7.fhir.r4.model.IdType(
                        "Patient", patient.patientId().toString()))
                .named("$everything")
                .withNoParameters(org.hl7.fhir.r4.model.Parameters.class)
                .useHttpGet()
                .returnResourceType(Bundle.class)
                .execute();
        assertThat(everything.getEntry())
                .extracting(e -> e.getResource().fhirType())
                .contains("Patient", "Organization", "Condition", "MedicationRequest", "MedicationAdministration");
    }

    @Test
    void aVoidedInfusionIsGone() throws Exception {
        String token = token(clinician.username(), "user/*.cruds");
        IGenericClient fhir = client(token);
        UUID clientId = UUID.randomUUID();
        fhir.create()
                .resource(infusion(patient.patientId(), clientId, new BigDecimal("1000")))
                .execute();
        HttpResponse<String> voided = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/patients/" + patient.patientId() + "/infusions/"
                                + clientId + "/void"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"logged twice\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(voided.statusCode()).as(voided.body()).isEqualTo(200);

        assertThatThrownBy(() -> fhir.read()
                        .resource(MedicationAdministration.class)
                        .withId(clientId.toString())
                        .execute())
                .isInstanceOf(ResourceGoneException.class);
        HttpResponse<String> gone = get("/fhir/MedicationAdministration/" + clientId, token);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(JSON.readTree(gone.body())
                        .at("/issue/0/details/coding/0/code")
                        .asText())
                .isEqualTo("gone");
        Bundle search = fhir.search()
                .byUrl("MedicationAdministration?patient=" + patient.patientId())
                .returnBundle(Bundle.class)
                .execute();
        assertThat(search.getEntry()).isEmpty();
    }

    @Test
    void invalidInfusionsAreRefusedAsOperationOutcomesNamingTheElement() {
        IGenericClient fhir = client(token(clinician.username(), "user/*.cruds"));
        MedicationAdministration tooMuch = infusion(patient.patientId(), UUID.randomUUID(), new BigDecimal("60000"));
        assertThatThrownBy(() -> fhir.create().resource(tooMuch).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
                    assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue())
                            .isEqualTo("MedicationAdministration.dosage.dose");
                    assertThat(outcome.getIssueFirstRep()
                                    .getDetails()
                                    .getCodingFirstRep()
                                    .getCode())
                            .isEqualTo("invalid-input");
                });
    }

    @Test
    void centresProductsAndCodeSystemsAreReadable() {
        IGenericClient fhir = client(token(clinician.username(), "user/*.rs"));
        Organization centre = fhir.read()
                .resource(Organization.class)
                .withId(site.centreId().toString())
                .execute();
        assertThat(centre.getName()).isEqualTo(site.name());
        Medication medication = fhir.read()
                .resource(Medication.class)
                .withId(product.productId().toString())
                .execute();
        assertThat(medication.getCode().getCoding()).anyMatch(c -> c.getSystem().equals("http://www.whocc.no/atc"));
        Bundle emicizumab = fhir.search()
                .byUrl("Medication?code=http://www.whocc.no/atc|B02BX06")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(emicizumab.getEntry()).isNotEmpty();
        CodeSystem sites =
                fhir.read().resource(CodeSystem.class).withId("bleed-site").execute();
        assertThat(sites.getConcept()).anyMatch(c -> c.getCode().equals("left-ankle"));
        Bundle organizations = fhir.search()
                .byUrl("Organization?_count=5")
                .returnBundle(Bundle.class)
                .execute();
        assertThat(organizations.getEntry()).hasSize(5);
    }

    // --- public and protected paths ---

    @Test
    void metadataIsPublicAndDescribesTheProviders() throws Exception {
        HttpResponse<String> metadata = get("/fhir/metadata", null);
        assertThat(metadata.statusCode()).isEqualTo(200);
        CapabilityStatement statement =
                (CapabilityStatement) FHIR.newJsonParser().parseResource(metadata.body());
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        CapabilityStatement.CapabilityStatementRestResourceComponent administrations =
                statement.getRestFirstRep().getResource().stream()
                        .filter(r -> r.getType().equals("MedicationAdministration"))
                        .findFirst()
                        .orElseThrow();
        assertThat(administrations.getInteraction())
                .extracting(i -> i.getCode().toCode())
                .contains("read", "create", "search-type");
        assertThat(administrations.getConditionalCreate()).isTrue();
        assertThat(administrations.getSearchParam())
                .extracting(p -> p.getName())
                .contains("patient", "date");
        assertThat(statement.getRestFirstRep().getResource())
                .extracting(r -> r.getType())
                .contains("Patient", "Organization", "Condition", "Observation", "Medication", "CodeSystem");

        HttpResponse<String> xml = get("/fhir/metadata?_format=xml", null);
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).contains("<CapabilityStatement xmlns=\"http://hl7.org/fhir\"");
        assertThat(FHIR.newXmlParser().parseResource(xml.body())).isInstanceOf(CapabilityStatement.class);

        HttpResponse<String> smart = get("/fhir/.well-known/smart-configuration", null);
        assertThat(smart.statusCode()).isEqualTo(200);
        JsonNode config = JSON.readTree(smart.body());
        assertThat(config.get("authorization_endpoint").asText()).isEqualTo(base() + "/oauth2/authorize");
        assertThat(config.get("token_endpoint").asText()).isEqualTo(base() + "/oauth2/token");
        assertThat(config.get("scopes_supported").toString()).contains("patient/*.rs", "user/*.cruds", "system/*.rs");
        assertThat(config.get("capabilities").toString()).contains("launch-standalone");
    }

    @Test
    void everythingElseNeedsABearerToken() throws Exception {
        for (String path : List.of(
                "/fhir/Patient",
                "/fhir/Patient/" + patient.patientId(),
                "/fhir/MedicationAdministration?patient=" + patient.patientId(),
                "/fhir/Organization",
                "/fhir/CodeSystem/bleed-site")) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
            assertThat(JSON.readTree(anonymous.body())
                            .at("/issue/0/details/coding/0/code")
                            .asText())
                    .isEqualTo("unauthorized");
            responses.add(anonymous.body());
            assertThat(get(path, "not-a-token").statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/fhir/MedicationAdministration"))
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser()
                                .encodeResourceToString(
                                        infusion(patient.patientId(), UUID.randomUUID(), BigDecimal.TEN))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(401);
    }

    @Test
    void scopesStillNarrow() throws Exception {
        String readOnly = token(clinician.username(), "user/*.rs");
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/fhir/MedicationAdministration"))
                        .header("Authorization", "Bearer " + readOnly)
                        .header("Content-Type", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser()
                                .encodeResourceToString(
                                        infusion(patient.patientId(), UUID.randomUUID(), BigDecimal.TEN))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(403);
        responses.add(post.body());
        String system = new BearerTokens(port).system("system/*.rs");
        HttpResponse<String> systemSearch = get("/fhir/Patient", system);
        assertThat(systemSearch.statusCode())
                .as("a system reaches no patient data")
                .isEqualTo(403);
        responses.add(systemSearch.body());
        assertThat(get("/fhir/Organization", system).statusCode()).isEqualTo(200);
    }

    // --- helpers ---

    private MedicationAdministration infusion(UUID patientId, UUID clientId, BigDecimal iu) {
        Medication medication = new Medication();
        medication.setId("product");
        medication
                .addIdentifier()
                .setSystem("https://hemonet.org/fhir/sid/product")
                .setValue(product.productId().toString());
        medication.getBatch().setLotNumber(product.batchNumber());
        MedicationAdministration administration = new MedicationAdministration();
        administration.addIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + clientId);
        administration.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
        administration.addContained(medication);
        administration.setMedication(new Reference("#product"));
        administration.setSubject(new Reference("Patient/" + patientId));
        administration.setEffective(
                new DateTimeType(Date.from(Instant.now(clock).minus(Duration.ofHours(2)))));
        administration.addReasonCode().addCoding().setSystem(REASON).setCode("prophylaxis");
        administration
                .getDosage()
                .setDose(new Quantity()
                        .setValue(iu)
                        .setUnit("IU")
                        .setSystem("http://unitsofmeasure.org")
                        .setCode("[iU]"));
        return administration;
    }

    private Actor staffActor() {
        return new Actor(clinician.accountId(), clinician.username(), "CLINICIAN", Set.of(site.centreId()), Set.of());
    }

    /** A valid NHS number (modulus 11) that no other test uses. */
    private static String nhsNumber() {
        java.util.Random random = new java.util.Random();
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                digits[i] = random.nextInt(10);
                sum += digits[i] * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check == 10) {
                continue;
            }
            StringBuilder number = new StringBuilder();
            for (int d : digits) {
                number.append(d);
            }
            return number.append(check).toString();
        }
    }

    private long audited(UUID patientId, String action, String resourceType, String outcome) {
        return jdbc.sql(
                        """
                        select count(*) from audit.event where patient_id = :p and action = :a
                        and resource_type = :r and outcome = :o""")
                .params(Map.of("p", patientId, "a", action, "r", resourceType, "o", outcome))
                .query(Long.class)
                .single();
    }

    private String token(String username, String scope) {
        return new BearerTokens(port).user(username, scope);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/fhir+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.body().startsWith("{\"resourceType\"")) {
            responses.add(response.body());
        }
        return response;
    }

    /** A generic client that remembers every body the server sends, for validation after the test. */
    private IGenericClient client(String token) {
        IGenericClient client = FHIR.newRestfulGenericClient(base() + "/fhir");
        if (token != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        }
        client.registerInterceptor(new Recorder(responses));
        return client;
    }

    @Interceptor
    static final class Recorder implements IClientInterceptor {

        private final List<String> bodies;

        Recorder(List<String> bodies) {
            this.bodies = bodies;
        }

        @Override
        public void interceptRequest(IHttpRequest request) {}

        @Override
        @Hook(Pointcut.CLIENT_RESPONSE)
        public void interceptResponse(IHttpResponse response) throws IOException {
            response.bufferEntity();
            try (InputStream in = response.readEntity()) {
                if (in != null) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (body.startsWith("{")) {
                        bodies.add(body);
                    }
                }
            }
        }
    }
}
