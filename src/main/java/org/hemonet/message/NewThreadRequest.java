package org.hemonet.message;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Starts a thread about a patient with its first message (issue 16's contract). */
public record NewThreadRequest(
        @NotNull UUID patientId, @NotBlank @Size(max = 200) String subject, @NotBlank @Size(max = 5000) String body) {}
