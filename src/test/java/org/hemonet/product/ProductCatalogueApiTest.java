package org.hemonet.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The catalogue API and page on the demo catalogue. */
class ProductCatalogueApiTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ProductCatalogue catalogue;

    @Test
    void demoCatalogueHoldsAtLeastFifteenProductsOfEveryClass() {
        assertThat(catalogue.products()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(catalogue.products().stream().map(Product::productClass)).contains(ProductClass.values());
        assertThat(catalogue.products().stream().map(Product::genericName))
                .contains("octocog alfa", "efmoroctocog alfa", "nonacog alfa", "eftrenonacog alfa", "emicizumab");
    }

    @Test
    void listsProductsWithTheirVialSizesRecoveryAndPkModel() {
        var response = new ApiClient(port).signIn("patient.tom").get("/api/v1/products");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"genericName\":\"efmoroctocog alfa\"")
                .contains("\"pkModelId\":\"fviii-allard-2020\"")
                .contains("\"vialSizes\":[250,500,750,1000,1500,2000,3000]")
                .contains("\"unit\":\"MG\"");
    }

    @Test
    void readsOneProductAndItsBatches() {
        Product nonacog = catalogue.products().stream()
                .filter(p -> p.genericName().equals("nonacog alfa"))
                .findFirst()
                .orElseThrow();
        ApiClient client = new ApiClient(port).signIn("nurse.north");
        var one = client.get("/api/v1/products/" + nonacog.id());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"recovery\":0.80", "\"recoveryUnder12\":0.70");
        var batches = client.get("/api/v1/products/" + nonacog.id() + "/batches");
        assertThat(batches.statusCode()).isEqualTo(200);
        assertThat(batches.body()).contains("\"batchNumber\":\"NON-");
    }

    @Test
    void unknownProductIs404() {
        var response = new ApiClient(port).signIn("nurse.north").get("/api/v1/products/" + java.util.UUID.randomUUID());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void recordsABatchAndRefusesOneOfAVialSizeTheProductLacks() {
        Product elora = catalogue.find(productNamed("Elora")).orElseThrow();
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        var created = nurse.postJson(
                "/api/v1/products/" + elora.id() + "/batches",
                "{\"batchNumber\":\"ELO-TEST-1\",\"expiresOn\":\"2029-01-31\",\"vials\":100,\"unitsPerVial\":1000}");
        assertThat(created.statusCode()).isEqualTo(201);
        var wrongSize = nurse.postJson(
                "/api/v1/products/" + elora.id() + "/batches",
                "{\"batchNumber\":\"ELO-TEST-2\",\"expiresOn\":\"2029-01-31\",\"vials\":100,\"unitsPerVial\":1234}");
        assertThat(wrongSize.statusCode()).isEqualTo(400);
        assertThat(wrongSize.body()).contains("unitsPerVial");
        var patient = new ApiClient(port)
                .signIn("patient.tom")
                .postJson(
                        "/api/v1/products/" + elora.id() + "/batches",
                        "{\"batchNumber\":\"ELO-TEST-3\",\"expiresOn\":\"2029-01-31\",\"vials\":1,\"unitsPerVial\":1000}");
        assertThat(patient.statusCode()).isEqualTo(403);
    }

    @Test
    void batchOfAnotherProductIsRefusedNamingTheField() {
        Product elora = catalogue.find(productNamed("Elora")).orElseThrow();
        Batch octavia = catalogue.batches(productNamed("Octavia")).get(0);
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.hemonet.shared.InvalidInputException.class,
                () -> catalogue.requireBatch(elora.id(), octavia.batchNumber(), "batchNumber"));
        assertThat(e.field()).isEqualTo("batchNumber");
        assertThat(e.getMessage()).contains("another product");
    }

    @Test
    void staffSeeTheCataloguePageAndPatientsDoNot() {
        var staff = new ApiClient(port).signIn("clinician.north");
        var page = staff.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/products"))
                        .header("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Product catalogue", "Elora", "efmoroctocog alfa");
        var patient = new ApiClient(port).signIn("patient.tom");
        var refused = patient.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/products"))
                        .header("Accept", "text/html"));
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    private java.util.UUID productNamed(String brand) {
        return catalogue.products().stream()
                .filter(p -> p.brandName().equals(brand))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
