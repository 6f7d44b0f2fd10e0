package org.hemonet.diary;

import java.time.Instant;
import java.util.UUID;

/** A photo of a bleed as stored: JPEG or PNG, at most {@link #MAX_BYTES}. */
public record BleedPhoto(
        UUID id, UUID bleedId, String contentType, byte[] bytes, Instant uploadedAt, String uploadedBy) {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /**
     * The content type of an image, from its first bytes (a file name or a client's claim proves nothing): JPEG starts
     * FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A. Refuses anything else, empty files and files over 5 MB naming
     * {@code field}.
     */
    public static String contentTypeOf(byte[] bytes, String field) {
        if (bytes.length == 0) {
            throw new org.hemonet.shared.InvalidInputException(field, "The photo is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new org.hemonet.shared.InvalidInputException(field, "A photo can be at most 5 MB.");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (bytes.length >= png.length && java.util.Arrays.equals(bytes, 0, png.length, png, 0, png.length)) {
            return "image/png";
        }
        throw new org.hemonet.shared.InvalidInputException(field, "A photo must be a JPEG or PNG image.");
    }
}
