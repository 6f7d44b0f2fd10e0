package org.hemonet.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hemonet.shared.Actor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a validated access token into the {@link Actor} of the request. A user token is mapped by reloading its account
 * from the database on every request, so that a disabled account's tokens stop working at once and a change of role or
 * centre applies on the next request (security.md §7). A client-credentials token becomes a {@code SYSTEM} actor with a
 * fixed id derived from the client id and no centres or records.
 */
final class BearerActors implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String SYSTEM_ROLE = "SYSTEM";
    static final String ACCOUNT_CLAIM = "hemonet_account";
    static final String ROLE_CLAIM = "role";

    private final AccountDetailsService accounts;
    private final RegisteredClientRepository clients;

    BearerActors(AccountDetailsService accounts, RegisteredClientRepository clients) {
        this.accounts = accounts;
        this.clients = clients;
    }

    /** The fixed actor id of an OAuth2 client acting for itself. */
    static UUID systemActorId(String clientId) {
        return UUID.nameUUIDFromBytes(("oauth2-client:" + clientId).getBytes(StandardCharsets.UTF_8));
    }

    /** The authentication of a request that carried a valid bearer token. */
    static final class BearerActor extends AbstractAuthenticationToken {

        private final Actor actor;
        private final Jwt token;
        private final Set<String> scopes;

        BearerActor(Actor actor, Jwt token, Set<String> scopes) {
            super(authorities(actor.role(), scopes));
            this.actor = actor;
            this.token = token;
            this.scopes = Set.copyOf(scopes);
            setAuthenticated(true);
        }

        private static Collection<GrantedAuthority> authorities(String role, Set<String> scopes) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
            scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
            return authorities;
        }

        Actor actor() {
            return actor;
        }

        Set<String> scopes() {
            return scopes;
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return actor;
        }

        @Override
        public String getName() {
            return actor.username();
        }
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<String> scopes = scopes(jwt);
        String subject = jwt.getSubject();
        if (subject == null) {
            throw new InvalidBearerTokenException("The token has no subject");
        }
        if (SYSTEM_ROLE.equals(jwt.getClaimAsString(ROLE_CLAIM))) {
            if (clients.findByClientId(subject) == null) {
                throw new InvalidBearerTokenException("The client is no longer registered");
            }
            return new BearerActor(
                    new Actor(systemActorId(subject), subject, SYSTEM_ROLE, Set.of(), Set.of()), jwt, scopes);
        }
        UUID accountId;
        try {
            accountId = UUID.fromString(String.valueOf(jwt.getClaimAsString(ACCOUNT_CLAIM)));
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The token names no account");
        }
        AccountPrincipal account = accounts.reload(accountId)
                .filter(AccountPrincipal::isEnabled)
                .filter(a -> a.getUsername().equals(subject))
                .orElseThrow(() -> new InvalidBearerTokenException("The account is disabled or unknown"));
        return new BearerActor(account.toActor(), jwt, scopes);
    }

    private static Set<String> scopes(Jwt jwt) {
        Object claim = jwt.getClaims().get("scope");
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
        }
        if (claim instanceof String text && !text.isBlank()) {
            return Set.of(text.trim().split("\\s+"));
        }
        return Set.of();
    }
}
