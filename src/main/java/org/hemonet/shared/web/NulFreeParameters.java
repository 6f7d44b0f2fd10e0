package org.hemonet.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hemonet.shared.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The query and form parameters' side of {@link NulFreeText}: a parameter holding the NUL character (U+0000) — a search
 * term, a form field — is a 400 naming the parameter before any page or API sees it, instead of a 500 from PostgreSQL.
 * An API request gets a problem body (RFC 9457), a page the error page. Multipart bodies are left to the handlers that
 * read them (their files are checked by the import and upload code).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NulFreeParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType == null
                || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            for (Map.Entry<String, String[]> parameter :
                    request.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    if (value.indexOf('\u0000') >= 0 || parameter.getKey().indexOf('\u0000') >= 0) {
                        refuse(request, response, parameter.getKey().replace('\u0000', '?'));
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String name)
            throws IOException {
        String detail = "'" + name + "': " + NulFreeText.MESSAGE;
        if (!request.getRequestURI().startsWith("/api/")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, detail);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"" + ProblemTypes.INVALID_INPUT + "\",\"title\":\"Invalid input\",\"status\":400,"
                        + "\"detail\":" + json(detail) + ",\"field\":" + json(name) + ",\"errors\":[{\"field\":"
                        + json(name) + ",\"message\":" + json(NulFreeText.MESSAGE) + "}]}");
    }

    /** A JSON string literal. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
