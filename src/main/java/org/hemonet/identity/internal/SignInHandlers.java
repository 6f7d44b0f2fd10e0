package org.hemonet.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * What happens after the password step (security.md §9–§11). Patients are signed in, with their longer idle timeout.
 * Staff are not yet: their password success is parked as a {@link PendingSignIn} and they go on to the second factor.
 */
@Component
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final Duration STAFF_IDLE = Duration.ofMinutes(30);
    static final Duration PATIENT_IDLE = Duration.ofHours(12);

    private final SignInAttempts attempts;
    private final java.time.Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SignInHandlers(SignInAttempts attempts, java.time.Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
        attempts.record(principal.getUsername(), true, "PASSWORD");
        if (!principal.role().isStaff()) {
            request.getSession().setMaxInactiveInterval((int) PATIENT_IDLE.toSeconds());
            SessionLimits.markSignedIn(request, clock.instant());
            response.sendRedirect(afterSignIn(request, response));
            return;
        }
        // Not signed in yet: withdraw the authentication the form login just stored and ask for the second factor.
        var empty = SecurityContextHolder.createEmptyContext();
        SecurityContextHolder.setContext(empty);
        contexts.saveContext(empty, request, response);
        request.getSession()
                .setAttribute(
                        PendingSignIn.ATTRIBUTE,
                        new PendingSignIn(principal.accountId(), principal.getUsername(), null));
        response.sendRedirect(request.getContextPath() + "/login/second-factor");
    }

    /**
     * Where a completed sign-in goes: back to the page or OAuth2 authorization request that asked for it (remembered by
     * the request cache, always a URL of this server), else the home page.
     */
    private static String afterSignIn(HttpServletRequest request, HttpServletResponse response) {
        String saved = savedRequestUrl(request, response);
        return saved != null ? saved : request.getContextPath() + "/";
    }

    /** The absolute URL of the request that sent the user to sign in, if one was remembered. */
    static @Nullable String savedRequestUrl(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = SAVED_REQUESTS.getRequest(request, response);
        return saved == null ? null : saved.getRedirectUrl();
    }

    private static final HttpSessionRequestCache SAVED_REQUESTS = new HttpSessionRequestCache();

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String username = request.getParameter("username");
        if (username != null && !username.isBlank() && username.length() <= 200) {
            attempts.record(username, false, "PASSWORD");
        }
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
