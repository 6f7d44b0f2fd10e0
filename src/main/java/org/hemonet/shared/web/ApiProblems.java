package org.hemonet.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hemonet.shared.ProblemTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Writes a problem straight to the servlet response, for the filters and resolvers that answer before Spring MVC
     * does (the security filters, the NUL refusal, the upload limit): the same fields as {@link #problem}, serialised
     * by Jackson, and sent with its length, so that a client still sending a body the server will not read gets the
     * answer.
     */
    public static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            URI type,
            String title,
            String detail,
            @Nullable String field,
            List<Map<String, String>> errors)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", requestedPath(request));
        if (field != null) {
            body.put("field", field);
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    public static boolean isApiRequest(String path) {
        return path.startsWith("/api/");
    }
}
