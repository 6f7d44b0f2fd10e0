package org.hemonet.genetherapy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 21: who may do what with laboratory results and gene therapy records, that every read and write is audited,
 * that nothing is deleted (void instead), and that a product's follow-up template is a clinician's setting.
 */
class GeneTherapyAccessTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void thePatientReadsButDoesNotWriteEveryAccessIsAuditedAndVoidingKeepsTheResult() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Lab access");
        PatientAccounts.Created tom = site.patient("Tomas", "Lab");
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        ApiClient own = new ApiClient(port).signIn(tom.username());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String body = "{\"analyte\":\"AST\",\"value\":33,\"unit\":\"IU/L\",\"sampledOn\":\"%s\"}".formatted(today);
        assertThat(own.postJson("/api/v1/patients/" + tom.patientId() + "/lab-results", body)
                        .statusCode())
                .isEqualTo(403);
        var created = nurse.postJson("/api/v1/patients/" + tom.patientId() + "/lab-results", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        var mine = own.get("/api/v1/patients/" + tom.patientId() + "/lab-results?analyte=AST");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json.readTree(mine.body()).get("items")).hasSize(1);
        assertThat(own.get("/api/v1/patients/" + tom.patientId() + "/lab-results?analyte=GLUCOSE")
                        .statusCode())
                .isEqualTo(400);

        var voided = nurse.postJson(
                "/api/v1/patients/" + tom.patientId() + "/lab-results/" + id + "/void",
                "{\"reason\":\"wrong patient\"}");
        assertThat(voided.statusCode()).as(voided.body()).isEqualTo(200);
        assertThat(json.readTree(voided.body()).get("voidedAt").isNull()).isFalse();
        assertThat(nurse.postJson(
                                "/api/v1/patients/" + tom.patientId() + "/lab-results/" + id + "/void",
                                "{\"reason\":\"again\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(json.readTree(own.get("/api/v1/patients/" + tom.patientId() + "/lab-results")
                                .body())
                        .get("items"))
                .isEmpty();
        // still stored
        assertThat(jdbc.sql("select count(*) from lab.result where id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        // audited: the write, the reads, the void
        var actions = jdbc.sql(
                        """
                        select action || ':' || outcome from audit.event
                         where patient_id = :p and resource_type = 'LabResult' order by seq""")
                .param("p", tom.patientId())
                .query(String.class)
                .list();
        assertThat(actions).contains("CREATE:SUCCESS", "READ:SUCCESS", "VOID:SUCCESS");
    }

    @Test
    void aClinicianSetsAProductsTemplateAndNewInfusionsFollowIt() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Template");
        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        ApiClient clinician =
                new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        UUID ownId = UUID.randomUUID();
        String brand = "Template FVIII " + ownId.toString().substring(0, 6);
        catalogue.add(new org.hemonet.product.NewProduct(
                ownId,
                "valoctocogene roxaparvovec",
                brand,
                "Test Vectors",
                org.hemonet.product.ProductClass.GENE_THERAPY_FVIII,
                org.hemonet.product.DoseUnit.VG,
                java.util.List.of(160),
                null,
                null,
                null,
                null,
                new java.math.BigDecimal("500")));
        catalogue.receiveBatch(
                ownId,
                "TB-" + brand.hashCode(),
                LocalDate.now().plusYears(2),
                5,
                160,
                LocalDate.now().minusDays(30),
                null);
        Product lumivec = catalogue.find(ownId).orElseThrow();
        String settings =
                """
                {"weeklyUntilWeek":4,"fortnightlyUntilWeek":8,"monthlyUntilWeek":16,"longTermIntervalWeeks":52,
                 "altRiseFactor":2,"altAboveUln":false,"expressionFloorIuPerDl":3,"expressionFromWeek":8}""";
        assertThat(nurse.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                                        + "/api/v1/gene-therapy-products/" + lumivec.id() + "/settings"))
                                .header("Content-Type", "application/json")
                                .header("X-XSRF-TOKEN", nurse.cookie("XSRF-TOKEN"))
                                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(settings)))
                        .statusCode())
                .isEqualTo(403);
        var bad = clinician.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/v1/gene-therapy-products/" + lumivec.id() + "/settings"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", clinician.cookie("XSRF-TOKEN"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        settings.replace("\"fortnightlyUntilWeek\":8", "\"fortnightlyUntilWeek\":2"))));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("fortnightlyUntilWeek");
        var saved = clinician.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/v1/gene-therapy-products/" + lumivec.id() + "/settings"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", clinician.cookie("XSRF-TOKEN"))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(settings)));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        UUID patient =
                GeneTherapyPatients.register(registry, site, "Tempe", org.hemonet.patient.DiagnosisType.HEMOPHILIA_A);
        var created = nurse.postJson(
                "/api/v1/patients/" + patient + "/gene-therapies",
                """
                {"productId":"%s","batchNumber":"%s","infusedOn":"%s","doseVgPerKg":6e13,
                 "aavAntibodies":"NEGATIVE","baselineAlt":20}"""
                        .formatted(
                                lumivec.id(),
                                GeneTherapyPatients.batchOf(catalogue, lumivec),
                                LocalDate.now(ZoneId.of("Europe/London"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var weeks = new java.util.ArrayList<Integer>();
        json.readTree(created.body())
                .get("schedule")
                .forEach(v -> weeks.add(v.get("week").asInt()));
        assertThat(weeks).containsExactly(1, 2, 3, 4, 6, 8, 12, 16, 68);
        assertThat(json.readTree(created.body())
                        .get("schedule")
                        .get(0)
                        .get("analytes")
                        .toString())
                .isEqualTo("[\"FVIII_ACTIVITY\",\"ALT\"]");
    }
}
