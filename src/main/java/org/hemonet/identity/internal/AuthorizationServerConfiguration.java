package org.hemonet.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The embedded OAuth2 authorization server (security.md §12, docs/api.md): its own filter chain for the protocol
 * endpoints ({@code /oauth2/authorize}, {@code /oauth2/token}, {@code /oauth2/jwks}, discovery, OpenID Connect); the
 * authorization endpoint signs people in with the usual form and second factor. Access tokens are RS256 JWTs for the
 * audience {@value ApiTokenClaims#AUDIENCE}.
 *
 * <p>Access tokens are signed with one key shared by every app node ({@link SigningKeys}), so a bearer token works on
 * any node. Authorizations (codes, refresh tokens) are kept in memory: a restart ends them, and an authorization code
 * must be redeemed on the node that issued it (docs/scaling.md: the load balancer keeps a browser on one node).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, AccountDetailsService accounts, Clock clock)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterBefore(new SessionLimits(accounts, clock), AuthorizationFilter.class)
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize")));
        return http.build();
    }

    /** The signing key; see {@link SigningKeys} for where it is kept. */
    @Bean
    RSAKey tokenSigningKey(
            JdbcTemplate jdbc,
            @Value("${hemonet.data-dir:./data}") String dataDir,
            @Value("${hemonet.security.oauth2.signing-key-file:}") String keyFile) {
        return keyFile.isBlank()
                ? SigningKeys.shared(jdbc, Path.of(dataDir).resolve("jwk.json"))
                : SigningKeys.fromFile(Path.of(keyFile));
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey tokenSigningKey) {
        return new ImmutableJWKSet<>(new JWKSet(tokenSigningKey));
    }

    /**
     * Accepts only RS256 tokens signed by our key (so {@code alg: none} and re-signed tokens fail), not expired (one
     * minute of clock skew), issued by this server and meant for {@value ApiTokenClaims#AUDIENCE}.
     */
    @Bean
    JwtDecoder jwtDecoder(RSAKey tokenSigningKey, AuthorizationServerSettings settings) throws JOSEException {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withPublicKey(tokenSigningKey.toRSAPublicKey()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefault(),
                new JwtAudienceValidator(ApiTokenClaims.AUDIENCE),
                new IssuerOfThisServer(settings.getIssuer())));
        return decoder;
    }

    /**
     * The issuer is {@code hemonet.security.oauth2.issuer} when set (production, behind a proxy); otherwise it is the
     * URL the client reached the server under, and tokens are accepted only on that same base URL.
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(
            @Value("${hemonet.security.oauth2.issuer:}") String issuer) {
        var settings = AuthorizationServerSettings.builder();
        if (!issuer.isBlank()) {
            settings.issuer(issuer);
        }
        return settings.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(PasswordEncoder passwordEncoder, Environment environment) {
        return demoEnabled(environment) ? OAuthClients.withDemoClients(passwordEncoder) : new OAuthClients();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> apiTokenClaims(AccountDetailsService accounts) {
        return new ApiTokenClaims(accounts);
    }

    /** The demo clients come and go with the demo data: on with the embedded database unless switched off. */
    private static boolean demoEnabled(Environment environment) {
        Boolean enabled = environment.getProperty("hemonet.demo.enabled", Boolean.class);
        if (enabled != null) {
            return enabled;
        }
        return environment.getProperty("hemonet.db.url", "").isBlank();
    }

    /** Checks {@code iss} against the configured issuer or, if none, the base URL of the current request. */
    private record IssuerOfThisServer(@Nullable String configured) implements OAuth2TokenValidator<Jwt> {

        @Override
        public OAuth2TokenValidatorResult validate(Jwt token) {
            String expected = configured != null
                    ? configured
                    : ServletUriComponentsBuilder.fromCurrentContextPath()
                            .build()
                            .toUriString();
            String issuer = token.getIssuer() == null ? null : token.getIssuer().toString();
            return expected.equals(issuer)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(
                            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token is from another issuer", null));
        }
    }
}
