package org.hemonet.shared;

/**
 * A resource that does not exist or that the caller may not see. Both answer the same {@code 404} so that an id
 * cannot be used to learn whether a record exists (security.md §2).
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String resource) {
        super(resource + " not found");
    }
}
