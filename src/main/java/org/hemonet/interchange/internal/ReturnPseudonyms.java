package org.hemonet.interchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pseudonyms of the WBDR-style file (issue 15, docs/returns.md): HMAC-SHA256 of the patient's id under the
 * network's return key, as 32 hex digits (128 bits). The key is drawn once, at random, by the first node that needs it
 * and kept in {@code interchange.return_pseudonym_key}, so a patient keeps one pseudonym across years and centres (the
 * global registry follows people over years) and nobody without the key can compute it from an id. The SQL of the
 * module's returns lives here: it is the only table they own.
 */
@Component
class ReturnPseudonyms {

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private volatile byte @Nullable [] key;

    ReturnPseudonyms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String of(UUID patientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal(patientId.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] drawn = new byte[32];
            random.nextBytes(drawn);
            // the first node to get here stores its key; every node then reads the one stored
            jdbc.sql("insert into interchange.return_pseudonym_key (key) values (:key) on conflict (id) do nothing")
                    .param("key", drawn)
                    .update();
            k = jdbc.sql("select key from interchange.return_pseudonym_key")
                    .query(byte[].class)
                    .single();
            key = k;
        }
        return k;
    }
}
