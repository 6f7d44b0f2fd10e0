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
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs access tokens. It is kept in {@code jwk.json} in the data directory (created with owner-only
 * permissions on first start) so that tokens survive a restart. Production should provide this file from its secret
 * store and rotate it; a deployment without a writable data directory gets a fresh key at every start, which simply
 * invalidates outstanding tokens.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {}

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
