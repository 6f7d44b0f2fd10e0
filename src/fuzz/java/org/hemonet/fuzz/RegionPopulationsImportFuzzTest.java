package org.hemonet.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hemonet.lab.Analyte;
import org.hemonet.lab.AssayMethod;
import org.hemonet.support.TestClock;

/**
 * The regions' populations as CSV ({@code POST /api/v1/regions/populations}, as the demo administrator) with fuzzed
 * cells and rows, and sometimes arbitrary text. No answer may be 5xx (issue 14).
 */
class RegionPopulationsImportFuzzTest {

    @FuzzTest(maxDuration = FuzzDuration.VALUE)
    void regionPopulationsImportAnswersCleanly(FuzzedDataProvider data) {
        FuzzServer server = FuzzServer.get();
        String csv;
        if (data.consumeInt(0, 9) == 0) {
            csv = data.consumeRemainingAsString();
        } else {
            List<String> lines = new ArrayList<>();
            lines.add("region_code,year,population");
            int rows = data.consumeInt(0, 4);
            for (int i = 0; i < rows; i++) {
                lines.add(String.join(
                        ",",
                        Fuzzed.cell(data, data.pickValue(new String[] {"E12000001", "E12000007", "S92000003", "XX"})),
                        Fuzzed.cell(data, String.valueOf(data.consumeInt(1990, 2030))),
                        Fuzzed.cell(data, String.valueOf(data.consumeInt(0, 10_000_000)))));
            }
            csv = String.join("\n", RegistryImportFuzzTest.mutatedLines(data, lines));
        }
        HttpResponse<String> response = server.adminClient.post("/api/v1/regions/populations", "text/csv", csv);
        FuzzServer.assertClean(response, csv);
    }
}
