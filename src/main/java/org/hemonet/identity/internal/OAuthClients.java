package org.hemonet.identity.internal;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The OAuth2 clients the authorization server knows, held in memory. With demo data on, two demo clients are registered
 * (docs/api.md): the public app {@value #DEMO_APP} (authorization code with PKCE S256, exact redirect URI; a patient's app may write their diary, e.g. FHIR
 * MedicationAdministration, with {@code patient/*.cruds}) and the
 * confidential system {@value #DEMO_SYSTEM} (client credentials, read-only {@code system/*.rs}).
 */
final class OAuthClients implements RegisteredClientRepository {

    static final String DEMO_APP = "hemonet-demo-app";
    static final String DEMO_APP_REDIRECT = "http://127.0.0.1:8765/callback";
    static final String DEMO_SYSTEM = "hemonet-demo-system";
    static final String DEMO_SYSTEM_SECRET = "demo-system-secret";
    static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(5);

    private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();
    private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

    static OAuthClients withDemoClients(PasswordEncoder passwordEncoder) {
        OAuthClients clients = new OAuthClients();
        clients.save(RegisteredClient.withId(
                        UUID.nameUUIDFromBytes(DEMO_APP.getBytes()).toString())
                .clientId(DEMO_APP)
                .clientName("Hemonet demo app")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(DEMO_APP_REDIRECT)
                .scope(OidcScopes.OPENID)
                .scope("patient/*.rs")
                .scope("patient/*.cruds")
                .scope("user/*.rs")
                .scope("user/*.cruds")
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokenSettings())
                .build());
        clients.save(RegisteredClient.withId(
                        UUID.nameUUIDFromBytes(DEMO_SYSTEM.getBytes()).toString())
                .clientId(DEMO_SYSTEM)
                .clientName("Hemonet demo system")
                .clientSecret(passwordEncoder.encode(DEMO_SYSTEM_SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("system/*.rs")
                .tokenSettings(tokenSettings())
                .build());
        return clients;
    }

    private static TokenSettings tokenSettings() {
        return TokenSettings.builder()
                .accessTokenTimeToLive(ACCESS_TOKEN_TTL)
                .refreshTokenTimeToLive(Duration.ofHours(8))
                .reuseRefreshTokens(false)
                .authorizationCodeTimeToLive(Duration.ofMinutes(1))
                .build();
    }

    /** The origins ({@code scheme://host:port}) of every registered redirect URI, sorted. */
    java.util.SortedSet<String> redirectOrigins() {
        java.util.SortedSet<String> origins = new java.util.TreeSet<>();
        for (RegisteredClient client : byId.values()) {
            for (String redirect : client.getRedirectUris()) {
                java.net.URI uri = java.net.URI.create(redirect);
                origins.add(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
            }
        }
        return origins;
    }

    @Override
    public void save(RegisteredClient client) {
        byId.put(client.getId(), client);
        byClientId.put(client.getClientId(), client);
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return byId.get(id);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        return byClientId.get(clientId);
    }
}
