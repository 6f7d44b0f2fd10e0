package org.hemonet.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hemonet.shared.ProblemTypes;
import org.hemonet.shared.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The RFC 9457 problem details that the security filters answer with on {@code /api}, and on {@code /fhir} the same
 * refusal as a FHIR OperationOutcome with the stable code of Hemonet's error code system (docs/fhir.md).
 */
final class ProblemResponses {

    private ProblemResponses() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                ProblemTypes.UNAUTHORIZED,
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
                    ProblemTypes.UNAUTHORIZED,
                    "Unauthorized",
                    "The bearer token is missing, malformed, expired, not for this API or its account is disabled.");
        };
    }

    static AccessDeniedHandler forbidden(String detail) {
        return (request, response, e) ->
                write(request, response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }

    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            java.net.URI type,
            String title,
            String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setHeader("Cache-Control", "no-store");
        String path = ApiProblems.requestedPath(request);
        if (path.equals("/fhir") || path.startsWith("/fhir/")) {
            writeOperationOutcome(response, status, detail);
            return;
        }
        ApiProblems.write(request, response, status, type, title, detail, null, java.util.List.of());
    }

    static final String FHIR_ERROR_SYSTEM = "https://hemonet.org/fhir/CodeSystem/error";

    private static void writeOperationOutcome(HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        boolean unauthorized = status == HttpStatus.UNAUTHORIZED;
        if (unauthorized && response.getHeader("WWW-Authenticate") == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        String code = unauthorized ? "unauthorized" : "forbidden";
        String display = unauthorized
                ? "No bearer token, or a refused one"
                : "The token's scopes or the account's role do not allow this request";
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.getWriter()
                .write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
                        + (unauthorized ? "login" : "forbidden") + "\",\"details\":{\"coding\":[{\"system\":\""
                        + FHIR_ERROR_SYSTEM + "\",\"code\":\"" + code + "\",\"display\":\"" + display
                        + "\"}],\"text\":\"" + jsonString(detail) + "\"},\"diagnostics\":\"" + jsonString(detail)
                        + "\"}]}");
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
