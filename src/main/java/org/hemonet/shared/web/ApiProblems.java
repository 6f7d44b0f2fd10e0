package org.hemonet.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.hemonet.shared.ProblemTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the RFC 9457 problem details of the API. One place, so every error looks the same. */
public final class ApiProblems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private ApiProblems() {}

    public static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, URI type, String title, String detail, @Nullable HttpServletRequest request) {
        return problem(status, type, title, detail, request, null, List.of());
    }

    /**
     * @param field the offending request field, also as {@code errors[0].field}
     * @param errors every field error, as {@code [{"field", "message"}]}
     */
    public static ResponseEntity<ProblemDetail> problem(
            HttpStatus status,
            URI type,
            String title,
            String detail,
            @Nullable HttpServletRequest request,
            @Nullable String field,
            List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        if (request != null) {
            problem.setInstance(URI.create(requestedPath(request)));
        }
        if (field != null) {
            problem.setProperty("field", field);
        }
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status)
                .contentType(PROBLEM_JSON)
                .header("Cache-Control", "no-store")
                .body(problem);
    }

    public static ResponseEntity<ProblemDetail> notFound(@Nullable HttpServletRequest request) {
        return problem(
                HttpStatus.NOT_FOUND,
                ProblemTypes.NOT_FOUND,
                "Not found",
                "No resource exists at this address, or you may not see it.",
                request);
    }

    /**
     * The path the client asked for: on the container's error dispatch ({@code /error}) the original request's path,
     * not the error page's, so that {@code instance} always names the request (RFC 9457 §3.1.5).
     */
    public static String requestedPath(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return original instanceof String path && !path.isEmpty() ? path : request.getRequestURI();
    }

    public static boolean isApiRequest(String path) {
        return path.startsWith("/api/");
    }
}
