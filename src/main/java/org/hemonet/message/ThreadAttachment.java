package org.hemonet.message;

import java.util.UUID;

/** What a message says of its attachment (the bytes are fetched separately). */
public record ThreadAttachment(UUID id, String fileName, String contentType, int bytes) {

    public boolean image() {
        return contentType.startsWith("image/");
    }
}
