package org.hemonet.message;

import java.util.UUID;

/**
 * The centre team wrote in a patient's thread (issue 16): the patient and their parents are told a message is waiting —
 * by e-mail from here, and by Web Push from the reminder module, which listens. Carries no text.
 */
public record ThreadPostForPatient(UUID postId, UUID patientId) {}
