package org.hemonet.message;

/** An attachment's bytes as stored: images without their metadata, PDFs as sent. */
public record AttachmentFile(String fileName, String contentType, byte[] bytes) {}
