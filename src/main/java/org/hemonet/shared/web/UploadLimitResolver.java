package org.hemonet.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.hemonet.shared.ProblemTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An {@code /api} upload over the server's multipart limit ({@code spring.servlet.multipart.*}) fails before any
 * controller is chosen, so no {@code @RestControllerAdvice} sees it, and the container's error dispatch would parse
 * the oversized body again and answer an empty 413. This answers the problem detail itself: 413 of type
 * {@link ProblemTypes#CONTENT_TOO_LARGE} naming the field {@code file}. Pages keep the container's error handling.
 */
@Component
class UploadLimitResolver implements HandlerExceptionResolver, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception ex) {
        String path = ApiProblems.requestedPath(request);
        if (!(ex instanceof MaxUploadSizeExceededException)
                || !ApiProblems.isApiRequest(path)
                || response.isCommitted()) {
            return null;
        }
        try {
            String message = "A file can be at most 10 MB.";
            // sent with its length, not in chunks: the client may still be sending the body the server will not read
            ApiProblems.write(
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    ProblemTypes.CONTENT_TOO_LARGE,
                    "Content too large",
                    message,
                    "file",
                    List.of(Map.of("field", "file", "message", message)));
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }
}
