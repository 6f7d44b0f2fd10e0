package org.hemonet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hemonet.shared.Actor;
import org.hemonet.support.IntegrationTest;
import org.hemonet.support.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Permissions granted to single accounts (issue 18): the research-extract permission. */
class AccountPermissionsTest extends IntegrationTest {

    @Autowired
    AccountPermissions permissions;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    JdbcClient jdbc;

    private Actor account(Role role) {
        String username = "t-perm-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = accounts.create(new NewAccount(
                username, "Permission test", role, SignIn.DEMO_PASSWORD, Set.of(), Map.of(), SignIn.DEMO_TOTP_SECRET));
        return new Actor(id, username, role.name(), Set.of(), Set.of());
    }

    @Test
    void aGrantAppliesAtOnceAndARevocationEndsItKeepingTheRow() {
        Actor analyst = account(Role.NETWORK_ANALYST);
        assertThat(permissions.has(analyst, Permission.RESEARCH_EXTRACT)).isFalse();

        permissions.grant(analyst.accountId(), Permission.RESEARCH_EXTRACT, "admin");
        permissions.grant(analyst.accountId(), Permission.RESEARCH_EXTRACT, "admin"); // idempotent
        assertThat(permissions.has(analyst, Permission.RESEARCH_EXTRACT)).isTrue();

        permissions.revoke(analyst.accountId(), Permission.RESEARCH_EXTRACT, "admin");
        assertThat(permissions.has(analyst, Permission.RESEARCH_EXTRACT)).isFalse();
        assertThat(jdbc.sql(
                                """
                                select count(*) from identity.account_permission
                                where account_id = :a and revoked_by = 'admin' and revoked_at is not null""")
                        .param("a", analyst.accountId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theResearchPermissionCountsOnlyForAnEnabledNetworkAnalyst() {
        Actor commissioner = account(Role.COMMISSIONER);
        permissions.grant(commissioner.accountId(), Permission.RESEARCH_EXTRACT, "admin");
        assertThat(permissions.has(commissioner, Permission.RESEARCH_EXTRACT)).isFalse();

        Actor analyst = account(Role.NETWORK_ANALYST);
        permissions.grant(analyst.accountId(), Permission.RESEARCH_EXTRACT, "admin");
        accounts.setEnabled(analyst.accountId(), false);
        assertThat(permissions.has(analyst, Permission.RESEARCH_EXTRACT)).isFalse();

        Actor system = new Actor(analyst.accountId(), "a-client", "SYSTEM", Set.of(), Set.of());
        assertThat(permissions.has(system, Permission.RESEARCH_EXTRACT)).isFalse();
    }

    @Test
    void theDemoAnalystHoldsTheResearchPermission() {
        UUID id = jdbc.sql("select id from identity.account where username = 'analyst'")
                .query(UUID.class)
                .single();
        assertThat(permissions.has(
                        new Actor(id, "analyst", "NETWORK_ANALYST", Set.of(), Set.of()), Permission.RESEARCH_EXTRACT))
                .isTrue();
    }
}
