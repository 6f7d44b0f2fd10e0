package org.hemonet.identity.internal;

import java.io.Serializable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A staff sign-in whose password was right and whose second factor is still to come, kept in the session. Nothing is
 * granted until the second factor is verified.
 *
 * @param enrolmentSecret a secret being set up, for an account that has none yet
 */
record PendingSignIn(UUID accountId, String username, @Nullable String enrolmentSecret) implements Serializable {

    static final String ATTRIBUTE = PendingSignIn.class.getName();

    PendingSignIn withEnrolmentSecret(String secret) {
        return new PendingSignIn(accountId, username, secret);
    }
}
