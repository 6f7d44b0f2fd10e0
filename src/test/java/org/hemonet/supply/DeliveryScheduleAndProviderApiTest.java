package org.hemonet.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.hemonet.product.Batch;
import org.hemonet.product.ProductCatalogue;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries: ordered → scheduled → delivered or failed; the centre's delivery list; and the delivery provider's run,
 * which carries only what a courier needs and is audited.
 */
class DeliveryScheduleAndProviderApiTest extends IntegrationTest {

    private static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductCatalogue catalogue;

    @Autowired
    HomeStock homeStock;

    SupplyFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SupplyFixtures(jdbc);
    }

    private Batch octaviaBatch() {
        return catalogue.batches(fixtures.product("Octavia")).stream()
                .filter(b -> b.expiresOn().isAfter(LocalDate.now().plusDays(200)))
                .findFirst()
                .orElseThrow();
    }

    /** Orders (no window) a delivery of 6 vials for the patient on {@code on}. */
    private JsonNode order(ApiClient client, UUID patient, LocalDate on) {
        Batch batch = octaviaBatch();
        var ordered = client.postJson(
                "/api/v1/deliveries",
                """
                {"patientId":"%s","scheduledFor":"%s",
                 "items":[{"productId":"%s","batchNumber":"%s","vials":6,"iuPerVial":%d}]}
                """
                        .formatted(patient, on, batch.productId(), batch.batchNumber(), batch.unitsPerVial()));
        assertThat(ordered.statusCode()).isEqualTo(201);
        return JSON.readTree(ordered.body());
    }

    private UUID centreOf(UUID patient) {
        return jdbc.sql("select centre_id from patient.patient where id = :p")
                .param("p", patient)
                .query(UUID.class)
                .single();
    }

    private UUID eastPatient() {
        return jdbc.sql(
                        """
                        select p.id from patient.patient p join centre.centre c on c.id = p.centre_id
                        where c.code = 'EAST' order by p.id limit 1
                        """)
                .query(UUID.class)
                .single();
    }

    @Test
    void anOrderedDeliveryIsScheduledWithADateAndWindowAndTheCourierDeliversIt() {
        // North patient 20 is this class's own (plans tests use 17-19)
        UUID patient = fixtures.otherNorthPatient(20);
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        LocalDate day = LocalDate.now().plusDays(3);
        JsonNode ordered = order(nurse, patient, day.plusDays(2));
        assertThat(ordered.get("status").asString()).isEqualTo("ORDERED");
        String id = ordered.get("id").asString();

        ApiClient courier = new ApiClient(port).signIn("courier");
        assertThat(courier.get("/api/v1/provider/deliveries?date=" + day.plusDays(2))
                        .body())
                .doesNotContain(id);
        assertThat(courier.postJson("/api/v1/deliveries/" + id + "/delivered", "{}")
                        .statusCode())
                .isEqualTo(404);

        var scheduled = nurse.postJson(
                "/api/v1/deliveries/" + id + "/schedule",
                """
                {"scheduledFor":"%s","window":"LATE","address":"12 Mill Lane\\nBolton BL1 4XX","version":0}
                """
                        .formatted(day));
        assertThat(scheduled.statusCode()).isEqualTo(200);
        assertThat(scheduled.body()).contains("\"status\":\"SCHEDULED\"", "\"window\":\"LATE\"");

        var run = courier.get("/api/v1/provider/deliveries?date=" + day);
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode mine = null;
        for (JsonNode d : JSON.readTree(run.body())) {
            if (d.get("id").asString().equals(id)) {
                mine = d;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("reference").asString()).startsWith("HD-");
        assertThat(mine.get("address").asString()).isEqualTo("12 Mill Lane\nBolton BL1 4XX");
        assertThat(mine.get("recipientName").asString()).isNotBlank();
        assertThat(mine.get("window").asString()).isEqualTo("LATE");
        assertThat(mine.get("items").get(0).get("product").asString()).isEqualTo("Octavia");
        assertThat(mine.get("items").get(0).get("vials").asInt()).isEqualTo(6);
        // only what the courier needs: no patient id, batch, diagnosis, severity or inhibitor data
        assertThat(mine.propertyNames())
                .containsExactlyInAnyOrder(
                        "id", "reference", "recipientName", "address", "date", "window", "status", "items", "version");
        assertThat(run.body().toLowerCase())
                .doesNotContain("patientid", "batch", "diagnos", "severity", "inhibitor", "haemophilia", "hemophilia");
        assertThat(fixtures.auditEvents(patient, "courier", "ProviderDelivery", "READ", "SUCCESS"))
                .isEqualTo(1);

        long before = homeStock.stockOf(patient).items().stream()
                .filter(l -> l.batchNumber().equals(octaviaBatch().batchNumber()))
                .mapToLong(StockLine::vials)
                .sum();
        var delivered = courier.postJson(
                "/api/v1/deliveries/" + id + "/delivered",
                "{\"version\":%d}".formatted(mine.get("version").asInt()));
        assertThat(delivered.statusCode()).isEqualTo(200);
        assertThat(delivered.body()).contains("\"status\":\"DELIVERED\"").doesNotContain("patientId", "batchNumber");
        long after = homeStock.stockOf(patient).items().stream()
                .filter(l -> l.batchNumber().equals(octaviaBatch().batchNumber()))
                .mapToLong(StockLine::vials)
                .sum();
        assertThat(after - before).isEqualTo(6);
        assertThat(courier.postJson("/api/v1/deliveries/" + id + "/delivered", "{}")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void schedulingNamesTheFieldThatIsWrongAndOnlyTheCentreSchedules() {
        UUID patient = fixtures.otherNorthPatient(21);
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        String id = order(nurse, patient, LocalDate.now().plusDays(5)).get("id").asString();
        String path = "/api/v1/deliveries/" + id + "/schedule";

        var noDate = nurse.postJson(path, "{\"window\":\"EARLY\"}");
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(noDate.body()).contains("\"field\":\"scheduledFor\"");
        var past = nurse.postJson(
                path,
                "{\"scheduledFor\":\"%s\",\"window\":\"EARLY\"}"
                        .formatted(LocalDate.now().minusDays(1)));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("\"field\":\"scheduledFor\"");
        var noWindow = nurse.postJson(
                path, "{\"scheduledFor\":\"%s\"}".formatted(LocalDate.now().plusDays(2)));
        assertThat(noWindow.statusCode()).isEqualTo(400);
        assertThat(noWindow.body()).contains("\"field\":\"window\"");
        var longAddress = nurse.postJson(
                path,
                "{\"scheduledFor\":\"%s\",\"window\":\"EARLY\",\"address\":\"%s\"}"
                        .formatted(LocalDate.now().plusDays(2), "x".repeat(501)));
        assertThat(longAddress.statusCode()).isEqualTo(400);
        assertThat(longAddress.body()).contains("\"field\":\"address\"");
        var stale = nurse.postJson(
                path, "{\"scheduledFor\":\"%s\",\"window\":\"EARLY\",\"version\":5}".formatted(LocalDate.now()));
        assertThat(stale.statusCode()).isEqualTo(412);
        String ok = "{\"scheduledFor\":\"%s\",\"window\":\"WEEKEND\"}"
                .formatted(LocalDate.now().plusDays(2));
        assertThat(new ApiClient(port)
                        .signIn("clinician.south")
                        .postJson(path, ok)
                        .statusCode())
                .isEqualTo(404);
        assertThat(new ApiClient(port).signIn("courier").postJson(path, ok).statusCode())
                .isEqualTo(403);
        assertThat(new ApiClient(port).signIn("physio.north").postJson(path, ok).statusCode())
                .isEqualTo(403);
        assertThat(nurse.postJson(path, ok).statusCode()).isEqualTo(200);
        var failedNoReason = new ApiClient(port)
                .signIn("courier")
                .postJson("/api/v1/deliveries/" + id + "/failed", "{\"reason\":\" \"}");
        assertThat(failedNoReason.statusCode()).isEqualTo(400);
        assertThat(failedNoReason.body()).contains("\"field\":\"reason\"");
    }

    @Test
    void theCentreListShowsTheCentresDeliveriesFilteredByStatusAndDate() {
        UUID patient = fixtures.otherNorthPatient(22);
        UUID north = centreOf(patient);
        ApiClient nurse = new ApiClient(port).signIn("nurse.north");
        LocalDate on = LocalDate.now().plusDays(40);
        String id = order(nurse, patient, on).get("id").asString();

        var ordered = nurse.get("/api/v1/centres/" + north + "/deliveries?status=ORDERED&from=" + on + "&to=" + on);
        assertThat(ordered.statusCode()).isEqualTo(200);
        assertThat(ordered.body()).contains(id).doesNotContain("\"status\":\"SCHEDULED\"");
        assertThat(nurse.get("/api/v1/centres/" + north + "/deliveries?status=DELIVERED&from=" + on + "&to=" + on)
                        .body())
                .doesNotContain(id);
        assertThat(nurse.get("/api/v1/centres/" + north + "/deliveries").body()).doesNotContain(id);
        var badPeriod = nurse.get("/api/v1/centres/" + north + "/deliveries?from=" + on + "&to=" + on.minusDays(1));
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("\"field\":\"to\"");
        assertThat(new ApiClient(port)
                        .signIn("clinician.south")
                        .get("/api/v1/centres/" + north + "/deliveries")
                        .statusCode())
                .isEqualTo(404);
        assertThat(new ApiClient(port)
                        .signIn("courier")
                        .get("/api/v1/centres/" + north + "/deliveries")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new ApiClient(port)
                        .signIn("analyst")
                        .get("/api/v1/centres/" + north + "/deliveries")
                        .statusCode())
                .isEqualTo(403);
        assertThat(fixtures.auditEvents(patient, "nurse.north", "Delivery", "READ", "SUCCESS"))
                .isPositive();
    }

    @Test
    void theCourierSeesOnlyTheCentresItServes() {
        UUID east = eastPatient();
        ApiClient clinician = new ApiClient(port).signIn("clinician.east");
        LocalDate on = LocalDate.now().plusDays(4);
        Batch batch = octaviaBatch();
        var booked = clinician.postJson(
                "/api/v1/deliveries",
                """
                {"patientId":"%s","scheduledFor":"%s","window":"EARLY",
                 "items":[{"productId":"%s","batchNumber":"%s","vials":2,"iuPerVial":%d}]}
                """
                        .formatted(east, on, batch.productId(), batch.batchNumber(), batch.unitsPerVial()));
        assertThat(booked.statusCode()).isEqualTo(201);
        String id = JSON.readTree(booked.body()).get("id").asString();
        ApiClient courier = new ApiClient(port).signIn("courier");
        assertThat(courier.get("/api/v1/provider/deliveries?date=" + on).body()).doesNotContain(id);
        assertThat(courier.postJson("/api/v1/deliveries/" + id + "/delivered", "{}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(fixtures.auditEvents(east, "courier", "ProviderDelivery", "UPDATE", "DENIED"))
                .isEqualTo(1);
        assertThat(new ApiClient(port)
                        .signIn("nurse.north")
                        .get("/api/v1/provider/deliveries")
                        .statusCode())
                .isEqualTo(403);
    }
}
