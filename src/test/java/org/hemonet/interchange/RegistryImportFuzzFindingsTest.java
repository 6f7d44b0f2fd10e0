package org.hemonet.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hemonet.identity.Role;
import org.hemonet.support.ApiClient;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.TestNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inputs the fuzzer (issue 14, {@code ./mvnw -Pfuzz}, RegistryImportFuzzTest) found answered 500, kept as regression
 * tests: each is now the import's documented answer listing the problem, and nothing is stored.
 */
class RegistryImportFuzzFindingsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUnterminatedQuoteInTheHeaderLineIsListedAsAnErrorNotA500() {
        TestNetwork.Site site = TestNetwork.in(context).centre("Import fuzz");
        ApiClient clinician =
                new ApiClient(port).signIn(site.staff(Role.CLINICIAN).username());
        // the fuzzer's input: a quote, then bytes that are not UTF-8, then no closing quote
        byte[] file = {0x22, (byte) 0xf2, 0x1b, (byte) 0xbe};
        for (boolean dryRun : new boolean[] {true, false}) {
            HttpResponse<String> response = clinician.postMultipart(
                    "/api/v1/imports?centreId=" + site.centreId() + "&dryRun=" + dryRun,
                    Map.of(),
                    "registry.csv",
                    "text/csv",
                    file);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(dryRun ? 200 : 422);
            assertThat(response.body()).contains("\"errors\"", "not readable CSV");
        }
        String unterminated = "record,\"patient_number\n";
        HttpResponse<String> text = clinician.postMultipart(
                "/api/v1/imports?centreId=" + site.centreId() + "&dryRun=false",
                Map.of(),
                "registry.csv",
                "text/csv",
                unterminated.getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).as(text.body()).isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from patient.patient where centre_id = :c")
                        .param("c", site.centreId())
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
