package org.hemonet.diary;

import java.util.UUID;

/** An infusion was voided (published after the void is committed), so that supply returns its vials to home stock. */
public record InfusionVoided(UUID infusionId, UUID patientId, String reason) {}
