package org.hemonet.identity;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An account to create.
 *
 * @param patients for patient accounts: each record held, with relationship {@code SELF} or {@code GUARDIAN}
 */
public record NewAccount(
        String username,
        String displayName,
        Role role,
        String rawPassword,
        Set<UUID> centreIds,
        Map<UUID, String> patients,
        @Nullable String totpSecret) {}
