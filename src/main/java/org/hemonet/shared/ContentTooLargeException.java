package org.hemonet.shared;

/** An uploaded file over its limit: {@code 413} with a problem detail of type {@link ProblemTypes#CONTENT_TOO_LARGE}. */
public class ContentTooLargeException extends RuntimeException {

    private final String field;

    public ContentTooLargeException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
