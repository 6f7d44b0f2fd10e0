package org.hemonet.audit.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An {@code audit.event} row exactly as stored: what the hash chain covers. */
record StoredEvent(
        long seq,
        Instant occurredAt,
        @Nullable UUID accountId,
        String username,
        String role,
        List<UUID> centreIds,
        @Nullable UUID patientId,
        String action,
        String resourceType,
        @Nullable String resourceId,
        String outcome,
        String clientAddress,
        String requestId) {

    StoredEvent {
        centreIds = List.copyOf(centreIds);
    }

    /** Maps the event columns of {@link AuditQueries#EVENT_COLUMNS} (the sequence number from {@code seq}). */
    static StoredEvent from(ResultSet rs) throws SQLException {
        return new StoredEvent(
                rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("account_id", UUID.class),
                rs.getString("username"),
                rs.getString("role"),
                uuids(rs.getArray("centre_ids")),
                rs.getObject("patient_id", UUID.class),
                rs.getString("action"),
                rs.getString("resource_type"),
                rs.getString("resource_id"),
                rs.getString("outcome"),
                rs.getString("client_address"),
                rs.getString("request_id"));
    }

    private static List<UUID> uuids(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((UUID[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
