package org.hemonet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access matrix across modules (security.md §1–§6; issue 3): every patient-level read, API or page, for Tom (a
 * North patient). His centre's staff and Tom himself get it; a clinician of another centre and another family get
 * exactly what an unknown id gets (404) and a DENIED audit event; aggregate roles and administrators get 403. Each
 * later issue adds its endpoints to {@link #API} or {@link #PAGES}. (The registry's own endpoints, including writes,
 * are in {@code RegistryAccessMatrixTest}.)
 */
class AccessMatrixTest extends IntegrationTest {

    /** Patient-level API reads; {@code %s} is the patient id. */
    static final List<String> API = List.of(
            "/api/v1/patients/%s",
            "/api/v1/patients/%s/treatment-plans",
            "/api/v1/patients/%s/stock",
            "/api/v1/patients/%s/deliveries",
            "/api/v1/patients/%s/pk-studies",
            "/api/v1/patients/%s/factor-levels",
            "/api/v1/adverse-events?patientId=%s");

    /** Patient-level pages of staff. */
    static final List<String> PAGES =
            List.of("/patients/%s", "/patients/%s/treatment", "/patients/%s/pk", "/access-log?patient=%s");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final Map<String, ApiClient> clients = new ConcurrentHashMap<>();

    private ApiClient as(String user) {
        return clients.computeIfAbsent(user, u -> new ApiClient(port).signIn(u));
    }

    private UUID tom() {
        return jdbc.sql("select id from patient.patient where given_name = 'Tom' and family_name = 'Bradley'")
                .query(UUID.class)
                .single();
    }

    private long denied(UUID patientId) {
        return jdbc.sql("select count(*) from audit.event where patient_id = :p and outcome = 'DENIED'")
                .param("p", patientId)
                .query(Long.class)
                .single();
    }

    private static String normalised(HttpResponse<String> response) {
        return response.body()
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
                .replaceAll("\"instance\":\"[^\"]*\"", "\"instance\":\"\"")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID");
    }

    @Test
    void centreStaffReachEveryPatientLevelRead() {
        UUID tom = tom();
        for (String user : List.of("clinician.north", "nurse.north")) {
            for (String path : API) {
                assertThat(as(user).get(path.formatted(tom)).statusCode())
                        .as(user + " " + path)
                        .isEqualTo(200);
            }
            for (String path : PAGES) {
                assertThat(as(user).getHtml(path.formatted(tom)).statusCode())
                        .as(user + " " + path)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void anotherCentreOrFamilyGetsWhatAnUnknownIdGetsAndIsAudited() {
        UUID tom = tom();
        UUID unknown = UUID.randomUUID();
        for (String user : List.of("clinician.south", "parent.sara")) {
            for (String path : API) {
                long before = denied(tom);
                HttpResponse<String> refused = as(user).get(path.formatted(tom));
                HttpResponse<String> missing = as(user).get(path.formatted(unknown));
                assertThat(refused.statusCode()).as(user + " " + path).isEqualTo(404);
                assertThat(normalised(refused)).as(user + " " + path).isEqualTo(normalised(missing));
                assertThat(refused.body()).doesNotContain("Bradley");
                assertThat(denied(tom))
                        .as("denied audit event for " + user + " " + path)
                        .isGreaterThan(before);
            }
        }
        for (String path : PAGES) {
            HttpResponse<String> refused = as("clinician.south").getHtml(path.formatted(tom));
            HttpResponse<String> missing = as("clinician.south").getHtml(path.formatted(unknown));
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(normalised(refused)).as(path).isEqualTo(normalised(missing));
        }
    }

    @Test
    void aggregateRolesAndAdministratorsAreForbiddenPatientLevelData() {
        UUID tom = tom();
        for (String user : List.of("analyst", "commissioner", "admin")) {
            for (String path : API) {
                HttpResponse<String> response = as(user).get(path.formatted(tom));
                assertThat(response.statusCode()).as(user + " " + path).isEqualTo(403);
                assertThat(response.body()).doesNotContain("Bradley");
            }
        }
    }

    @Test
    void aSearchIsNoOracleForPatientsOfOtherCentres() {
        HttpResponse<String> aboutTom = as("clinician.south").get("/api/v1/patients?q=Bradley");
        HttpResponse<String> aboutNobody = as("clinician.south").get("/api/v1/patients?q=Zzyzx-no-such-name");
        assertThat(aboutTom.statusCode()).isEqualTo(200);
        assertThat(normalised(aboutTom)).isEqualTo(normalised(aboutNobody));
    }

    /**
     * PUP cohorts (issue 13) are aggregates: centre staff see their own centres exactly, network analysts and
     * commissioners see the network under disclosure control, patients, couriers and administrators get 403 (API and
     * page); no name is in any of them.
     */
    @Test
    void pupCohortsAreAggregatesForCentreStaffAndTheNetworkOnly() {
        String api = "/api/v1/safety/pups?productClass=FVIII";
        for (String user : List.of("clinician.north", "nurse.north", "analyst", "commissioner")) {
            HttpResponse<String> response = as(user).get(api);
            assertThat(response.statusCode()).as(user).isEqualTo(200);
            assertThat(response.body())
                    .as(user)
                    .contains("\"disclosureControl\":" + (user.contains(".") ? "false" : "true"))
                    .doesNotContain("Bradley");
            assertThat(as(user).getHtml("/safety/pups").statusCode()).as(user).isEqualTo(200);
        }
        for (String user : List.of("patient.tom", "parent.sara", "courier", "admin")) {
            assertThat(as(user).get(api).statusCode()).as(user).isEqualTo(403);
            assertThat(as(user).getHtml("/safety/pups").statusCode()).as(user).isEqualTo(403);
        }
        UUID northCentre = jdbc.sql("select centre_id from patient.patient where id = :id")
                .param("id", tom())
                .query(UUID.class)
                .single();
        assertThat(as("clinician.south").get(api + "&centreId=" + northCentre).statusCode())
                .isEqualTo(404);
    }

    /**
     * Safety aggregates (issue 13): rates, signals and returns carry no name and no narrative; staff and network roles
     * get them, patients and couriers 403; returns are for centre staff and network roles only (the administrator 403);
     * a centre's staff reach only their centre's return (another centre 404). Catalogue maintenance is the
     * administrator's alone.
     */
    @Test
    void safetyAggregatesAreForStaffAndNetworkRolesAndTheCatalogueForTheAdministrator() {
        int year = java.time.LocalDate.now().getYear();
        List<String> aggregates = List.of(
                "/api/v1/safety/rates?from=%d&to=%d&by=PRODUCT".formatted(year - 1, year),
                "/api/v1/safety/rates?from=%d&to=%d&by=PRODUCT_CLASS".formatted(year - 1, year),
                "/api/v1/safety/signals?from=%d&to=%d".formatted(year - 1, year),
                "/api/v1/safety/returns?year=%d&quarter=1".formatted(year),
                "/api/v1/safety/returns.csv?year=%d&quarter=1".formatted(year));
        for (String user : List.of("analyst", "commissioner", "clinician.north", "nurse.north")) {
            for (String path : aggregates) {
                HttpResponse<String> response =
                        as(user).get(path, path.contains(".csv") ? "text/csv" : "application/json");
                assertThat(response.statusCode()).as(user + " " + path).isEqualTo(200);
                assertThat(response.body()).as(user + " " + path).doesNotContain("Bradley", "narrative");
            }
        }
        for (String user : List.of("parent.sara", "courier")) {
            for (String path : aggregates) {
                assertThat(as(user).get(path).statusCode())
                        .as(user + " " + path)
                        .isEqualTo(403);
            }
        }
        assertThat(as("admin").get(aggregates.get(3)).statusCode()).isEqualTo(403);
        UUID south = jdbc.sql("select id from centre.centre where code = 'SOUTH'")
                .query(UUID.class)
                .single();
        assertThat(as("clinician.north")
                        .get("/api/v1/safety/returns?year=%d&quarter=1&centreId=%s".formatted(year, south))
                        .statusCode())
                .isEqualTo(404);
        assertThat(as("analyst")
                        .get("/api/v1/safety/returns?year=%d&quarter=1&centreId=%s".formatted(year, south))
                        .statusCode())
                .isEqualTo(200);
        for (String page : List.of("/safety/rates", "/safety/returns")) {
            assertThat(as("parent.sara").getHtml(page).statusCode()).as(page).isEqualTo(403);
            assertThat(as("analyst").getHtml(page).statusCode()).as(page).isEqualTo(200);
        }
        String product =
                """
                {"genericName": "matrixocog", "brandName": "Matrix %s", "manufacturer": "Test",
                 "productClass": "FVIII_RECOMBINANT_STANDARD", "unit": "IU", "vialSizes": [500], "listPricePerUnit": 1}""";
        for (String user :
                List.of("analyst", "commissioner", "clinician.north", "nurse.north", "parent.sara", "courier")) {
            assertThat(as(user).postJson("/api/v1/products", product.formatted(user))
                            .statusCode())
                    .as(user)
                    .isEqualTo(403);
        }
    }

    /** Research extracts (issue 18) are patient-level, though de-identified: network analysts with the permission only. */
    @Test
    void researchExtractsAreForNetworkAnalystsWithTheResearchPermissionOnly() {
        String year = "{\"year\": 2025}";
        assertThat(as("analyst").postJson("/api/v1/extracts", year).statusCode())
                .isEqualTo(200);
        for (String user :
                List.of("commissioner", "admin", "clinician.north", "nurse.north", "parent.sara", "courier")) {
            HttpResponse<String> response = as(user).postJson("/api/v1/extracts", year);
            assertThat(response.statusCode()).as(user).isEqualTo(403);
            assertThat(response.body()).as(user).doesNotContain("pseudonym");
        }
    }
}
