package org.hemonet.pathway.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hemonet.pathway.EmergencyGrant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pathway module's SQL: emergency access grants. */
@Repository
public class EmergencyQueries {

    private static final String COLUMNS =
            "id, patient_id, created_at, created_by, expires_at, revoked_at, revoked_by from pathway.emergency_access";

    private final JdbcClient jdbc;

    EmergencyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            UUID id, UUID patientId, String tokenHash, Instant createdAt, String by, String role, Instant expiresAt) {
        jdbc.sql(
                        """
                        insert into pathway.emergency_access
                            (id, patient_id, token_hash, created_at, created_by, created_by_role, expires_at)
                        values (:id, :patient, :hash, :created, :by, :role, :expires)
                        """)
                .param("id", id)
                .param("patient", patientId)
                .param("hash", tokenHash)
                .param("created", utc(createdAt))
                .param("by", by)
                .param("role", role)
                .param("expires", utc(expiresAt))
                .update();
    }

    public Optional<EmergencyGrant> byTokenHash(String tokenHash) {
        return jdbc.sql("select " + COLUMNS + " where token_hash = :hash")
                .param("hash", tokenHash)
                .query(EmergencyQueries::grant)
                .optional();
    }

    public Optional<EmergencyGrant> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " where id = :id")
                .param("id", id)
                .query(EmergencyQueries::grant)
                .optional();
    }

    /** A patient's grants, newest first. */
    public List<EmergencyGrant> ofPatient(UUID patientId, int limit) {
        return jdbc.sql("select " + COLUMNS + " where patient_id = :patient order by created_at desc limit :limit")
                .param("patient", patientId)
                .param("limit", limit)
                .query(EmergencyQueries::grant)
                .list();
    }

    /** Revokes a grant that is not revoked yet; false when it already was. */
    public boolean revoke(UUID id, Instant at, String by) {
        return jdbc.sql(
                                """
                        update pathway.emergency_access set revoked_at = :at, revoked_by = :by
                        where id = :id and revoked_at is null
                        """)
                        .param("id", id)
                        .param("at", utc(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static EmergencyGrant grant(ResultSet rs, int n) throws SQLException {
        return new EmergencyGrant(
                rs.getObject("id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                null,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                instant(rs, "revoked_at"),
                rs.getString("revoked_by"));
    }
}
