package org.hemonet.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.hemonet.shared.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
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
        if (!ApiProblems.isApiRequest(request.getRequestURI())) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, detail);
            return;
        }
        ApiProblems.write(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                ProblemTypes.INVALID_INPUT,
                "Invalid input",
                detail,
                name,
                List.of(Map.of("field", name, "message", NulFreeText.MESSAGE)));
    }
}
