package org.hemonet.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The link function of the audit hash chain (security.md §14): {@code hash(n) = SHA-256(hash(n-1) ‖ canonical(event
 * n))}, starting from 32 zero bytes.
 *
 * <p>The canonical form is a version tag followed by every column of the event in a fixed order, each written as
 * {@code |<UTF-8 byte length>:<UTF-8 bytes>} (or {@code |~} for SQL null), so that no two different rows share a form.
 * Times are UTC with microseconds, PostgreSQL's precision. Existing chains depend on this exact form: a change needs a
 * new version tag and a verifier that still understands the old one.
 */
final class ChainHash {

    static final byte[] GENESIS = new byte[32];
    private static final String VERSION = "hemonet-audit-event-v1";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ChainHash() {}

    static byte[] link(byte[] previous, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(canonical(event));
        return sha256.digest();
    }

    static byte[] canonical(StoredEvent event) {
        var out = new ByteArrayOutputStream(256);
        out.writeBytes(VERSION.getBytes(StandardCharsets.UTF_8));
        field(out, Long.toString(event.seq()));
        field(out, TIME.format(event.occurredAt()));
        field(out, text(event.accountId()));
        field(out, event.username());
        field(out, event.role());
        field(out, event.centreIds().stream().map(UUID::toString).collect(Collectors.joining(",")));
        field(out, text(event.patientId()));
        field(out, event.action());
        field(out, event.resourceType());
        field(out, event.resourceId());
        field(out, event.outcome());
        field(out, event.clientAddress());
        field(out, event.requestId());
        return out.toByteArray();
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static void field(ByteArrayOutputStream out, @Nullable String value) {
        if (value == null) {
            out.writeBytes("|~".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(("|" + bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
    }

    private static @Nullable String text(@Nullable UUID id) {
        return id == null ? null : id.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
