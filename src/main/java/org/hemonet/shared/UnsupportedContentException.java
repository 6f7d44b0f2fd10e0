package org.hemonet.shared;

/**
 * An uploaded file whose content (judged by its first bytes, never by its name or declared type) is of a kind that is
 * not accepted: {@code 415} with a problem detail of type {@link ProblemTypes#UNSUPPORTED_MEDIA_TYPE} naming the field.
 */
public class UnsupportedContentException extends RuntimeException {

    private final String field;

    public UnsupportedContentException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
