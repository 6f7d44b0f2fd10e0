package org.hemonet.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.hemonet.shared.ProblemTypes;
import org.hemonet.shared.web.ApiProblems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error the servlet container sees (unknown page, failed request): a friendly page for people, a problem detail
 * for the API. Never the exception text or a stack trace (CONVENTIONS rule 6).
 */
@Controller
class HtmlErrorController implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request, Model model) {
        int code = status(request);
        HttpStatus status =
                HttpStatus.resolve(code) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.valueOf(code);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && ApiProblems.isApiRequest(path)) {
            return apiProblem(status, request);
        }
        model.addAttribute("status", status.value());
        model.addAttribute(
                "kind",
                switch (status) {
                    case NOT_FOUND -> "notFound";
                    case FORBIDDEN -> "forbidden";
                    case BAD_REQUEST, METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE -> "badRequest";
                    default -> "serverError";
                });
        return "error";
    }

    private static ResponseEntity<ProblemDetail> apiProblem(HttpStatus status, HttpServletRequest request) {
        return switch (status) {
            case NOT_FOUND -> ApiProblems.notFound(request);
            case FORBIDDEN ->
                ApiProblems.problem(
                        status, ProblemTypes.FORBIDDEN, "Forbidden", "Your role may not use this endpoint.", request);
            case BAD_REQUEST ->
                ApiProblems.problem(
                        status,
                        ProblemTypes.MALFORMED_REQUEST,
                        "Malformed request",
                        "The request is malformed.",
                        request);
            case NOT_ACCEPTABLE ->
                ApiProblems.problem(
                        status,
                        ProblemTypes.MALFORMED_REQUEST,
                        "Not acceptable",
                        "This address cannot answer in the media type the Accept header asks for.",
                        request);
            // an upload over the server's multipart limit never reaches a controller (issue 16's attachments)
            case PAYLOAD_TOO_LARGE ->
                ApiProblems.problem(
                        status,
                        ProblemTypes.CONTENT_TOO_LARGE,
                        "Content too large",
                        "The request is larger than this server accepts; a file can be at most 10 MB.",
                        request,
                        "file",
                        java.util.List.of(java.util.Map.of("field", "file", "message", "at most 10 MB")));
            case METHOD_NOT_ALLOWED ->
                ApiProblems.problem(
                        status,
                        ProblemTypes.METHOD_NOT_ALLOWED,
                        "Method not allowed",
                        "This address does not accept that method.",
                        request);
            default ->
                ApiProblems.problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        ProblemTypes.INTERNAL_ERROR,
                        "Internal error",
                        "Something went wrong on our side. The error has been logged.",
                        request);
        };
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer value ? value : 500;
    }
}
