package org.hemonet.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hemonet.shared.ProblemTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
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
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/problem+json");
            response.setHeader("Cache-Control", "no-store");
            byte[] body = ("{\"type\":\"" + ProblemTypes.CONTENT_TOO_LARGE + "\",\"title\":\"Content too large\","
                            + "\"status\":413,\"detail\":\"A file can be at most 10 MB.\",\"instance\":\""
                            + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"field\":\"file\","
                            + "\"errors\":[{\"field\":\"file\",\"message\":\"A file can be at most 10 MB.\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            // a length, not chunks: the client may still be sending the body the server will not read
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }
}
