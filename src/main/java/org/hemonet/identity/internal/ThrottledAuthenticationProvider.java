package org.hemonet.identity.internal;

import java.time.Clock;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password sign-in, refused outright while the username is throttled (security.md §10). Unknown users, wrong passwords,
 * disabled and throttled accounts all fail with the same exception, so the login page answers them alike; the
 * underlying provider hashes a dummy password for unknown users so the timing is alike too.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInAttempts attempts;
    private final Clock clock;

    ThrottledAuthenticationProvider(
            AccountDetailsService accounts, PasswordEncoder encoder, SignInAttempts attempts, Clock clock) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.passwords.setHideUserNotFoundExceptions(true);
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (attempts.isThrottled(authentication.getName(), clock.instant())) {
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            return passwords.authenticate(authentication);
        } catch (org.springframework.security.authentication.AccountStatusException e) {
            throw new BadCredentialsException("Bad credentials");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
