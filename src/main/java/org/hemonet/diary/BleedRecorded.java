package org.hemonet.diary;

import java.time.Instant;
import java.util.UUID;

/** A bleed was logged; clinicians' views and outcome alerts may listen. */
public record BleedRecorded(UUID bleedId, UUID patientId, Instant startedAt, BleedSite site) {}
