package org.hemonet.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hemonet.shared.ProblemTypes;
import org.hemonet.shared.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

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
        ApiProblems.write(request, response, status, type, title, detail, null, List.of());
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
        Map<String, Object> coding = new LinkedHashMap<>();
        coding.put("system", FHIR_ERROR_SYSTEM);
        coding.put("code", code);
        coding.put("display", display);
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("severity", "error");
        issue.put("code", unauthorized ? "login" : "forbidden");
        issue.put("details", Map.of("coding", List.of(coding), "text", detail));
        issue.put("diagnostics", detail);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("resourceType", "OperationOutcome");
        outcome.put("issue", List.of(issue));
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(outcome));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
}
