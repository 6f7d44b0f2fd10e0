package org.hemonet.message;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A text message in a thread. */
public record ThreadPostRequest(@NotBlank @Size(max = 5000) String body) {}
