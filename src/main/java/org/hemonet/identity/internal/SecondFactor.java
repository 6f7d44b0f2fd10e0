package org.hemonet.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import org.hemonet.identity.Totp;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of staff accounts (security.md §9): TOTP codes (RFC 6238) that cannot be replayed, and one-time
 * recovery codes.
 */
@Service
class SecondFactor {

    static final int RECOVERY_CODES = 10;
    private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final boolean replayProtection;
    private final SecureRandom random = new SecureRandom();

    SecondFactor(
            JdbcClient jdbc,
            PasswordEncoder passwordEncoder,
            Clock clock,
            @Value("${hemonet.security.totp-replay-protection:true}") boolean replayProtection) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.replayProtection = replayProtection;
    }

    String newSecret() {
        return Totp.newSecret(random);
    }

    /** Accepts a current TOTP code once (a later step than any accepted before), or an unused recovery code. */
    @Transactional
    boolean verify(UUID accountId, String secret, @Nullable Long lastStep, String code) {
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
        if (step.isPresent()) {
            if (replayProtection && lastStep != null && step.getAsLong() <= lastStep) {
                return false;
            }
            jdbc.sql("update identity.account set totp_last_step = :step where id = :id")
                    .param("step", step.getAsLong())
                    .param("id", accountId)
                    .update();
            return true;
        }
        return useRecoveryCode(accountId, code);
    }

    /** Stores a confirmed secret and returns fresh recovery codes (shown once; only their hashes are kept). */
    @Transactional
    List<String> enrol(UUID accountId, String secret, long confirmedStep) {
        jdbc.sql(
                        """
                        update identity.account set totp_secret = :secret, totp_last_step = :step,
                            totp_enrolled_at = now(), updated_at = now(), version = version + 1
                        where id = :id
                        """)
                .param("secret", secret)
                .param("step", confirmedStep)
                .param("id", accountId)
                .update();
        jdbc.sql("update identity.recovery_code set used_at = now() where account_id = :id and used_at is null")
                .param("id", accountId)
                .update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = recoveryCode();
            codes.add(code);
            jdbc.sql("insert into identity.recovery_code (id, account_id, code_hash) values (:id, :account, :hash)")
                    .param("id", UUID.randomUUID())
                    .param("account", accountId)
                    .param("hash", passwordEncoder.encode(normalise(code)))
                    .update();
        }
        return codes;
    }

    private boolean useRecoveryCode(UUID accountId, String code) {
        String candidate = normalise(code);
        if (candidate.length() != 10) {
            return false;
        }
        List<UUID> matching = jdbc
                .sql("select id, code_hash from identity.recovery_code where account_id = :id and used_at is null")
                .param("id", accountId)
                .query((rs, n) -> passwordEncoder.matches(candidate, rs.getString("code_hash"))
                        ? rs.getObject("id", UUID.class)
                        : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
        if (matching.isEmpty()) {
            return false;
        }
        jdbc.sql("update identity.recovery_code set used_at = now() where id = :id and used_at is null")
                .param("id", matching.get(0))
                .update();
        return true;
    }

    private String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET[random.nextInt(RECOVERY_ALPHABET.length)]);
        }
        return code.toString();
    }

    private static String normalise(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
