package org.hemonet.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The RSA key that signs access tokens, the same on every app node (issue 14: a token issued by one node works on the
 * others) and across restarts. Two ways to keep it:
 *
 * <ul>
 *   <li>{@code hemonet.security.oauth2.signing-key-file} set: that JSON Web Key file, provided by the deployment's
 *       secret store to every node (and rotated there);
 *   <li>otherwise (default): the database table {@code identity.token_signing_key}. The first node to start stores one
 *       (the key of an older version's {@code $HEMONET_DATA_DIR/jwk.json} when there is one, so that its tokens stay
 *       valid, else a new key); two nodes starting at once both try, the unique index keeps one, and both then read
 *       that one.
 * </ul>
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {}

    private static final String ACTIVE_KEY =
            """
            select jwk from identity.token_signing_key where retired_at is null
            """;

    private static final String STORE_KEY =
            """
            insert into identity.token_signing_key (key_id, jwk) values (?, ?) on conflict do nothing
            """;

    /** The key every node shares: the active one in the database, stored first if there is none. */
    static RSAKey shared(JdbcTemplate jdbc, Path legacyFile) {
        List<String> stored = jdbc.queryForList(ACTIVE_KEY, String.class);
        if (stored.isEmpty()) {
            RSAKey candidate = Files.isRegularFile(legacyFile) ? loadOrCreate(legacyFile) : generate();
            jdbc.update(STORE_KEY, candidate.getKeyID(), candidate.toJSONString());
            stored = jdbc.queryForList(ACTIVE_KEY, String.class);
            if (stored.isEmpty()) {
                throw new IllegalStateException("No token signing key could be stored");
            }
            if (candidate.toJSONString().equals(stored.get(0))) {
                log.info("Stored the token signing key in the database, shared by every app node");
            }
        }
        return parsePrivate(stored.get(0), "identity.token_signing_key");
    }

    /** A key file from the deployment's secret store; it must exist and hold a private key. */
    static RSAKey fromFile(Path file) {
        try {
            return parsePrivate(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("The token signing key file " + file + " cannot be read", e);
        }
    }

    private static RSAKey parsePrivate(String json, String where) {
        try {
            RSAKey key = RSAKey.parse(json);
            if (!key.isPrivate()) {
                throw new IllegalStateException("The token signing key in " + where + " has no private part");
            }
            return key;
        } catch (ParseException e) {
            throw new IllegalStateException("The token signing key in " + where + " is not a JSON Web Key", e);
        }
    }

    /** The single-node way of older versions: a key file in the data directory, created when missing. */
    static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!key.isPrivate()) {
                    throw new IllegalStateException("The token signing key in " + file + " has no private part");
                }
                return key;
            }
            RSAKey key = generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "jwk", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a non-POSIX file system: rely on the directory's permissions
            }
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("Created a new token signing key");
            return key;
        } catch (IOException e) {
            log.warn("Could not keep the token signing key in the data directory; tokens will not survive a restart");
            return generate();
        } catch (ParseException e) {
            throw new IllegalStateException("The token signing key file is not a JSON Web Key", e);
        }
    }

    public static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new UncheckedIOException(new IOException("Could not generate an RSA key", e));
        }
    }
}
