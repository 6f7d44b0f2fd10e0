package org.hemonet.diary;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an offline sync batch: a client-generated {@code id}, the patient, and either a {@code bleed} or an
 * {@code infusion} (by {@code type}). An infusion may link a bleed of the same batch by its id.
 */
public record SyncEntry(
        @Nullable UUID id,
        @Nullable SyncEntryType type,
        @Nullable UUID patientId,
        @Nullable BleedRequest bleed,
        @Nullable InfusionRequest infusion) {}
