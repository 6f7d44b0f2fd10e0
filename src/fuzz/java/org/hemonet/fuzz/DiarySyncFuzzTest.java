package org.hemonet.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hemonet.diary.BleedCause;
import org.hemonet.diary.BleedSite;
import org.hemonet.diary.InfusionReason;
import org.hemonet.support.DemoProducts;
import org.hemonet.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Diary sync JSON (issue 14): batches of bleeds and infusions, structured like a phone's outbox with fuzzed fields,
 * sometimes arbitrary bytes, sent by a signed-in patient to {@code POST /api/v1/diary/sync}. No answer may be 5xx.
 */
class DiarySyncFuzzTest {

    @FuzzTest(maxDuration = FuzzDuration.VALUE)
    void diarySyncAnswersCleanly(FuzzedDataProvider data) {
        FuzzServer server = FuzzServer.get();
        String body;
        if (data.consumeInt(0, 9) == 0) {
            body = data.consumeRemainingAsString();
        } else {
            int count = data.consumeInt(0, 3);
            List<String> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                entries.add(entry(data, server));
            }
            body = "{\"entries\":[" + String.join(",", entries) + "]}";
        }
        String key = data.consumeBoolean() ? UUID.randomUUID().toString() : headerValue(data.consumeString(210));
        HttpResponse<String> response =
                server.patientClient.postJson("/api/v1/diary/sync", body, Map.of("Idempotency-Key", key));
        FuzzServer.assertClean(response, "key " + Fuzzed.quote(key) + " body " + body);
    }

    private static String entry(FuzzedDataProvider data, FuzzServer server) {
        Instant now = TestClock.get().instant().truncatedTo(ChronoUnit.SECONDS);
        boolean bleed = data.consumeBoolean();
        String when = Fuzzed.quote(now.minus(data.consumeInt(0, 4000), ChronoUnit.HOURS).toString());
        String payload = bleed
                ? Fuzzed.object(
                        Fuzzed.field(data, "startedAt", () -> when),
                        Fuzzed.field(data, "site", () -> Fuzzed.quote(data.pickValue(BleedSite.values()).name())),
                        Fuzzed.field(data, "cause", () -> Fuzzed.quote(data.pickValue(BleedCause.values()).name())),
                        Fuzzed.field(data, "pain", () -> String.valueOf(data.consumeInt(0, 10))),
                        Fuzzed.field(data, "jointImmobilising", () -> String.valueOf(data.consumeBoolean())),
                        Fuzzed.field(data, "daysLostSchool", () -> String.valueOf(data.consumeInt(0, 5))),
                        Fuzzed.field(data, "daysLostWork", () -> String.valueOf(data.consumeInt(0, 5))),
                        Fuzzed.field(data, "note", () -> Fuzzed.quote(data.consumeString(60))))
                : Fuzzed.object(
                        Fuzzed.field(data, "administeredAt", () -> when),
                        Fuzzed.field(data, "productId", () -> Fuzzed.quote(product(server))),
                        Fuzzed.field(data, "batchNumber", () -> Fuzzed.quote(data.consumeString(20))),
                        Fuzzed.field(data, "doseIu", () -> String.valueOf(data.consumeInt(-10, 20000))),
                        Fuzzed.field(data, "doseMg", () -> String.valueOf(data.consumeInt(-10, 500))),
                        Fuzzed.field(
                                data, "reason", () -> Fuzzed.quote(data.pickValue(InfusionReason.values()).name())),
                        Fuzzed.field(data, "bleedId", () -> Fuzzed.quote(UUID.randomUUID().toString())),
                        Fuzzed.field(data, "givenBy", () -> Fuzzed.quote(data.consumeString(20))),
                        Fuzzed.field(data, "note", () -> Fuzzed.quote(data.consumeString(60))));
        return Fuzzed.object(
                Fuzzed.field(data, "id", () -> Fuzzed.quote(UUID.randomUUID().toString())),
                Fuzzed.field(data, "type", () -> Fuzzed.quote(bleed ? "BLEED" : "INFUSION")),
                Fuzzed.field(data, "patientId", () -> Fuzzed.quote(server.patient.patientId().toString())),
                Fuzzed.field(data, bleed ? "bleed" : "infusion", () -> payload));
    }

    /** Any text a client can put in a header (visible ASCII; HTTP clients refuse control characters themselves). */
    private static String headerValue(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append((char) (0x21 + Math.floorMod(c, 0x7e - 0x21)));
        }
        return out.toString();
    }

    private static String product(FuzzServer server) {
        return DemoProducts.factorConcentrate(server.context.getBean(JdbcClient.class))
                .productId()
                .toString();
    }
}
