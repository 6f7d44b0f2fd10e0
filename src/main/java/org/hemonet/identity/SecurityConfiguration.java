package org.hemonet.identity;

import jakarta.servlet.http.HttpServletResponse;
import org.hemonet.shared.ProblemTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Web security: form sign-in with sessions for the browser, problem details for the API, CSRF on every state change
 * (the token travels in the {@code XSRF-TOKEN} cookie and comes back as {@code X-XSRF-TOKEN} or as the form field),
 * security.md §8–§11.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Argon2id with m = 19 MiB, t = 2, p = 1 (security.md §8; OWASP password storage minimum). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    @Bean
    SecurityFilterChain web(
            HttpSecurity http,
            SignInHandlers signInHandlers,
            ThrottledAuthenticationProvider passwords,
            AccountDetailsService accounts,
            java.time.Clock clock)
            throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
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
                                "/manifest.webmanifest")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .authenticationProvider(passwords)
                .formLogin(form ->
                        form.loginPage("/login").successHandler(signInHandlers).failureHandler(signInHandlers))
                .addFilterBefore(
                        new SessionLimits(accounts, clock),
                        org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true)
                        .deleteCookies("HEMONET_SESSION"))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()).spa())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                (request, response, e) -> writeProblem(
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        ProblemTypes.UNAUTHORIZED.toString(),
                                        "Unauthorized",
                                        "Sign in or send a valid bearer token."),
                                api)
                        .defaultAuthenticationEntryPointFor(loginPage, request -> true)
                        .defaultAccessDeniedHandlerFor(
                                (request, response, e) -> writeProblem(
                                        response,
                                        HttpStatus.FORBIDDEN,
                                        ProblemTypes.FORBIDDEN.toString(),
                                        "Forbidden",
                                        "Your role may not use this endpoint, or the CSRF token is missing."),
                                api))
                .headers(headers -> headers.referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'")));
        return http.build();
    }

    /** The CSRF token cookie, readable by the page's script, {@code Secure} and {@code SameSite=Lax} (§11). */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.secure(true).sameSite("Lax"));
        return repository;
    }

    private static void writeProblem(
            HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status.value()
                        + ",\"detail\":\"" + detail + "\"}");
    }
}
