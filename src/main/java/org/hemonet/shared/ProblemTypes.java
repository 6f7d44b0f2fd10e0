package org.hemonet.shared;

import java.net.URI;

/** Stable RFC 9457 problem {@code type} URIs of the Hemonet API. Clients may rely on them never changing. */
public final class ProblemTypes {

    private static final String BASE = "https://hemonet.org/problems/";

    public static final URI INVALID_INPUT = URI.create(BASE + "invalid-input");
    public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
    public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
    public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");
    /** An upload over its size limit: 413. */
    public static final URI CONTENT_TOO_LARGE = URI.create(BASE + "content-too-large");

    public static final URI CONFLICT = URI.create(BASE + "conflict");
    /** An {@code Idempotency-Key} sent again with a different body (security.md §17): 422. */
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create(BASE + "idempotency-key-reused");
    /** A request with this {@code Idempotency-Key} is still being processed: 409. */
    public static final URI REQUEST_IN_FLIGHT = URI.create(BASE + "request-in-flight");

    public static final URI PRECONDITION_FAILED = URI.create(BASE + "precondition-failed");
    public static final URI PRECONDITION_REQUIRED = URI.create(BASE + "precondition-required");
    public static final URI INTERNAL_ERROR = URI.create(BASE + "internal-error");

    private ProblemTypes() {}
}
