package org.hemonet.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.centre.CentreDirectory;
import org.hemonet.identity.AccountAdministration;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.hemonet.patient.PatientRegistry;
import org.hemonet.shared.Command;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.PatientAccounts;
import org.hemonet.support.SignIn;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15's registry import through {@code POST /api/v1/imports} (the contract) on PostgreSQL: the documented sample
 * imports; a 10,000-row file with 3 bad rows reports exactly those rows on a dry run and stores nothing, is refused as
 * a whole on a real run, then imports cleanly once fixed, and a re-run changes nothing; who may import; local times;
 * the command line.
 */
class RegistryImportApiTest extends IntegrationTest {

    static final String HEADER = "record,patient_number,family_name,given_name,birth_date,sex,nhs_number,diagnosis,"
            + "baseline_level_iu_dl,baseline_measured_on,weight_kg,date,residual_activity_percent,dilution,regimen,"
            + "product,dose,dose_per_kg,schedule,schedule_interval,weekdays,dose_time,administered_at,batch_number,"
            + "reason";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry registry;

    @Autowired
    CentreDirectory centres;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    TestNetwork.Site site;
    ApiClient clinician;

    @BeforeEach
    void aCentreAndItsClinician() {
        site = TestNetwork.in(context).centre("Import");
        clinician = new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
    }

    private HttpResponse<String> upload(ApiClient client, UUID centreId, boolean dryRun, String csv) {
        return client.postMultipart(
                "/api/v1/imports?dryRun=" + dryRun,
                Map.of("centreId", centreId.toString()),
                "registry.csv",
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private long infusionsAt(UUID centreId) {
        return jdbc.sql(
                        """
                        select count(*) from diary.infusion i
                        join patient.record_number r on r.patient_id = i.patient_id
                        where r.centre_id = :c""")
                .param("c", centreId)
                .query(Long.class)
                .single();
    }

    @Test
    void theDocumentedSampleChecksImportsAndImportsOnlyOnce() throws Exception {
        String sample = new ClassPathResource("interchange/registry-import-sample.csv")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Files.readString(Path.of("docs/samples/registry-import.csv")))
                .as("docs/samples holds the file the page offers")
                .isEqualTo(sample);

        var dry = upload(clinician, site.centreId(), true, sample);
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonNode checked = body(dry);
        assertThat(checked.get("errors").size()).as(dry.body()).isZero();
        assertThat(checked.get("rows").asInt()).isEqualTo(10);
        assertThat(checked.get("imported").asInt()).isEqualTo(10);
        assertThat(registry.patientsByRecordNumber(site.centreId(), List.of("H-1001", "H-1002")))
                .as("a dry run stores nothing")
                .isEmpty();

        var real = upload(clinician, site.centreId(), false, sample);
        assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        JsonNode imported = body(real);
        assertThat(imported.get("imported").asInt()).isEqualTo(10);
        assertThat(imported.get("patients").asInt()).isEqualTo(2);
        assertThat(imported.get("inhibitorTests").asInt()).isEqualTo(2);
        assertThat(imported.get("plans").asInt()).isEqualTo(2);
        assertThat(imported.get("infusions").asInt()).isEqualTo(4);
        Map<String, UUID> ids = registry.patientsByRecordNumber(site.centreId(), List.of("H-1001", "H-1002"));
        assertThat(ids).containsOnlyKeys("H-1001", "H-1002");
        var alex = clinician.get("/api/v1/patients/" + ids.get("H-1001"));
        assertThat(alex.statusCode()).isEqualTo(200);
        assertThat(body(alex).toString()).contains("Alex").contains("HEMOPHILIA_A");
        assertThat(infusionsAt(site.centreId())).isEqualTo(4);
        Instant first = jdbc.sql("select min(administered_at) from diary.infusion where patient_id = :p")
                .param("p", ids.get("H-1001"))
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(first).as("08:10 in London in February is 08:10 UTC").isEqualTo("2024-02-05T08:10:00Z");

        var again = upload(clinician, site.centreId(), false, sample);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(body(again).get("imported").asInt()).isZero();
        assertThat(body(again).get("unchanged").asInt()).isEqualTo(10);
        assertThat(infusionsAt(site.centreId())).isEqualTo(4);
    }

    /**
     * 50 patients × (a patient row, a plan, 198 infusions) = 10,000 rows; the infusions end well before today. Moderate
     * (2 IU/dL), so that no test centre reaches the designation standard's 40 severe patients (CentreApiTest counts on
     * that).
     */
    private static List<String> tenThousandRows() {
        List<String> rows = new ArrayList<>();
        LocalDate start = LocalDate.now().minusDays(500);
        for (int p = 1; p <= 50; p++) {
            String number = "P-%04d".formatted(p);
            rows.add("PATIENT,%s,Importa,Pat%d,1985-05-%02d,MALE,,HEMOPHILIA_A,2.0,2000-01-10,70,,,,,,,,,,,,,,"
                    .formatted(number, p, 1 + p % 28));
            rows.add("PLAN,%s,,,,,,,,,,%s,,,PROPHYLAXIS,Octavia,2000,,EVERY_N_DAYS,2,,08:00,,,"
                    .formatted(number, start));
            for (int i = 0; i < 198; i++) {
                rows.add("INFUSION,%s,,,,,,,,,,,,,,Octavia,2000,,,,,,%sT08:00,OCT-%d,PROPHYLAXIS"
                        .formatted(number, start.plusDays(2L * i), p));
            }
        }
        return rows;
    }

    private static String csv(List<String> rows) {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    @Test
    void tenThousandRowsWithThreeBadRowsAreReportedExactlyThenImportCleanlyOnceFixed() {
        List<String> good = tenThousandRows();
        assertThat(good).hasSize(10_000);
        List<String> bad = new ArrayList<>(good);
        // line numbers: the header is line 1, so row index i is line i + 2
        int badSex = 2 * 200; // patient 3's PATIENT row
        int badDose = 7 * 200 + 50; // an infusion of patient 8
        int badLevel = 20 * 200; // patient 21's PATIENT row: a level the registry refuses (its own rule)
        bad.set(badSex, bad.get(badSex).replace(",MALE,", ",X,"));
        bad.set(badDose, bad.get(badDose).replace(",2000,", ",two thousand,"));
        bad.set(badLevel, bad.get(badLevel).replace(",2.0,", ",500,"));

        var dry = upload(clinician, site.centreId(), true, csv(bad));
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonNode report = body(dry);
        assertThat(report.get("rows").asInt()).isEqualTo(10_000);
        assertThat(report.get("imported").asInt()).isZero();
        List<String> errors = new ArrayList<>();
        report.get("errors")
                .forEach(e ->
                        errors.add(e.get("line").asInt() + " " + e.get("column").asString()));
        assertThat(errors)
                .containsExactly(
                        (badSex + 2) + " sex", (badDose + 2) + " dose", (badLevel + 2) + " baseline_level_iu_dl");
        assertThat(report.get("errors").get(2).get("message").asString()).contains("400 IU/dL");
        assertThat(registry.patientsByRecordNumber(site.centreId(), List.of("P-0001", "P-0050")))
                .isEmpty();

        var refused = upload(clinician, site.centreId(), false, csv(bad));
        assertThat(refused.statusCode())
                .as("a real run with errors stores nothing")
                .isEqualTo(422);
        assertThat(body(refused).get("errors").size()).isEqualTo(3);
        assertThat(registry.patientsByRecordNumber(site.centreId(), List.of("P-0001", "P-0050")))
                .isEmpty();
        assertThat(infusionsAt(site.centreId())).isZero();

        var fixedDry = upload(clinician, site.centreId(), true, csv(good));
        assertThat(body(fixedDry).get("errors").size()).as(fixedDry.body()).isZero();
        var real = upload(clinician, site.centreId(), false, csv(good));
        assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        JsonNode imported = body(real);
        assertThat(imported.get("imported").asInt()).isEqualTo(10_000);
        assertThat(imported.get("patients").asInt()).isEqualTo(50);
        assertThat(imported.get("plans").asInt()).isEqualTo(50);
        assertThat(imported.get("infusions").asInt()).isEqualTo(9_900);
        assertThat(infusionsAt(site.centreId())).isEqualTo(9_900);

        var rerun = upload(clinician, site.centreId(), false, csv(good));
        assertThat(rerun.statusCode()).isEqualTo(200);
        assertThat(body(rerun).get("imported").asInt()).isZero();
        assertThat(body(rerun).get("unchanged").asInt()).isEqualTo(10_000);
        assertThat(infusionsAt(site.centreId())).isEqualTo(9_900);
    }

    @Test
    void anAdministratorOrTheCentresCliniciansOnly() {
        String sample = HEADER + "\nPATIENT,A-1,Only,Once,1990-01-01,M,,HEMOPHILIA_B,2,2000-01-01,,,,,,,,,,,,,,,\n";
        String adminName = "t-admin-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(
                adminName,
                "Import Admin",
                Role.ADMIN,
                SignIn.DEMO_PASSWORD,
                Set.of(),
                Map.of(),
                SignIn.DEMO_TOTP_SECRET));
        ApiClient admin = new ApiClient(port).signIn(adminName);
        assertThat(upload(admin, site.centreId(), true, sample).statusCode()).isEqualTo(200);

        ApiClient nurse = new ApiClient(port).signIn(site.staff(Role.NURSE).username());
        assertThat(upload(nurse, site.centreId(), true, sample).statusCode()).isEqualTo(403);
        TestNetwork.Site other = TestNetwork.in(context).centre("Elsewhere");
        ApiClient otherClinician =
                new ApiClient(port).signIn(other.staff(Role.CLINICIAN).username());
        assertThat(upload(otherClinician, site.centreId(), true, sample).statusCode())
                .isEqualTo(403);

        var unknownCentre = upload(admin, UUID.randomUUID(), true, sample);
        assertThat(unknownCentre.statusCode()).isEqualTo(400);
        assertThat(unknownCentre.body()).contains("centreId");
        var noFile = clinician.postMultipart(
                "/api/v1/imports?dryRun=true",
                Map.of("centreId", site.centreId().toString()),
                "empty.csv",
                "text/csv",
                new byte[0]);
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("file");
        var unknownColumn = upload(clinician, site.centreId(), true, "record,patient_number,blood_group\n");
        assertThat(body(unknownColumn).get("errors").get(0).get("column").asString())
                .isEqualTo("blood_group");
    }

    @Test
    void rowsForAPatientTheCentreKnowsAttachToThemAndLocalTimesAreThePatientsOwn() {
        PatientAccounts.Created known = site.patient("Kim", "Known");
        var mrn = clinician.postJson(
                "/api/v1/patients/" + known.patientId() + "/record-numbers",
                "{\"centreId\":\"%s\",\"mrn\":\"MRN-77\"}".formatted(site.centreId()));
        assertThat(mrn.statusCode()).as(mrn.body()).isEqualTo(201);
        String file = csv(List.of(
                "INFUSION,MRN-77,,,,,,,,,,,,,,Octavia,1000,,,,,,2025-07-01T08:00,B-1,PROPHYLAXIS",
                "INFUSION,MRN-77,,,,,,,,,,,,,,Octavia,1000,,,,,,2025-07-02T08:00+02:00,B-1,PROPHYLAXIS",
                "INFUSION,NOBODY,,,,,,,,,,,,,,Octavia,1000,,,,,,2025-07-02T08:00,B-1,PROPHYLAXIS"));
        var withUnknown = upload(clinician, site.centreId(), true, file);
        assertThat(body(withUnknown).get("errors").size()).isEqualTo(1);
        assertThat(body(withUnknown).get("errors").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(body(withUnknown).get("errors").get(0).get("column").asString())
                .isEqualTo("patient_number");

        String fixed = file.substring(0, file.lastIndexOf("INFUSION,NOBODY"));
        var real = upload(clinician, site.centreId(), false, fixed);
        assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        List<Instant> times = jdbc
                .sql("select administered_at from diary.infusion where patient_id = :p order by administered_at")
                .param("p", known.patientId())
                .query(java.sql.Timestamp.class)
                .list()
                .stream()
                .map(java.sql.Timestamp::toInstant)
                .toList();
        assertThat(times)
                .as("08:00 in London in July is 07:00 UTC (summer time); an offset is kept as given")
                .containsExactly(Instant.parse("2025-07-01T07:00:00Z"), Instant.parse("2025-07-02T06:00:00Z"));
    }

    @Test
    void theCommandLineImportsByCentreCodeAndSaysWhatIsWrong() throws Exception {
        Command command = context.getBeansOfType(Command.class).values().stream()
                .filter(c -> c.name().equals("import"))
                .findFirst()
                .orElseThrow();
        String code = centres.centre(site.centreId()).orElseThrow().code();
        Path file = Files.createTempFile("registry", ".csv");
        Files.writeString(
                file,
                new ClassPathResource("interchange/registry-import-sample.csv")
                        .getContentAsString(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = command.run(
                List.of("--centre", code, "--file", file.toString(), "--dry-run"), new PrintStream(out, true));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Dry run: 10 rows, 10 would be imported");

        out.reset();
        status = command.run(List.of("--centre", code, "--file", file.toString()), new PrintStream(out, true));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Import: 10 rows, 10 imported");
        assertThat(registry.patientsByRecordNumber(site.centreId(), List.of("H-1001")))
                .hasSize(1);

        Files.writeString(
                file, HEADER + "\nPATIENT,Z-1,,Nameless,1990-01-01,MALE,,HEMOPHILIA_A,0.5,2000-01-01,,,,,,,,,,,,,,,\n");
        out.reset();
        status = command.run(List.of("--centre", code, "--file", file.toString()), new PrintStream(out, true));
        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("line 2, family_name: This value is required.");

        out.reset();
        assertThat(command.run(List.of("--centre", "NO-SUCH", "--file", file.toString()), new PrintStream(out, true)))
                .isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no centre has the code NO-SUCH");
        Files.delete(file);
    }
}
