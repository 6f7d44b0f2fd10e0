package org.hemonet.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.hemonet.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Web security, three filter chains: the OAuth2 authorization server's endpoints ({@link
 * AuthorizationServerConfiguration}, order 1); API requests that carry a bearer token (order 2: stateless, no CSRF,
 * scopes checked by {@link ScopePolicy}); and everything else (order 3: form sign-in with sessions for the browser,
 * problem details for the API, CSRF on every state change; {@code /fhir} beyond its public paths is refused here, since
 * it takes bearer tokens only — the token travels in the {@code XSRF-TOKEN} cookie and
 * comes back as {@code X-XSRF-TOKEN} or as the form field), security.md §8–§12.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Argon2id with m = 19 MiB, t = 2, p = 1 (security.md §8; OWASP password storage minimum). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    /**
     * Sign-ins are observed (metrics and traces of authentication), but not every filter of every request nor every
     * authorization decision: those observations cost a timer start and stop per filter per request, a tenth of a
     * patient read's CPU here (issue 14, {@code patient_read_rps}), and the request itself is still observed once
     * ({@code http.server.requests}). Decisions are unchanged: this is metrics only.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .shouldObserveAuthorizations(false)
                .shouldObserveAuthentications(true)
                .build();
    }

    /** {@code /api/**} and {@code /fhir/**} requests with an {@code Authorization: Bearer} header. */
    static final RequestMatcher BEARER_API_REQUEST = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String authorization = request.getHeader("Authorization");
        return (path.startsWith("/api/") || path.startsWith("/fhir/") || path.equals("/fhir"))
                && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    /**
     * API calls with a bearer token: stateless (no session is read or created, no CSRF token needed, since the token is
     * not sent by the browser on its own), the token must be valid (else 401), and its scopes must allow the method
     * (else 403), both as problem details.
     */
    @Bean
    @Order(2)
    SecurityFilterChain bearerApi(HttpSecurity http, AccountDetailsService accounts, RegisteredClientRepository clients)
            throws Exception {
        BearerActors bearerActors = new BearerActors(accounts, clients);
        http.securityMatcher(BEARER_API_REQUEST)
                .authorizeHttpRequests(requests -> requests.requestMatchers(FHIR_PUBLIC)
                        .permitAll()
                        .anyRequest()
                        .access(SecurityConfiguration::scopesAllow))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.jwtAuthenticationConverter(bearerActors))
                        .authenticationEntryPoint(ProblemResponses.invalidBearerToken())
                        .accessDeniedHandler(ProblemResponses.forbidden(SCOPE_DENIED)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.invalidBearerToken())
                        .accessDeniedHandler(ProblemResponses.forbidden(SCOPE_DENIED)));
        return http.build();
    }

    /** The FHIR API's public paths: the CapabilityStatement and SMART discovery (issue 15). */
    static final String[] FHIR_PUBLIC = {"/fhir/metadata", "/fhir/.well-known/smart-configuration"};

    private static final org.springframework.security.authorization.AuthorizationManager<RequestAuthorizationContext>
            SIGNED_IN = org.springframework.security.authorization.AuthenticatedAuthorizationManager.authenticated();

    /** Any signed-in account; a delivery provider only on its own paths ({@link CourierPaths}). */
    private static AuthorizationResult signedInAndCourierConfined(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        AuthorizationResult signedIn = SIGNED_IN.authorize(authentication, context);
        if (signedIn == null || !signedIn.isGranted()) {
            return signedIn == null ? new AuthorizationDecision(false) : signedIn;
        }
        boolean courier = authentication.get().getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Role.DELIVERY_PROVIDER.name()).equals(a.getAuthority()));
        if (!courier) {
            return signedIn;
        }
        HttpServletRequest request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return new AuthorizationDecision(CourierPaths.allows(request.getMethod(), path));
    }

    private static final String SCOPE_DENIED = "The token's scopes or the account's role do not allow this request.";

    private static AuthorizationResult scopesAllow(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof BearerActors.BearerActor bearer)) {
            return new AuthorizationDecision(false);
        }
        HttpServletRequest request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return new AuthorizationDecision(
                ScopePolicy.permits(bearer.actor().role(), bearer.scopes(), request.getMethod(), path));
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(
            HttpSecurity http,
            SignInHandlers signInHandlers,
            ThrottledAuthenticationProvider passwords,
            AccountDetailsService accounts,
            RegisteredClientRepository clients,
            CookieSecurity cookieSecurity,
            java.time.Clock clock)
            throws Exception {
        // A sign-in for an app ends in redirects to the app's registered redirect URI; browsers apply form-action to
        // the redirects that follow a form submission, so those origins (and only those) are allowed too.
        String formAction =
                clients instanceof OAuthClients registered ? String.join(" ", registered.redirectOrigins()) : "";
        String formActionSources = formAction.isEmpty() ? "'self'" : "'self' " + formAction;
        RequestMatcher apiOrFhir = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/fhir/**"));
        var loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/login/second-factor",
                                "/login/second-factor/enrol",
                                "/error",
                                "/actuator/health",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/manifest.webmanifest",
                                // the emergency view opened from a patient's QR code: its secret is the authority
                                "/emergency/*")
                        .permitAll()
                        .requestMatchers(FHIR_PUBLIC)
                        .permitAll()
                        // the FHIR API takes bearer tokens only (chain 2): no session reaches it
                        .requestMatchers("/fhir/**")
                        .denyAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .access(SecurityConfiguration::signedInAndCourierConfined))
                .authenticationProvider(passwords)
                .requestCache(cache -> cache.requestCache(pagesOnlyRequestCache()))
                .formLogin(form ->
                        form.loginPage("/login").successHandler(signInHandlers).failureHandler(signInHandlers))
                .addFilterBefore(
                        new SessionLimits(accounts, clock),
                        org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true)
                        .deleteCookies("HEMONET_SESSION"))
                // spa() installs a plain cookie repository of its own, so ours (Secure, SameSite) must come after it
                .csrf(csrf -> csrf.spa()
                        .csrfTokenRepository(csrfCookie(cookieSecurity.mode()))
                        .ignoringRequestMatchers(
                                PathPatternRequestMatcher.withDefaults().matcher("/fhir/**")))
                .exceptionHandling(
                        errors -> errors.defaultAuthenticationEntryPointFor(ProblemResponses.unauthorized(), apiOrFhir)
                                .defaultAuthenticationEntryPointFor(loginPage, request -> true)
                                .defaultAccessDeniedHandlerFor(
                                        ProblemResponses.forbidden("The FHIR API takes bearer tokens only."),
                                        PathPatternRequestMatcher.withDefaults().matcher("/fhir/**"))
                                .defaultAccessDeniedHandlerFor(
                                        ProblemResponses.forbidden(
                                                "Your role may not use this endpoint, or the CSRF token is missing."),
                                        apiOrFhir))
                .headers(headers -> headers.referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action " + formActionSources
                                        + "; base-uri 'self'")));
        return http.build();
    }

    /**
     * Remembers the page (or OAuth2 authorization request) that sent someone to sign in, so that sign-in returns there
     * ({@link SignInHandlers}, {@link SecondFactorController}); API calls are never remembered.
     */
    static HttpSessionRequestCache pagesOnlyRequestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        RequestMatcher fhir = PathPatternRequestMatcher.withDefaults().matcher("/fhir/**");
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && !api.matches(request)
                && !fhir.matches(request)
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                && request.getHeader("HX-Request") == null);
        return cache;
    }

    /**
     * The CSRF token cookie, readable by the page's script and {@code SameSite=Lax} (§11); {@code Secure} as the
     * session cookie is ({@link CookieSecurity}: by default when the request is https, which the repository checks).
     */
    private static CookieCsrfTokenRepository csrfCookie(CookieSecurity.Mode mode) {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax");
            if (mode == CookieSecurity.Mode.TRUE) {
                cookie.secure(true);
            } else if (mode == CookieSecurity.Mode.FALSE) {
                cookie.secure(false);
            }
        });
        return repository;
    }
}
