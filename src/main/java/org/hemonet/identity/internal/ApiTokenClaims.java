package org.hemonet.identity.internal;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The Hemonet claims of an access token: {@code sub} (username or client id), {@code hemonet_account} (account id, or the
 * fixed id of a client acting for itself), {@code role} (or {@code SYSTEM}) and the audience {@value #AUDIENCE}. A
 * disabled account gets no new token, not even from a refresh token (security.md §7).
 */
final class ApiTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String AUDIENCE = "hemonet-api";

    private final AccountDetailsService accounts;

    ApiTokenClaims(AccountDetailsService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        Authentication principal = context.getPrincipal();
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            String clientId = context.getRegisteredClient().getClientId();
            context.getClaims()
                    .subject(clientId)
                    .claim(
                            BearerActors.ACCOUNT_CLAIM,
                            BearerActors.systemActorId(clientId).toString())
                    .claim(BearerActors.ROLE_CLAIM, BearerActors.SYSTEM_ROLE);
        } else if (principal.getPrincipal() instanceof AccountPrincipal signedIn) {
            AccountPrincipal current = accounts.reload(signedIn.accountId())
                    .filter(AccountPrincipal::isEnabled)
                    .orElseThrow(() -> new OAuth2AuthenticationException(
                            new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The account is disabled.", null)));
            context.getClaims()
                    .subject(current.getUsername())
                    .claim(BearerActors.ACCOUNT_CLAIM, current.accountId().toString())
                    .claim(BearerActors.ROLE_CLAIM, current.role().name());
        } else {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "Unknown kind of principal.", null));
        }
        if (accessToken) {
            context.getClaims().audience(List.of(AUDIENCE));
        }
    }
}
