package org.hemonet.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The request id and client address of the HTTP request being served, set by {@code RequestIdFilter}; outside a
 * request (jobs, start-up) both read {@code "-"}.
 */
public record RequestInfo(String requestId, String clientAddress) {

    public static final String ATTRIBUTE = RequestInfo.class.getName();
    private static final RequestInfo NONE = new RequestInfo("-", "-");

    public static RequestInfo current() {
        @Nullable RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return NONE;
        }
        Object info = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return info instanceof RequestInfo requestInfo ? requestInfo : NONE;
    }
}
