package org.hemonet.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hemonet.shared.ConflictException;
import org.hemonet.shared.ContentTooLargeException;
import org.hemonet.shared.InvalidInputException;
import org.hemonet.shared.NotFoundException;
import org.hemonet.shared.ProblemTypes;
import org.hemonet.shared.StaleVersionException;
import org.hemonet.shared.UnsupportedContentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps exceptions of {@code /api} requests to RFC 9457 problem details with a stable {@code type} and, where a field
 * is at fault, its name (CONVENTIONS rule 6). Exception text is never shown, except the messages of
 * {@link InvalidInputException}, which are written for people.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e, HttpServletRequest request) {
        List<Map<String, String>> errors =
                e.field() == null ? List.of() : List.of(Map.of("field", e.field(), "message", e.getMessage()));
        return ApiProblems.problem(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.INVALID_INPUT,
                "Invalid input",
                e.getMessage(),
                request,
                e.field(),
                errors);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", describe(error)));
        }
        errors.sort((a, b) -> a.get("field").compareTo(b.get("field")));
        String first = errors.isEmpty() ? null : errors.get(0).get("field");
        String detail = errors.isEmpty()
                ? "The request is not valid."
                : errors.get(0).get("field") + ": " + errors.get(0).get("message");
        return ApiProblems.problem(
                HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input", detail, request, first, errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(HandlerMethodValidationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            String field = name == null ? "parameter" : name;
            result.getResolvableErrors()
                    .forEach(error ->
                            errors.add(Map.of("field", field, "message", String.valueOf(error.getDefaultMessage()))));
        });
        String first = errors.isEmpty() ? null : errors.get(0).get("field");
        String detail = errors.isEmpty()
                ? "The request is not valid."
                : first + ": " + errors.get(0).get("message");
        return ApiProblems.problem(
                HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_INPUT, "Invalid input", detail, request, first, errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        String field = JsonErrors.fieldOf(e);
        boolean nul = e.getMostSpecificCause() instanceof tools.jackson.databind.exc.InvalidFormatException invalid
                && invalid.getValue() instanceof String text
                && text.indexOf('\u0000') >= 0;
        String detail = nul
                ? (field == null ? "" : "'" + field + "': ") + NulFreeText.MESSAGE
                : field == null
                        ? "The request body is not valid JSON, or a value has the wrong type."
                        : "The value of '" + field + "' is missing, malformed or of the wrong type.";
        return ApiProblems.problem(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.MALFORMED_REQUEST,
                "Malformed request",
                detail,
                request,
                field,
                field == null
                        ? List.of()
                        : List.of(Map.of(
                                "field", field, "message", nul ? NulFreeText.MESSAGE : "malformed or wrong type")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String field = e.getName();
        return ApiProblems.problem(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.INVALID_INPUT,
                "Invalid input",
                "The value of '" + field + "' has the wrong format.",
                request,
                field,
                List.of(Map.of("field", field, "message", "wrong format")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request) {
        String field = e.getParameterName();
        return ApiProblems.problem(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.INVALID_INPUT,
                "Invalid input",
                "The parameter '" + field + "' is required.",
                request,
                field,
                List.of(Map.of("field", field, "message", "required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        String header = e.getHeaderName();
        boolean ifMatch = "If-Match".equalsIgnoreCase(header);
        return ApiProblems.problem(
                ifMatch ? HttpStatus.PRECONDITION_REQUIRED : HttpStatus.BAD_REQUEST,
                ifMatch ? ProblemTypes.PRECONDITION_REQUIRED : ProblemTypes.INVALID_INPUT,
                ifMatch ? "Precondition required" : "Invalid input",
                "The header '" + header + "' is required.",
                request,
                header,
                List.of());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return ApiProblems.notFound(request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return ApiProblems.notFound(request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return ApiProblems.problem(
                HttpStatus.FORBIDDEN,
                ProblemTypes.FORBIDDEN,
                "Forbidden",
                "Your role may not use this endpoint.",
                request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        return ApiProblems.problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", e.getMessage(), request);
    }

    @ExceptionHandler({StaleVersionException.class, OptimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> stale(RuntimeException e, HttpServletRequest request) {
        return ApiProblems.problem(
                HttpStatus.PRECONDITION_FAILED,
                ProblemTypes.PRECONDITION_FAILED,
                "Precondition failed",
                new StaleVersionException().getMessage(),
                request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return ApiProblems.problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                ProblemTypes.METHOD_NOT_ALLOWED,
                "Method not allowed",
                "This address does not accept " + e.getMethod() + ".",
                request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return ApiProblems.problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type",
                "Send the request body as application/json.",
                request);
    }

    /** An {@code Accept} header naming no type the address answers in: 406, not an internal error. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        List<String> types = e.getSupportedMediaTypes().stream()
                .map(org.springframework.http.MediaType::toString)
                .toList();
        return ApiProblems.problem(
                HttpStatus.NOT_ACCEPTABLE,
                ProblemTypes.NOT_ACCEPTABLE,
                "Not acceptable",
                types.isEmpty()
                        ? "This address cannot answer in the type the Accept header asks for."
                        : "This address answers in " + String.join(", ", types) + "; the Accept header allows none.",
                request);
    }

    @ExceptionHandler(UnsupportedContentException.class)
    ResponseEntity<ProblemDetail> unsupportedContent(UnsupportedContentException e, HttpServletRequest request) {
        return ApiProblems.problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type",
                e.getMessage(),
                request,
                e.field(),
                List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }

    @ExceptionHandler(ContentTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(ContentTooLargeException e, HttpServletRequest request) {
        return ApiProblems.problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                ProblemTypes.CONTENT_TOO_LARGE,
                "Content too large",
                e.getMessage(),
                request,
                e.field(),
                List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error serving an API request", e);
        return ApiProblems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.INTERNAL_ERROR,
                "Internal error",
                "Something went wrong on our side. The error has been logged.",
                request);
    }

    private static String describe(FieldError error) {
        String message = error.getDefaultMessage();
        return message == null ? "is not valid" : message;
    }
}
