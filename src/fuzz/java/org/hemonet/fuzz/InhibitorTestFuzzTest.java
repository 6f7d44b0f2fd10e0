package org.hemonet.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.hemonet.support.TestClock;

/**
 * The inhibitor test input (issue 14): sample date, residual activity and dilution, from which the Bethesda titre is
 * computed (clinical.md, Bethesda assay), through the API as a clinician of the patient's centre.
 */
class InhibitorTestFuzzTest {

    @FuzzTest(maxDuration = FuzzDuration.VALUE)
    void inhibitorTestInputAnswersCleanly(FuzzedDataProvider data) {
        FuzzServer server = FuzzServer.get();
        LocalDate today = LocalDate.now(TestClock.get());
        String body = data.consumeInt(0, 9) == 0
                ? data.consumeRemainingAsString()
                : Fuzzed.object(
                        Fuzzed.field(
                                data,
                                "sampledOn",
                                () -> Fuzzed.quote(today.minusDays(data.consumeInt(-3, 20000)).toString())),
                        Fuzzed.field(data, "residualActivityPercent", () -> decimal(data)),
                        Fuzzed.field(data, "dilution", () -> decimal(data)));
        HttpResponse<String> response = server.clinicianClient.postJson(
                "/api/v1/patients/" + server.patient.patientId() + "/inhibitor-tests", body, java.util.Map.of());
        FuzzServer.assertClean(response, body);
    }

    private static String decimal(FuzzedDataProvider data) {
        return bigDecimal(data).toString();
    }

    static BigDecimal bigDecimal(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> BigDecimal.valueOf(data.consumeLong(), data.consumeInt(-400, 400));
            case 1 -> new BigDecimal(data.consumeInt(0, 200));
            default -> BigDecimal.valueOf(data.consumeInt(0, 20000), 2);
        };
    }
}
