package org.hemonet.identity;

import java.util.Set;
import java.util.UUID;

/** An account as the administration and the shell see it (never with its password hash). */
public record Account(
        UUID id,
        String username,
        String displayName,
        Role role,
        boolean enabled,
        Set<UUID> centreIds,
        Set<UUID> patientIds) {}
