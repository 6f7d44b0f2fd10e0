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
 * The registry import file (issue 15, interchange: {@code POST /api/v1/imports}, dry runs and real imports) built
 * from the sample file's columns with fuzzed cells, rows dropped, repeated or cut, and sometimes arbitrary bytes. No answer may be 5xx (issue 14).
 */
class RegistryImportFuzzTest {

    private static final List<String> REGISTRY_SAMPLE = sample();

    private static List<String> sample() {
        try {
            return Files.readAllLines(Path.of("docs/samples/registry-import.csv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = FuzzDuration.VALUE)
    void registryImportAnswersCleanly(FuzzedDataProvider data) {
        FuzzServer server = FuzzServer.get();
        byte[] file = data.consumeInt(0, 9) == 0
                ? data.consumeRemainingAsBytes()
                : mutated(data, REGISTRY_SAMPLE).getBytes(StandardCharsets.UTF_8);
        boolean dryRun = data.consumeInt(0, 3) != 0;
        HttpResponse<String> response = server.clinicianClient.postMultipart(
                "/api/v1/imports?centreId=" + server.site.centreId() + "&dryRun=" + dryRun,
                Map.of(),
                "registry.csv",
                "text/csv",
                file);
        // a real import of a file with errors is the documented 422 with the import's result (docs/import.md)
        FuzzServer.assertClean(
                response, "dryRun=" + dryRun + " file " + new String(file, StandardCharsets.UTF_8), 422);
    }

    /** The sample registry file with fuzzed cells (the header kept) and lines dropped, repeated or cut. */
    static String mutated(FuzzedDataProvider data, List<String> sample) {
        List<String> lines = new ArrayList<>();
        lines.add(sample.get(0));
        for (String line : sample.subList(1, sample.size())) {
            String[] cells = line.split(",", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = Fuzzed.cell(data, cells[i]);
            }
            lines.add(String.join(",", cells));
        }
        return String.join(data.consumeBoolean() ? "\n" : "\r\n", mutatedLines(data, lines));
    }

    static List<String> mutatedLines(FuzzedDataProvider data, List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            switch (data.consumeInt(0, 15)) {
                case 0 -> {} // dropped
                case 1 -> {
                    out.add(line);
                    out.add(line);
                }
                case 2 -> out.add(line.substring(0, data.consumeInt(0, line.length())));
                case 3 -> out.add(line + "," + data.consumeString(10));
                default -> out.add(line);
            }
        }
        return out;
    }
}
