package org.hemonet.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The canonical form and link function of the audit chain (security.md §14). Stored chains depend on them byte for
 * byte; the expected hash was computed independently (Python {@code hashlib}) from the form written out below.
 */
class ChainHashTests {

    private final StoredEvent event = new StoredEvent(
            7,
            Instant.parse("2026-11-27T13:00:00.123456Z"),
            UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"),
            "dr.åda",
            "CLINICIAN",
            List.of(
                    UUID.fromString("00000000-0000-0000-0000-00000000000a"),
                    UUID.fromString("00000000-0000-0000-0000-00000000000b")),
            null,
            "READ",
            "Patient",
            null,
            "SUCCESS",
            "203.0.113.9",
            "req|1");

    @Test
    void writesEveryColumnLengthPrefixedWithNullsMarked() {
        assertThat(new String(ChainHash.canonical(event), StandardCharsets.UTF_8))
                .isEqualTo("hemonet-audit-event-v1|1:7|27:2026-11-27T13:00:00.123456Z"
                        + "|36:0f8fad5b-d9cb-469f-a165-70867728950e|7:dr.åda|9:CLINICIAN"
                        + "|73:00000000-0000-0000-0000-00000000000a,00000000-0000-0000-0000-00000000000b"
                        + "|~|4:READ|7:Patient|~|7:SUCCESS|11:203.0.113.9|5:req|1");
    }

    @Test
    void linksTheFirstEventToThirtyTwoZeroBytes() {
        assertThat(ChainHash.hex(ChainHash.link(ChainHash.GENESIS, event)))
                .isEqualTo("db528345b00756e6bfd62ce82315f0551e11f37362e2d4a9ec9bd98725d8043d");
    }

    @Test
    void timesKeepMicrosecondsEvenWhenZero() {
        var onTheSecond = new StoredEvent(
                1,
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                "u",
                "r",
                List.of(),
                null,
                "READ",
                "T",
                null,
                "SUCCESS",
                "-",
                "-");
        assertThat(new String(ChainHash.canonical(onTheSecond), StandardCharsets.UTF_8))
                .contains("|27:2026-01-01T00:00:00.000000Z|~|1:u|1:r|0:|~|");
    }

    @Test
    void aFieldBoundaryCannotBeShifted() {
        var shifted = new StoredEvent(
                event.seq(),
                event.occurredAt(),
                event.accountId(),
                "dr.åda|9:CLINICIAN",
                "",
                event.centreIds(),
                event.patientId(),
                event.action(),
                event.resourceType(),
                event.resourceId(),
                event.outcome(),
                event.clientAddress(),
                event.requestId());
        assertThat(ChainHash.canonical(shifted)).isNotEqualTo(ChainHash.canonical(event));
    }
}
