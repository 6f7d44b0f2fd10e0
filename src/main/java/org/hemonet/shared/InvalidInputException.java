package org.hemonet.shared;

import org.jspecify.annotations.Nullable;

/**
 * Input that cannot be accepted. Becomes a {@code 400} problem detail of type {@link ProblemTypes#INVALID_INPUT}
 * naming the offending field, or an error message beside the field in a form.
 */
public class InvalidInputException extends RuntimeException {

    private final @Nullable String field;

    public InvalidInputException(@Nullable String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field (JSON property name) at fault, or {@code null} when the whole request is. */
    public @Nullable String field() {
        return field;
    }
}
