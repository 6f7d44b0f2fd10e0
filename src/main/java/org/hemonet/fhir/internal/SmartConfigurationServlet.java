package org.hemonet.fhir.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import tools.jackson.databind.ObjectMapper;

/**
 * SMART App Launch discovery at {@code /fhir/.well-known/smart-configuration} (public): the built-in authorization
 * server's endpoints, the scopes it grants and what it supports. The issuer is the configured one or, without one, the
 * base URL of the request, as the authorization server itself does.
 */
final class SmartConfigurationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The SMART scopes the authorization server's clients may be granted (docs/api.md). */
    static final List<String> SCOPES =
            List.of("openid", "patient/*.rs", "patient/*.cruds", "user/*.rs", "user/*.cruds", "system/*.rs");

    private final transient AuthorizationServerSettings settings;
    private final transient ObjectMapper json;

    SmartConfigurationServlet(AuthorizationServerSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String issuer = settings.getIssuer() != null ? settings.getIssuer() : baseUrl(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", issuer);
        body.put("jwks_uri", issuer + settings.getJwkSetEndpoint());
        body.put("authorization_endpoint", issuer + settings.getAuthorizationEndpoint());
        body.put("token_endpoint", issuer + settings.getTokenEndpoint());
        body.put("revocation_endpoint", issuer + settings.getTokenRevocationEndpoint());
        body.put("introspection_endpoint", issuer + settings.getTokenIntrospectionEndpoint());
        body.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        body.put("grant_types_supported", List.of("authorization_code", "client_credentials", "refresh_token"));
        body.put("response_types_supported", List.of("code"));
        body.put("code_challenge_methods_supported", List.of("S256"));
        body.put("scopes_supported", SCOPES);
        body.put(
                "capabilities",
                List.of(
                        "launch-standalone",
                        "client-public",
                        "client-confidential-symmetric",
                        "sso-openid-connect",
                        "permission-patient",
                        "permission-user",
                        "permission-v1",
                        "permission-v2"));
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }

    private static String baseUrl(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }
}
