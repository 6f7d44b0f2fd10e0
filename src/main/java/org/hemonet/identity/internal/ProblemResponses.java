package org.hemonet.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hemonet.shared.ProblemTypes;
import org.hemonet.shared.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** The RFC 9457 problem details that the security filters answer with on {@code /api} and {@code /fhir}. */
final class ProblemResponses {

    private ProblemResponses() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                ProblemTypes.UNAUTHORIZED.toString(),
                "Unauthorized",
                "Sign in or send a valid bearer token.");
    }

    /** A 401 for a refused bearer token, with the {@code WWW-Authenticate} challenge of RFC 6750. */
    static AuthenticationEntryPoint invalidBearerToken() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    ProblemTypes.UNAUTHORIZED.toString(),
                    "Unauthorized",
                    "The bearer token is missing, malformed, expired, not for this API or its account is disabled.");
        };
    }

    static AccessDeniedHandler forbidden(String detail) {
        return (request, response, e) ->
                write(request, response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN.toString(), "Forbidden", detail);
    }

    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String type,
            String title,
            String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status.value()
                        + ",\"detail\":\"" + detail + "\",\"instance\":\""
                        + jsonString(ApiProblems.requestedPath(request))
                        + "\"}");
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
