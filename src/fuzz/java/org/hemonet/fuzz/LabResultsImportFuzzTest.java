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
 * A patient's lab results as CSV ({@code POST /api/v1/patients/{id}/lab-results}, text/csv) with fuzzed cells and
 * rows, and sometimes arbitrary text. No answer may be 5xx (issue 14).
 */
class LabResultsImportFuzzTest {

    @FuzzTest(maxDuration = FuzzDuration.VALUE)
    void labResultsImportAnswersCleanly(FuzzedDataProvider data) {
        FuzzServer server = FuzzServer.get();
        String csv;
        if (data.consumeInt(0, 9) == 0) {
            csv = data.consumeRemainingAsString();
        } else {
            List<String> lines = new ArrayList<>();
            lines.add("analyte,method,value,unit,sampledOn,referenceLow,referenceHigh,laboratory");
            int rows = data.consumeInt(0, 4);
            for (int i = 0; i < rows; i++) {
                lines.add(String.join(
                        ",",
                        Fuzzed.cell(data, data.pickValue(Analyte.values()).name()),
                        Fuzzed.cell(data, data.pickValue(AssayMethod.values()).name()),
                        Fuzzed.cell(data, String.valueOf(data.consumeInt(0, 300))),
                        Fuzzed.cell(data, data.pickValue(new String[] {"IU/dL", "%", "IU/mL", "U/L", "mg/dL"})),
                        Fuzzed.cell(
                                data,
                                java.time.LocalDate.now(TestClock.get())
                                        .minusDays(data.consumeInt(-2, 3000))
                                        .toString()),
                        Fuzzed.cell(data, "50"),
                        Fuzzed.cell(data, "150"),
                        Fuzzed.cell(data, "Central lab")));
            }
            csv = String.join("\n", RegistryImportFuzzTest.mutatedLines(data, lines));
        }
        HttpResponse<String> response = server.clinicianClient.post(
                "/api/v1/patients/" + server.patient.patientId() + "/lab-results", "text/csv", csv);
        FuzzServer.assertClean(response, csv);
    }
}
