package org.hemonet.identity.internal;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * When the cookies of Hemonet (the session cookie {@code HEMONET_SESSION} and the CSRF cookie {@code XSRF-TOKEN}) are
 * {@code Secure}, setting {@code hemonet.cookie-secure} ({@code HEMONET_COOKIE_SECURE}, issue 19, docs in README
 * "Deployment"):
 *
 * <ul>
 *   <li>{@code auto} (default): Secure exactly when the request is https, directly or through a proxy on a private
 *       network that says so in {@code X-Forwarded-Proto} ({@code server.forward-headers-strategy: native}: Tomcat's
 *       remote-IP valve trusts only loopback and private addresses, so a client cannot claim https for itself). HSTS
 *       is sent only then (Spring Security writes it for secure requests only). A demo on a LAN over plain http can
 *       sign in, since browsers drop Secure cookies from non-secure origins.
 *   <li>{@code true}: always Secure, e.g. behind a TLS proxy that sends no forwarded header.
 *   <li>{@code false}: never Secure: every request is treated as plain http (no HSTS either), e.g. behind a proxy
 *       that forwards https headers although the browser's origin is http.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class CookieSecurity {

    enum Mode {
        AUTO,
        TRUE,
        FALSE;

        static Mode of(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "hemonet.cookie-secure must be true, false or auto, not '" + value + "'", e);
            }
        }
    }

    private final Mode mode;

    CookieSecurity(@Value("${hemonet.cookie-secure:auto}") String mode) {
        this.mode = Mode.of(mode);
    }

    Mode mode() {
        return mode;
    }

    /**
     * {@code true}: the container's session cookie is Secure whatever the request (for https it adds Secure anyway).
     * {@code false}: the request is marked not secure before the application sees it, so that neither the session
     * cookie nor the CSRF cookie is Secure and no HSTS header is written. Runs after Boot's own customizer, which
     * copies {@code server.servlet.session}.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> cookieSecurityOfTheContainer() {
        return factory -> {
            if (mode == Mode.TRUE) {
                factory.getSettings().getSession().getCookie().setSecure(true);
            } else if (mode == Mode.FALSE) {
                factory.getSettings().getSession().getCookie().setSecure(false);
                factory.addContextCustomizers(context -> context.getPipeline().addValve(new PlainRequests()));
            }
        };
    }

    /**
     * The session cookie is written by Spring Session (sessions in PostgreSQL, shared by every app node), not by the
     * container: the same setting applies to it. {@code auto} leaves it to the request, as Spring Session does by
     * default.
     */
    @Bean
    DefaultCookieSerializerCustomizer cookieSecurityOfSessions() {
        return serializer -> {
            if (mode == Mode.TRUE) {
                serializer.setUseSecureCookie(true);
            } else if (mode == Mode.FALSE) {
                serializer.setUseSecureCookie(false);
            }
        };
    }

    private static final class PlainRequests extends ValveBase {

        PlainRequests() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            request.setSecure(false);
            getNext().invoke(request, response);
        }
    }
}
