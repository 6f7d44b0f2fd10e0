package org.hemonet.shared;

/** An update made against an older version than the stored one: {@code 412}, nothing changed (security.md §18). */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException() {
        super("The record has changed since it was read; reload it and try again");
    }
}
