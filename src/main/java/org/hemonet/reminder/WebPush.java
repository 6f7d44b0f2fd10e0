package org.hemonet.reminder;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.hemonet.shared.Actor;
import org.hemonet.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Web Push to the installed web app (RFC 8030) with VAPID (RFC 8292), without a payload: the service worker
 * ({@code /js/reminder-sw.js}) shows a fixed text, "You have a reminder from your centre", so nothing about the patient
 * passes through the browser vendor's push service (security.md §16) and no payload encryption (RFC 8291) is needed.
 * The server's P-256 key pair is made on the first start and kept in the database, so every node and every restart
 * signs with the same key and browsers' subscriptions stay valid.
 */
@Service
public class WebPush {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getUrlDecoder();

    private final ReminderQueries queries;
    private final Clock clock;
    private final String subject;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile String @Nullable [] keys;

    WebPush(
            ReminderQueries queries,
            Clock clock,
            @Value("${hemonet.push.subject:mailto:hemonet@localhost}") String subject) {
        this.queries = queries;
        this.clock = clock;
        this.subject = subject;
    }

    /** Makes the key pair on the first start (another node may have made it first: then its pair is used). */
    @EventListener(ApplicationReadyEvent.class)
    void ensureKey() {
        keys();
    }

    /** The VAPID public key, an uncompressed P-256 point in base64url, for {@code pushManager.subscribe}. */
    public String publicKey() {
        return keys()[0];
    }

    /** Registers a browser of the actor; 400 naming {@code endpoint} unless it is an https URL. */
    public void subscribe(Actor actor, @Nullable String endpoint, @Nullable String p256dh, @Nullable String auth) {
        String e = endpoint == null ? "" : endpoint.strip();
        if (!validEndpoint(e)) {
            throw new InvalidInputException("endpoint", "A push subscription's endpoint is an https URL.");
        }
        queries.subscribe(e, actor.accountId(), p256dh, auth, clock.instant());
    }

    /** Stops pushes to a browser of the actor. */
    public void withdraw(Actor actor, @Nullable String endpoint) {
        if (endpoint != null
                && queries.subscriptionsOf(actor.accountId()).stream()
                        .anyMatch(s -> s.endpoint().equals(endpoint))) {
            queries.withdrawSubscription(endpoint, clock.instant());
        }
    }

    /**
     * Pushes to every browser of the account; returns how many push services accepted. A subscription the push service
     * says is gone (404, 410) is withdrawn. Throws when none accepted and one failed in transit (tried again later).
     */
    int sendTo(UUID accountId) {
        int accepted = 0;
        RuntimeException failure = null;
        for (ReminderQueries.Subscription s : queries.subscriptionsOf(accountId)) {
            try {
                URI endpoint = URI.create(s.endpoint());
                HttpRequest request = HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(20))
                        .header("TTL", "86400")
                        .header("Urgency", "normal")
                        .header("Authorization", "vapid t=" + jwt(endpoint) + ", k=" + publicKey())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 404 || status == 410) {
                    queries.withdrawSubscription(s.endpoint(), clock.instant());
                } else if (status >= 200 && status < 300) {
                    accepted++;
                } else {
                    failure = new IllegalStateException("push service answered " + status);
                }
            } catch (IOException e) {
                failure = new IllegalStateException("push service unreachable", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted", e);
            }
        }
        if (accepted == 0 && failure != null) {
            throw failure;
        }
        return accepted;
    }

    /** The VAPID JWT (RFC 8292 §2): ES256 over the push service's origin, valid 12 hours. */
    String jwt(URI endpoint) {
        String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        long exp = clock.instant().plus(Duration.ofHours(12)).getEpochSecond();
        String header = B64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = B64.encodeToString(
                ("{\"aud\":\"" + audience + "\",\"exp\":" + exp + ",\"sub\":\"" + subject.replace("\"", "") + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        try {
            PrivateKey key =
                    KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(B64_IN.decode(keys()[1])));
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(key);
            signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + B64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("VAPID signature failed", e);
        }
    }

    private String[] keys() {
        String[] known = keys;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (keys == null) {
                if (queries.vapidKey().isEmpty()) {
                    String[] made = generate();
                    queries.insertVapidKey(made[0], made[1], clock.instant());
                }
                keys = queries.vapidKey().orElseThrow();
            }
            return keys;
        }
    }

    private static String[] generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey pub = (ECPublicKey) pair.getPublic();
            byte[] point = new byte[65];
            point[0] = 4;
            copy(pub.getW().getAffineX(), point, 1);
            copy(pub.getW().getAffineY(), point, 33);
            return new String[] {
                B64.encodeToString(point), B64.encodeToString(pair.getPrivate().getEncoded())
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no P-256 key generator", e);
        }
    }

    private static void copy(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }

    private static boolean validEndpoint(String endpoint) {
        if (endpoint.length() < 10 || endpoint.length() > 1000) {
            return false;
        }
        try {
            URI uri = URI.create(endpoint);
            String host = uri.getHost();
            if (host == null) {
                return false;
            }
            // http only to this machine (a development or test push service)
            return "https".equals(uri.getScheme())
                    || ("http".equals(uri.getScheme()) && (host.equals("localhost") || host.equals("127.0.0.1")));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
