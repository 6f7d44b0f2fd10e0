package org.hemonet.shared;

/** A request that conflicts with the current state: {@code 409}. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
