package org.hemonet.genetherapy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.patient.DiagnosisType;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.product.Product;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 21: the long-term registry export holds the consenting patients only, by the record's id, never a name; lab
 * results import from CSV all or none; the emergency view says breakthrough bleeds need reduced doses while antithrombin
 * is lowered.
 */
class GeneTherapyRegistryTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    @Autowired
    ProductCatalogue catalogue;

    private final JsonMapper json = JsonMapper.builder().build();

    TestNetwork.Site site;
    ApiClient nurse;
    Product genovix;
    LocalDate today;

    @BeforeEach
    void aCentre() {
        site = TestNetwork.in(context).centre("Registry");
        nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        genovix = GeneTherapyPatients.product(catalogue, "Genovix");
        today = LocalDate.now(ZoneId.of("Europe/London"));
    }

    private String infuse(UUID patient) {
        var r = nurse.postJson(
                "/api/v1/patients/" + patient + "/gene-therapies",
                """
                {"productId":"%s","batchNumber":"%s","infusedOn":"%s","doseVgPerKg":2e13,"aavAntibodies":"POSITIVE",
                 "aavTitre":"1:5","baselineAlt":22,"eligibilityNotes":"Private note about Mr Example"}"""
                        .formatted(genovix.id(), GeneTherapyPatients.batchOf(catalogue, genovix), today.minusWeeks(3)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("AAV_ANTIBODIES_POSITIVE");
        return json.readTree(r.body()).get("id").asString();
    }

    @Test
    void theExportHoldsConsentingPatientsOnlyWithoutNames() {
        UUID consenting = GeneTherapyPatients.register(registry, site, "Consuela", DiagnosisType.HEMOPHILIA_B);
        UUID refusing = GeneTherapyPatients.register(registry, site, "Rufus", DiagnosisType.HEMOPHILIA_B);
        String subject = infuse(consenting);
        String other = infuse(refusing);
        assertThat(nurse.postJson(
                                "/api/v1/patients/" + consenting + "/consents",
                                "{\"kind\":\"DATA_SHARING\",\"given\":true,\"recordedOn\":\"%s\"}".formatted(today))
                        .statusCode())
                .isEqualTo(201);
        assertThat(nurse.postJson(
                                "/api/v1/patients/" + refusing + "/consents",
                                "{\"kind\":\"DATA_SHARING\",\"given\":false,\"recordedOn\":\"%s\"}".formatted(today))
                        .statusCode())
                .isEqualTo(201);
        for (UUID p : new UUID[] {consenting, refusing}) {
            assertThat(nurse.postJson(
                                    "/api/v1/patients/" + p + "/lab-results",
                                    "{\"analyte\":\"FIX_ACTIVITY\",\"method\":\"CHROMOGENIC\",\"value\":0.21,"
                                            + "\"unit\":\"IU/mL\",\"sampledOn\":\"%s\"}".formatted(today.minusWeeks(1)))
                            .statusCode())
                    .isEqualTo(201);
        }

        HttpResponse<String> csv = nurse.get("/api/v1/gene-therapy-registry.csv", "text/csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        String body = csv.body();
        assertThat(body.lines().findFirst()).hasValue("subject,record_type,date,week,item,value,unit,method,detail");
        assertThat(body).contains(subject + ",INFUSION," + today.minusWeeks(3) + ",0,dose,20000000000000,vg/kg");
        assertThat(body).contains(subject + ",LAB," + today.minusWeeks(1) + ",2,FIX_ACTIVITY,21,IU/dL,CHROMOGENIC,LOW");
        assertThat(body).contains(subject + ",BASELINE,,,aav_antibodies,POSITIVE,,,1:5");
        assertThat(body).contains(subject + ",BLEEDS_AFTER,");
        assertThat(body).doesNotContain(other, "Consuela", "Rufus", "Private note", consenting.toString());

        // patients and other roles get no export
        ApiClient analyst = new ApiClient(port).signIn("analyst");
        assertThat(analyst.get("/api/v1/gene-therapy-registry.csv", "text/csv").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aCsvImportIsAllOrNone() {
        UUID patient = GeneTherapyPatients.register(registry, site, "Imogen", DiagnosisType.HEMOPHILIA_A);
        String bad = "analyte,method,value,unit,sampledOn\n"
                + "ALT,,31,U/L," + today.minusDays(2) + "\n"
                + "FVIII_ACTIVITY,,12,IU/dL," + today.minusDays(2) + "\n";
        var refused = nurse.post("/api/v1/patients/" + patient + "/lab-results", "text/csv", bad);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("line 3", "method");
        assertThat(json.readTree(nurse.get("/api/v1/patients/" + patient + "/lab-results")
                                .body())
                        .get("items"))
                .isEmpty();
        String good = bad.replace("FVIII_ACTIVITY,,", "FVIII_ACTIVITY,ONE_STAGE,");
        var imported = nurse.post("/api/v1/patients/" + patient + "/lab-results", "text/csv", good);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        var items = json.readTree(nurse.get("/api/v1/patients/" + patient + "/lab-results?analyte=FVIII_ACTIVITY")
                        .body())
                .get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("source").asString()).isEqualTo("IMPORT");
    }

    @Test
    void theEmergencyViewSaysBreakthroughBleedsNeedReducedDosesWhileAntithrombinIsLowered() throws Exception {
        UUID patient = GeneTherapyPatients.register(registry, site, "Fenna", DiagnosisType.HEMOPHILIA_A);
        Product fitura = GeneTherapyPatients.product(catalogue, "Fitura");
        String url = json.readTree(nurse.postJson("/api/v1/patients/" + patient + "/emergency-access", "{}")
                        .body())
                .get("url")
                .asString();
        HttpClient anonymous = HttpClient.newHttpClient();
        String before = anonymous
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(before).doesNotContain("Antithrombin is lowered");
        assertThat(nurse.postJson(
                                "/api/v1/patients/" + patient + "/antithrombin-lowering",
                                "{\"productId\":\"%s\",\"startedOn\":\"%s\"}".formatted(fitura.id(), today))
                        .statusCode())
                .isEqualTo(201);
        String after = anonymous
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(after).contains("Antithrombin is lowered (fitusiran)", "REDUCED");
        // and the wallet card, still two sides
        byte[] pdf = nurse.getBytes("/api/v1/patients/" + patient + "/emergency-card.pdf")
                .body();
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(2);
        String back = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(2);
        assertThat(back.replaceAll("\\s+", " ")).contains("REDUCED doses", "FVIII 10 IU/kg");
    }
}
