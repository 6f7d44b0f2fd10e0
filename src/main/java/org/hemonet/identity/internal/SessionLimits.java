package org.hemonet.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Session rules checked on every request (security.md §7, §11): a session ends 12 hours after sign-in whatever the
 * activity; the account is re-read so that a disabled account loses its session at once and a change of role or centre
 * applies on the next request. (Idle timeouts are the container's: 30 minutes for staff, 12 hours for patients.)
 */
class SessionLimits extends OncePerRequestFilter {

    static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final String SIGNED_IN_AT = SessionLimits.class.getName() + ".signedInAt";

    private final AccountDetailsService accounts;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionLimits(AccountDetailsService accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Starts the absolute session limit at {@code now}: the application's clock, the same one the limit is read by. */
    static void markSignedIn(HttpServletRequest request, Instant now) {
        request.getSession().setAttribute(SIGNED_IN_AT, now);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && authentication != null && authentication.getPrincipal() instanceof AccountPrincipal p) {
            Object signedInAt = session.getAttribute(SIGNED_IN_AT);
            boolean expired =
                    signedInAt instanceof Instant at && at.plus(ABSOLUTE).isBefore(clock.instant());
            Optional<AccountPrincipal> current = accounts.reload(p.accountId());
            if (expired || current.isEmpty() || !current.get().isEnabled()) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            } else if (!current.get().sameAccess(p)) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                // the new role, and the factors of the original sign-in
                List<GrantedAuthority> authorities =
                        new ArrayList<>(current.get().getAuthorities());
                authentication.getAuthorities().stream()
                        .filter(FactorGrantedAuthority.class::isInstance)
                        .forEach(authorities::add);
                context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(current.get(), null, authorities));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
