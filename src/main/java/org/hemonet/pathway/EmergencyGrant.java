package org.hemonet.pathway;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One emergency link of a patient's: who made it, until when it opens, whether it was revoked. The link itself
 * ({@code path}) is known only when the grant is made: the store keeps a hash of its secret.
 */
public record EmergencyGrant(
        UUID id,
        UUID patientId,
        @Nullable String path,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable String revokedBy) {

    public boolean opensAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
