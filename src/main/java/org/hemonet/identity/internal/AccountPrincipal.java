package org.hemonet.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hemonet.identity.Role;
import org.hemonet.shared.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account as Spring Security holds it in the session. */
public final class AccountPrincipal implements UserDetails {

    private final UUID accountId;
    private final String username;
    private final String passwordHash;
    private final String displayName;
    private final Role role;
    private final boolean enabled;
    private final Set<UUID> centreIds;
    private final Set<UUID> patientIds;

    AccountPrincipal(Accounts.StoredAccount account, Set<UUID> centreIds, Set<UUID> patientIds) {
        this.accountId = account.id();
        this.username = account.username();
        this.passwordHash = account.passwordHash();
        this.displayName = account.displayName();
        this.role = account.role();
        this.enabled = account.enabled();
        this.centreIds = Set.copyOf(centreIds);
        this.patientIds = Set.copyOf(patientIds);
    }

    /** Same role, enabled state, centres and records: nothing that access decisions depend on has changed. */
    public boolean sameAccess(AccountPrincipal other) {
        return role == other.role
                && enabled == other.enabled
                && centreIds.equals(other.centreIds)
                && patientIds.equals(other.patientIds);
    }

    public Actor toActor() {
        return new Actor(accountId, username, role.name(), centreIds, patientIds);
    }

    public UUID accountId() {
        return accountId;
    }

    public Set<UUID> centreIds() {
        return centreIds;
    }

    public Set<UUID> patientIds() {
        return patientIds;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
