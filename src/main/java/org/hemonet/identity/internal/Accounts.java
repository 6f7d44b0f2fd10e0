package org.hemonet.identity.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hemonet.identity.Account;
import org.hemonet.identity.NewAccount;
import org.hemonet.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the identity module. */
@Repository
public class Accounts {

    /** An account row with the secrets the sign-in needs. */
    public record StoredAccount(
            UUID id,
            String username,
            String passwordHash,
            String displayName,
            Role role,
            boolean enabled,
            @Nullable String totpSecret,
            @Nullable Long totpLastStep,
            int version) {}

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, NewAccount account, String passwordHash) {
        jdbc.sql(
                        """
                        insert into identity.account (id, username, password_hash, display_name, role, totp_secret)
                        values (:id, :username, :hash, :displayName, :role, :totp)
                        """)
                .param("id", id)
                .param("username", account.username())
                .param("hash", passwordHash)
                .param("displayName", account.displayName())
                .param("role", account.role().name())
                .param("totp", account.totpSecret())
                .update();
        for (UUID centreId : account.centreIds()) {
            jdbc.sql("insert into identity.account_centre (account_id, centre_id) values (:a, :c)")
                    .param("a", id)
                    .param("c", centreId)
                    .update();
        }
        for (Map.Entry<UUID, String> patient : account.patients().entrySet()) {
            jdbc.sql(
                            """
                            insert into identity.account_patient (account_id, patient_id, relationship)
                            values (:a, :p, :r)
                            """)
                    .param("a", id)
                    .param("p", patient.getKey())
                    .param("r", patient.getValue())
                    .update();
        }
    }

    public Optional<StoredAccount> findByUsername(String username) {
        return jdbc.sql(SELECT_ACCOUNT + " where lower(username) = lower(:username)")
                .param("username", username)
                .query(Accounts::stored)
                .optional();
    }

    public Optional<StoredAccount> findById(UUID id) {
        return jdbc.sql(SELECT_ACCOUNT + " where id = :id")
                .param("id", id)
                .query(Accounts::stored)
                .optional();
    }

    /** An account with the centres and patients it holds, read in one round trip. */
    public record WithAccess(StoredAccount account, Set<UUID> centreIds, Set<UUID> patientIds) {}

    /**
     * The account with its centres and patients in one query: SessionLimits re-reads it on every request (security.md
     * §7), so it costs one round trip instead of three.
     */
    public Optional<WithAccess> findWithAccess(UUID id) {
        return jdbc.sql(
                        """
                        select a.id, a.username, a.password_hash, a.display_name, a.role, a.enabled, a.totp_secret,
                            a.totp_last_step, a.version,
                            array(select centre_id from identity.account_centre where account_id = a.id) centre_ids,
                            array(select patient_id from identity.account_patient where account_id = a.id) patient_ids
                        from identity.account a where a.id = :id""")
                .param("id", id)
                .query((rs, n) -> new WithAccess(
                        stored(rs, n), uuids(rs.getArray("centre_ids")), uuids(rs.getArray("patient_ids"))))
                .optional();
    }

    private static Set<UUID> uuids(java.sql.Array array) throws java.sql.SQLException {
        Set<UUID> ids = new HashSet<>();
        for (Object id : (Object[]) array.getArray()) {
            ids.add((UUID) id);
        }
        return ids;
    }

    private static final String SELECT_ACCOUNT =
            """
            select id, username, password_hash, display_name, role, enabled, totp_secret, totp_last_step, version
            from identity.account
            """;

    private static StoredAccount stored(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredAccount(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                rs.getString("totp_secret"),
                rs.getObject("totp_last_step", Long.class),
                rs.getInt("version"));
    }

    public Set<UUID> centresOf(UUID accountId) {
        return new HashSet<>(jdbc.sql("select centre_id from identity.account_centre where account_id = :id")
                .param("id", accountId)
                .query(UUID.class)
                .list());
    }

    public Set<UUID> patientsOf(UUID accountId) {
        return new HashSet<>(jdbc.sql("select patient_id from identity.account_patient where account_id = :id")
                .param("id", accountId)
                .query(UUID.class)
                .list());
    }

    /** Enabled accounts holding a patient's record (the patient, a parent or guardian), for notifying them. */
    public List<UUID> holdersOf(UUID patientId) {
        return jdbc.sql(
                        """
                        select a.id from identity.account a
                        join identity.account_patient p on p.account_id = a.id
                        where p.patient_id = :patient and a.enabled order by a.username
                        """)
                .param("patient", patientId)
                .query(UUID.class)
                .list();
    }

    /** Enabled centre-staff accounts of a centre, by display name (who a team inbox thread may be assigned to). */
    public List<UUID> staffOf(UUID centreId) {
        return jdbc.sql(
                        """
                        select a.id from identity.account a
                        join identity.account_centre c on c.account_id = a.id
                        where c.centre_id = :centre and a.enabled
                          and a.role in ('CLINICIAN', 'NURSE', 'PHYSIO', 'SOCIAL_WORKER', 'LAB')
                        order by a.display_name, a.username
                        """)
                .param("centre", centreId)
                .query(UUID.class)
                .list();
    }

    public List<Account> all() {
        return jdbc.sql(
                        """
                        select id, username, display_name, role, enabled from identity.account
                        order by role, username
                        """)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Account(
                            id,
                            rs.getString("username"),
                            rs.getString("display_name"),
                            Role.valueOf(rs.getString("role")),
                            rs.getBoolean("enabled"),
                            Set.of(),
                            Set.of());
                })
                .list();
    }

    public void setEnabled(UUID id, boolean enabled) {
        jdbc.sql("update identity.account set enabled = :e, version = version + 1, updated_at = now() where id = :id")
                .param("e", enabled)
                .param("id", id)
                .update();
    }

    public void reassign(UUID id, Role role, Set<UUID> centreIds) {
        jdbc.sql("update identity.account set role = :r, version = version + 1, updated_at = now() where id = :id")
                .param("r", role.name())
                .param("id", id)
                .update();
        jdbc.sql("delete from identity.account_centre where account_id = :id")
                .param("id", id)
                .update();
        for (UUID centreId : centreIds) {
            jdbc.sql("insert into identity.account_centre (account_id, centre_id) values (:a, :c)")
                    .param("a", id)
                    .param("c", centreId)
                    .update();
        }
    }

    public long count() {
        return jdbc.sql("select count(*) from identity.account")
                .query(Long.class)
                .single();
    }

    /** Does the enabled account hold the permission now (a grant not revoked)? */
    public boolean hasPermission(UUID accountId, String permission) {
        return jdbc.sql(
                        """
                        select exists (select 1 from identity.account_permission p
                                       join identity.account a on a.id = p.account_id
                                       where p.account_id = :a and p.permission = :p
                                         and p.revoked_at is null and a.enabled)
                        """)
                .param("a", accountId)
                .param("p", permission)
                .query(Boolean.class)
                .single();
    }

    public void grantPermission(UUID accountId, String permission, String grantedBy) {
        jdbc.sql(
                        """
                        insert into identity.account_permission (id, account_id, permission, granted_by)
                        values (:id, :a, :p, :by)
                        on conflict (account_id, permission) where revoked_at is null do nothing
                        """)
                .param("id", UUID.randomUUID())
                .param("a", accountId)
                .param("p", permission)
                .param("by", grantedBy)
                .update();
    }

    public void revokePermission(UUID accountId, String permission, String revokedBy) {
        jdbc.sql(
                        """
                        update identity.account_permission set revoked_at = now(), revoked_by = :by
                        where account_id = :a and permission = :p and revoked_at is null
                        """)
                .param("a", accountId)
                .param("p", permission)
                .param("by", revokedBy)
                .update();
    }
}
