package org.hemonet.identity;

import java.util.UUID;
import org.hemonet.identity.internal.Accounts;
import org.hemonet.shared.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Permissions granted to single accounts ({@link Permission}). Read from the database on every check, so a grant or a
 * revocation applies on the account's next request (security.md §7), and a disabled account holds none.
 */
@Service
public class AccountPermissions {

    private final Accounts accounts;

    AccountPermissions(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Does the actor hold the permission, for a role it applies to, on an enabled account? */
    // on the primary, not a replica (docs/scaling.md): a permission withdrawn a moment ago must already count
    @Transactional
    public boolean has(Actor actor, Permission permission) {
        Role role;
        try {
            role = Role.of(actor.role());
        } catch (IllegalArgumentException notAnAccount) {
            return false; // an OAuth2 client acting for itself (SYSTEM)
        }
        return permission.appliesTo(role) && accounts.hasPermission(actor.accountId(), permission.name());
    }

    /** Grants the permission (idempotent); {@code grantedBy} is the username of whoever granted it. */
    @Transactional
    public void grant(UUID accountId, Permission permission, String grantedBy) {
        accounts.grantPermission(accountId, permission.name(), grantedBy);
    }

    /** Revokes the permission: the row keeps who revoked it and when. */
    @Transactional
    public void revoke(UUID accountId, Permission permission, String revokedBy) {
        accounts.revokePermission(accountId, permission.name(), revokedBy);
    }
}
